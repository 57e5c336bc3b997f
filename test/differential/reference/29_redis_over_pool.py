"""A raw pool wrapped in a high-level client: aioredis.Redis(pool)."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p29:"


async def main():
    pool = ra.BlockingConnectionPool.from_url(os.environ["REDIS_URL"], max_connections=4, timeout=None, decode_responses=True)
    redis = ra.Redis(connection_pool=pool)
    try:
        await redis.hset(PREFIX + "cfg", "mode", "fast")
        await redis.hset(PREFIX + "cfg", "level", 3)
        print("cfg", sorted((await redis.hgetall(PREFIX + "cfg")).items()))
        await redis.lpush(PREFIX + "events", "boot", "ready")
        print("events", repr(await redis.lrange(PREFIX + "events", 0, -1)))
        print("delete", repr(await redis.delete(PREFIX + "cfg", PREFIX + "events")))
    finally:
        await redis.close()
        await pool.disconnect()


asyncio.run(main())
