"""Warm a product cache: one pipeline queues a GET per id and keeps the futures in a list, gathered after
execute(). In redis-py the queued commands return the pipeline itself, so the list must be replaced by
execute()'s replies (a manual step)."""
import asyncio
import os

import aioredis

PREFIX = "p35:"


async def load_products(redis, ids):
    pipe = redis.pipeline()
    futures = [pipe.get(PREFIX + "product:" + str(i)) for i in ids]
    await pipe.execute()
    return await asyncio.gather(*futures)


async def main():
    redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"], encoding="utf-8")
    try:
        await redis.mset({PREFIX + "product:1": "lamp", PREFIX + "product:3": "desk"})
        print(await load_products(redis, [1, 2, 3]))
        print(await load_products(redis, []))
        await redis.delete(PREFIX + "product:1", PREFIX + "product:3")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
