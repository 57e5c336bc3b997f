"""A module-level client (Optional[ra.Redis]) initialised once with `global`, used by helpers."""
import asyncio
import os
from typing import Optional

import redis.asyncio as ra

PREFIX = "p21:"
redis: Optional[ra.Redis] = None


async def init_redis() -> None:
    global redis
    redis = ra.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)


async def close_redis() -> None:
    global redis
    if redis is not None:
        await redis.close()
        redis = None


async def remember(user: str, item: str) -> int:
    return await redis.sadd(PREFIX + "seen:" + user, item)


async def seen(user: str) -> list:
    return sorted(await redis.smembers(PREFIX + "seen:" + user))


async def main():
    await init_redis()
    try:
        print("add", [await remember("ada", x) for x in ["a", "b", "a", "c"]])
        seen_list = await seen("ada")
        print("seen", seen_list)
        print("count", repr(await redis.scard(PREFIX + "seen:ada")))
        print("keys", sorted(await redis.keys(PREFIX + "*")))
        await redis.delete(PREFIX + "seen:ada")
    finally:
        await close_redis()
    print("closed", redis is None, len(seen_list))


asyncio.run(main())
