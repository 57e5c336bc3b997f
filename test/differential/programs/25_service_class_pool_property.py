"""A repository class that creates its pool lazily, with a startup/shutdown pair and a type-annotated attribute."""
import asyncio
import os
from typing import Optional

import aioredis


class SessionStore:
    redis: Optional[aioredis.Redis]

    def __init__(self, address, prefix):
        self.address = address
        self.prefix = prefix
        self.redis = None

    async def startup(self):
        self.redis = await aioredis.create_redis_pool(self.address, db=0, minsize=1, maxsize=4, timeout=3)

    async def shutdown(self):
        self.redis.close()
        await self.redis.wait_closed()

    async def create(self, sid, user):
        await self.redis.hset(self.prefix + sid, "user", user)
        await self.redis.expire(self.prefix + sid, 300)

    async def user_of(self, sid):
        return await self.redis.hget(self.prefix + sid, "user")

    async def destroy(self, sid):
        return await self.redis.delete(self.prefix + sid)


async def main():
    store = SessionStore((os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"])), "p25:")
    await store.startup()
    try:
        await store.create("s1", "ada")
        await store.create("s2", "bob")
        print("s1", repr(await store.user_of("s1")))
        print("s3", repr(await store.user_of("s3")))
        print("destroy", repr(await store.destroy("s1")), repr(await store.destroy("s1")))
        print("s2 alive", repr(await store.redis.exists("p25:s2")))
        await store.destroy("s2")
    finally:
        await store.shutdown()


asyncio.run(main())
