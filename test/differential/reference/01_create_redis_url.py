"""A small key/value job: one aioredis connection made from a URL, closed in `finally`."""
import asyncio
import os

import redis.asyncio as ra

REDIS_URL = os.environ["REDIS_URL"]
PREFIX = "p01:"


async def main():
    redis = ra.Redis.from_url(REDIS_URL)
    try:
        await redis.set(PREFIX + "greeting", "hello")
        await redis.set(PREFIX + "counter", 10)
        print("get", repr(await redis.get(PREFIX + "greeting")))
        print("incr", repr(await redis.incr(PREFIX + "counter")))
        print("incrby", repr(await redis.incrby(PREFIX + "counter", 5)))
        print("counter", repr(await redis.get(PREFIX + "counter")))
        print("missing", repr(await redis.get(PREFIX + "nope")))
        print("append", repr(await redis.append(PREFIX + "greeting", " world")))
        print("strlen", repr(await redis.strlen(PREFIX + "greeting")))
        print("delete", repr(await redis.delete(PREFIX + "greeting", PREFIX + "counter")))
    finally:
        await redis.close()
    print("done")


asyncio.run(main())
