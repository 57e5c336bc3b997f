"""User profiles in hashes: hmset_dict with a dict and keyword fields, hmset pairs, hincrby/hincrbyfloat by keyword."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p61:"


class Profiles:
    def __init__(self, redis):
        self.redis = redis

    async def save(self, user_id, profile, **extra):
        key = f"{PREFIX}user:{user_id}"
        await self.redis.hmset_dict(key, profile, **extra)

    async def rename(self, user_id, first, last):
        await self.redis.hmset(f"{PREFIX}user:{user_id}", "first", first, "last", last)

    async def visit(self, user_id, seconds):
        key = f"{PREFIX}user:{user_id}"
        await self.redis.hincrby(key, "visits", increment=1)
        await self.redis.hincrbyfloat(key, "time", increment=seconds)

    async def load(self, user_id):
        data = await self.redis.hgetall(f"{PREFIX}user:{user_id}")
        return sorted(data.items())


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        profiles = Profiles(redis)
        await profiles.save(1, {"first": "Ada", "plan": "free"}, plan="pro", lang="en")
        await profiles.rename(1, "Augusta", "King")
        await profiles.visit(1, 1.5)
        await profiles.visit(1, 0.25)
        print(await profiles.load(1))
        await redis.hmset_dict(PREFIX + "user:2", first="Alan")
        await redis.hmset_dict(
            PREFIX + "user:2",
            {"last": "Turing"},  # merged with the keyword fields
            plan="free",
        )
        print(await profiles.load(2))
        tr = redis.multi_exec()
        tr.hmset_dict(PREFIX + "user:3", {"first": "Grace"})
        tr.hincrby(PREFIX + "user:3", "visits", increment=5)
        await tr.execute()
        print(await profiles.load(3))
        await redis.delete(PREFIX + "user:1", PREFIX + "user:2", PREFIX + "user:3")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
