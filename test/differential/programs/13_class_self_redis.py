"""A cache service class that keeps its client in self.redis (Optional[aioredis.Redis])."""
import asyncio
import json
import os
from typing import Optional

import aioredis


class Cache:
    def __init__(self, url: str, namespace: str) -> None:
        self.url = url
        self.namespace = namespace
        self.redis: Optional[aioredis.Redis] = None

    async def connect(self) -> None:
        self.redis = await aioredis.create_redis_pool(self.url, encoding="utf-8")

    async def close(self) -> None:
        if self.redis is not None:
            self.redis.close()
            await self.redis.wait_closed()
            self.redis = None

    def _key(self, name: str) -> str:
        return "%s:%s" % (self.namespace, name)

    async def put(self, name: str, value: dict, ttl: int = 60) -> None:
        await self.redis.set(self._key(name), json.dumps(value, sort_keys=True))
        await self.redis.expire(self._key(name), ttl)

    async def fetch(self, name: str) -> Optional[dict]:
        raw = await self.redis.get(self._key(name))
        return None if raw is None else json.loads(raw)

    async def forget(self, name: str) -> int:
        return await self.redis.delete(self._key(name))


async def main():
    cache = Cache(os.environ["REDIS_URL"], "p13")
    await cache.connect()
    try:
        await cache.put("profile", {"name": "Ada", "langs": ["py", "c"]})
        print("fetch", repr(await cache.fetch("profile")))
        print("raw", repr(await cache.redis.get("p13:profile")))
        print("has ttl", 0 < await cache.redis.ttl("p13:profile") <= 60)
        print("fetch missing", repr(await cache.fetch("nothing")))
        print("forget", repr(await cache.forget("profile")))
        print("forget again", repr(await cache.forget("profile")))
    finally:
        await cache.close()
    print("closed", cache.redis is None)


asyncio.run(main())
