"""A pooled client that decodes replies (encoding="utf-8"): values come back as str, not bytes."""
import asyncio
import os

import aioredis

PREFIX = "p03:"


async def main():
    redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"], encoding="utf-8")
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
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
