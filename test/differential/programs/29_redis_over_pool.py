"""A raw pool wrapped in a high-level client: aioredis.Redis(pool)."""
import asyncio
import os

import aioredis

PREFIX = "p29:"


async def main():
    pool = await aioredis.create_pool(os.environ["REDIS_URL"], minsize=1, maxsize=4, encoding="utf-8")
    redis = aioredis.Redis(pool)
    try:
        await redis.hset(PREFIX + "cfg", "mode", "fast")
        await redis.hset(PREFIX + "cfg", "level", 3)
        print("cfg", sorted((await redis.hgetall(PREFIX + "cfg")).items()))
        await redis.lpush(PREFIX + "events", "boot", "ready")
        print("events", repr(await redis.lrange(PREFIX + "events", 0, -1)))
        print("delete", repr(await redis.delete(PREFIX + "cfg", PREFIX + "events")))
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
