"""Warm a product cache with redis.asyncio: the list of replies is what execute() returns."""
import asyncio
import os

import redis.asyncio as redis

PREFIX = "p35:"


async def load_products(r, ids):
    pipe = r.pipeline(transaction=False)
    for i in ids:
        pipe.get(PREFIX + "product:" + str(i))
    return await pipe.execute()


async def main():
    r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    try:
        await r.mset({PREFIX + "product:1": "lamp", PREFIX + "product:3": "desk"})
        print(await load_products(r, [1, 2, 3]))
        print(await load_products(r, []))
        await r.delete(PREFIX + "product:1", PREFIX + "product:3")
    finally:
        await r.close()
        await r.connection_pool.disconnect()


asyncio.run(main())
