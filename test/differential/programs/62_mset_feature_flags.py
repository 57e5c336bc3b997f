"""Feature flags written in one round trip: mset with key/value pairs or a dict, msetnx for first-writer-wins defaults."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p62:"


async def publish_flags(redis, flags):
    # the dict form of mset already is redis-py's
    await redis.mset({PREFIX + name: value for name, value in flags.items()})


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.mset(PREFIX + "search", "on", PREFIX + "beta", "off")
        await publish_flags(redis, {"dark": "on"})
        if await redis.msetnx(PREFIX + "search", "off", PREFIX + "new", "on"):
            print("defaults written")
        else:
            print("defaults kept")
        if await redis.msetnx(PREFIX + "new", "on", PREFIX + "newer", "on"):
            print("second defaults written")
        print(await redis.mget(PREFIX + "search", PREFIX + "beta", PREFIX + "dark", PREFIX + "new", PREFIX + "newer"))
        await redis.mset(
            PREFIX + "search", "off",  # rollback
            PREFIX + "beta", "on",
        )
        print(await redis.mget(PREFIX + "search", PREFIX + "beta"))
        await redis.delete(PREFIX + "search", PREFIX + "beta", PREFIX + "dark", PREFIX + "new", PREFIX + "newer")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
