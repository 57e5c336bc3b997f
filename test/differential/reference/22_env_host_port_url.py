"""The URL is assembled from REDIS_HOST/REDIS_PORT with an f-string and a db in the path."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p22:"


async def main():
    redis = ra.Redis.from_url(f"redis://{HOST}:{PORT}/4", max_connections=3)
    other = ra.Redis.from_url(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.set(PREFIX + "where", "db4")
        print("db4", repr(await redis.get(PREFIX + "where")))
        print("db0", repr(await other.get(PREFIX + "where")))
        print("getset", repr(await redis.getset(PREFIX + "where", "moved")))
        print("getrange", repr(await redis.getrange(PREFIX + "where", 0, 2)))
        print("setnx", repr(await redis.setnx(PREFIX + "where", "again")))
        await redis.delete(PREFIX + "where")
    finally:
        await other.close()
        await redis.close()


asyncio.run(main())
