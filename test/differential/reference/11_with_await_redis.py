"""A pooled client lends one dedicated connection with `async with redis.client() as r2:` for a batch of commands."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p11:"


async def main():
    redis = ra.Redis.from_url(os.environ["REDIS_URL"])
    async with redis.client() as r2:
        await r2.set(PREFIX + "a", "1")
        await r2.incr(PREFIX + "a")
        await r2.rpush(PREFIX + "log", "started", "running")
        print("inside a", repr(await r2.get(PREFIX + "a")))
        print("inside log", repr(await r2.lrange(PREFIX + "log", 0, -1)))
    # the parent client is still usable after the block
    print("after a", repr(await redis.get(PREFIX + "a")))
    print("after exists", repr(await redis.exists(PREFIX + "a", PREFIX + "log", PREFIX + "zzz")))
    await redis.delete(PREFIX + "a", PREFIX + "log")
    await redis.close()


asyncio.run(main())
