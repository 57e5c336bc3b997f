"""The URL is assembled from REDIS_HOST/REDIS_PORT with an f-string and a db in the path."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p22:"


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/4", minsize=1, maxsize=3)
    other = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.set(PREFIX + "where", "db4")
        print("db4", repr(await redis.get(PREFIX + "where")))
        print("db0", repr(await other.get(PREFIX + "where")))
        print("getset", repr(await redis.getset(PREFIX + "where", "moved")))
        print("getrange", repr(await redis.getrange(PREFIX + "where", 0, 2)))
        print("setnx", repr(await redis.setnx(PREFIX + "where", "again")))
        await redis.delete(PREFIX + "where")
    finally:
        other.close()
        redis.close()
        await other.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
