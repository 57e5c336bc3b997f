"""Bulk counter update with redis.asyncio: execute(raise_on_error=False) returns the ResponseError in place; by
default execute() raises the first error after every command has run."""
import asyncio
import os

import redis.asyncio as redis
from redis.exceptions import ResponseError

PREFIX = "p36:"
KEYS = [PREFIX + "clicks", PREFIX + "label", PREFIX + "views"]


async def bump_all(r, keys):
    pipe = r.pipeline(transaction=False)
    for key in keys:
        pipe.incr(key)
    results = await pipe.execute(raise_on_error=False)
    for key, result in zip(keys, results):
        if isinstance(result, ResponseError):
            print(key, "-> not a counter")
        else:
            print(key, "->", result)
    return sum(1 for x in results if isinstance(x, Exception))


async def main():
    r = redis.Redis.from_url(os.environ["REDIS_URL"])
    try:
        await r.set(PREFIX + "label", "hello")
        print("failed", await bump_all(r, KEYS))
        pipe = r.pipeline(transaction=False)
        pipe.incr(PREFIX + "clicks").incr(PREFIX + "label").incr(PREFIX + "views")
        try:
            await pipe.execute()
            print("no error?")
        except ResponseError:
            print("pipeline raised")
        print("clicks", await r.get(PREFIX + "clicks"), "views", await r.get(PREFIX + "views"))
        await r.delete(*KEYS)
    finally:
        await r.close()
        await r.connection_pool.disconnect()


asyncio.run(main())
