"""Shutdown bookkeeping through the client's `closed` property, which redis.asyncio does not have (manual step)."""
import asyncio
import os

import aioredis

PREFIX = "p27:"


async def main():
    redis = await aioredis.create_redis(os.environ["REDIS_URL"])
    await redis.set(PREFIX + "k", "v")
    print("value", repr(await redis.get(PREFIX + "k")))
    await redis.delete(PREFIX + "k")
    print("closed before", redis.closed)
    redis.close()
    await redis.wait_closed()
    print("closed after", redis.closed)


asyncio.run(main())
