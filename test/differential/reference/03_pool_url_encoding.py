"""A pooled client that decodes replies (encoding="utf-8"): values come back as str, not bytes."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p03:"


async def main():
    redis = ra.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    try:
        q = PREFIX + "queue"
        await redis.rpush(q, "a", "b", "c")
        await redis.lpush(q, "z")
        print("lrange", repr(await redis.lrange(q, 0, -1)))
        print("llen", repr(await redis.llen(q)))
        print("lpop", repr(await redis.lpop(q)))
        print("rpop", repr(await redis.rpop(q)))
        print("lindex", repr(await redis.lindex(q, 0)))
        await redis.set(PREFIX + "name", "Grüße")
        print("get unicode", repr(await redis.get(PREFIX + "name")))
        print("mget", repr(await redis.mget(PREFIX + "name", PREFIX + "none")))
        await redis.delete(q, PREFIX + "name")
    finally:
        await redis.close()


asyncio.run(main())
