"""A module-level client (Optional[aioredis.Redis]) initialised once with `global`, used by helpers."""
import asyncio
import os
from typing import Optional

import aioredis

PREFIX = "p21:"
redis: Optional[aioredis.Redis] = None


async def init_redis() -> None:
    global redis
    redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"], encoding="utf-8")


async def close_redis() -> None:
    global redis
    if redis is not None:
        redis.close()
        await redis.wait_closed()
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
