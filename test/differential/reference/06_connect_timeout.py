"""Expiring keys through a client created with a connect timeout (timeout=)."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p06:"


async def main():
    redis = ra.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=5)
    try:
        await redis.set(PREFIX + "token", "t0k3n")
        print("expire", repr(await redis.expire(PREFIX + "token", 1000)))
        ttl = await redis.ttl(PREFIX + "token")
        print("ttl in range", 900 <= ttl <= 1000)
        print("ttl missing", repr(await redis.ttl(PREFIX + "missing")))
        await redis.set(PREFIX + "forever", "1")
        print("ttl no expiry", repr(await redis.ttl(PREFIX + "forever")))
        print("persist", repr(await redis.persist(PREFIX + "token")))
        print("ttl after persist", repr(await redis.ttl(PREFIX + "token")))
        await redis.setex(PREFIX + "short", 500, "x")
        print("setex ttl in range", 400 <= await redis.ttl(PREFIX + "short") <= 500)
        print("delete", repr(await redis.delete(PREFIX + "token", PREFIX + "forever", PREFIX + "short")))
    finally:
        await redis.close()


asyncio.run(main())
