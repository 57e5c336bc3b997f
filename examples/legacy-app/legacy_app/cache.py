"""A small JSON cache in front of the link store."""
import json
from typing import Any, Optional

import aioredis

from . import settings


class JsonCache:
    def __init__(self, redis: aioredis.Redis, prefix: str = "cache:") -> None:
        self.redis = redis
        self.prefix = prefix

    async def get(self, key: str) -> Optional[Any]:
        raw = await self.redis.get(self.prefix + key)
        return None if raw is None else json.loads(raw)

    async def set(self, key: str, value: Any, ttl: int = settings.CACHE_TTL) -> None:
        await self.redis.set(self.prefix + key, json.dumps(value), expire=ttl)

    async def forget(self, *keys: str) -> int:
        return await self.redis.delete(*[self.prefix + k for k in keys])

    async def remember_link(self, code: str, url: str, owner: str) -> None:
        # One round trip: the link's fields and its TTL together.
        tr = self.redis.multi_exec()
        tr.hmset_dict("link:" + code, {"url": url, "owner": owner, "hits": 0})
        tr.expire("link:" + code, 30 * 24 * 3600)
        await tr.execute()
