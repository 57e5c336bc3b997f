"""A fixed-window rate limiter: INCR a per-user counter and give it a TTL on the first hit."""
import asyncio
import os

import aioredis

PREFIX = "p20:"
LIMIT = 3
WINDOW = 60


class RateLimiter:
    def __init__(self, redis: aioredis.Redis, limit: int, window: int):
        self.redis = redis
        self.limit = limit
        self.window = window

    async def allow(self, user: str) -> bool:
        key = PREFIX + "rl:" + user
        hits = await self.redis.incr(key)
        if hits == 1:
            await self.redis.expire(key, self.window)
        return hits <= self.limit


async def main():
    redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"], minsize=1, maxsize=2)
    limiter = RateLimiter(redis, LIMIT, WINDOW)
    try:
        decisions = [await limiter.allow("ada") for _ in range(5)]
        print("ada", decisions)
        print("bob", [await limiter.allow("bob") for _ in range(2)])
        ttl = await redis.ttl(PREFIX + "rl:ada")
        print("window set", 0 < ttl <= WINDOW)
        print("counter", repr(await redis.get(PREFIX + "rl:ada")))
        await redis.delete(PREFIX + "rl:ada", PREFIX + "rl:bob")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
