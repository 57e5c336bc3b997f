"""Owner sessions, stored as Redis hashes. The client comes from the caller."""
import secrets
import time
from typing import Dict, Optional

import aioredis

SESSION_TTL = 7 * 24 * 3600


async def open_session(redis: aioredis.Redis, owner: str) -> str:
    token = secrets.token_urlsafe(24)
    await redis.hmset_dict(f"session:{token}", owner=owner, created=str(int(time.time())))
    await redis.expire(f"session:{token}", SESSION_TTL)
    return token


async def load_session(redis: aioredis.Redis, token: str) -> Optional[Dict[str, str]]:
    data = await redis.hgetall(f"session:{token}")
    return data or None


async def close_session(redis: aioredis.Redis, token: str) -> bool:
    return await redis.delete(f"session:{token}") == 1
