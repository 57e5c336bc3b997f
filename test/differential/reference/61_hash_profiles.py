"""User profiles in hashes: hset(mapping=) replaces hmset_dict and hmset pairs; hincrby/hincrbyfloat take amount=."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p61:"


class Profiles:
    def __init__(self, r):
        self.r = r

    async def save(self, user_id, profile, **extra):
        key = f"{PREFIX}user:{user_id}"
        await self.r.hset(key, mapping={**profile, **extra})

    async def rename(self, user_id, first, last):
        await self.r.hset(f"{PREFIX}user:{user_id}", mapping={"first": first, "last": last})

    async def visit(self, user_id, seconds):
        key = f"{PREFIX}user:{user_id}"
        await self.r.hincrby(key, "visits", amount=1)
        await self.r.hincrbyfloat(key, "time", amount=seconds)

    async def load(self, user_id):
        data = await self.r.hgetall(f"{PREFIX}user:{user_id}")
        return sorted(data.items())


async def main():
    r = ra.Redis.from_url(f"redis://{HOST}:{PORT}/0")
    try:
        profiles = Profiles(r)
        await profiles.save(1, {"first": "Ada", "plan": "free"}, plan="pro", lang="en")
        await profiles.rename(1, "Augusta", "King")
        await profiles.visit(1, 1.5)
        await profiles.visit(1, 0.25)
        print(await profiles.load(1))
        await r.hset(PREFIX + "user:2", mapping={"first": "Alan"})
        await r.hset(PREFIX + "user:2", mapping={"last": "Turing", "plan": "free"})
        print(await profiles.load(2))
        async with r.pipeline(transaction=True) as tr:
            tr.hset(PREFIX + "user:3", mapping={"first": "Grace"})
            tr.hincrby(PREFIX + "user:3", "visits", amount=5)
            await tr.execute()
        print(await profiles.load(3))
        await r.delete(PREFIX + "user:1", PREFIX + "user:2", PREFIX + "user:3")
    finally:
        await r.close()
        await r.connection_pool.disconnect()


asyncio.run(main())
