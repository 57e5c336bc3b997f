"""A leaderboard and a playlist: sort with GET patterns, offset/count and asc=, linsert before/after a pivot."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p66:"


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        players = {"1": ("ann", 30), "2": ("bob", 10), "3": ("cid", 20), "4": ("dan", 40)}
        for pid, (name, score) in players.items():
            await redis.rpush(PREFIX + "board", pid)
            await redis.set(f"{PREFIX}score:{pid}", score)
            await redis.hmset_dict(f"{PREFIX}player:{pid}", name=name)
        print(await redis.sort(PREFIX + "board"))
        print(await redis.sort(PREFIX + "board", by=PREFIX + "score:*", asc=False))
        print(await redis.sort(PREFIX + "board", PREFIX + "player:*->name", by=PREFIX + "score:*", offset=1, count=2))
        print(await redis.sort(PREFIX + "board", PREFIX + "player:*->name", "#", by=PREFIX + "score:*", asc=True))
        print(await redis.sort(PREFIX + "board", by=PREFIX + "score:*", store=PREFIX + "sorted"))
        print(await redis.lrange(PREFIX + "sorted", 0, -1))
        await redis.rpush(PREFIX + "playlist", "intro", "outro")
        print(await redis.linsert(PREFIX + "playlist", "intro", "song-a"))
        print(await redis.linsert(PREFIX + "playlist", "outro", "song-b", before=True))
        print(await redis.linsert(PREFIX + "playlist", "missing", "x"))
        print(await redis.lrange(PREFIX + "playlist", 0, -1))
        keys = [PREFIX + "board", PREFIX + "sorted", PREFIX + "playlist"]
        keys += [f"{PREFIX}score:{p}" for p in players] + [f"{PREFIX}player:{p}" for p in players]
        await redis.delete(*keys)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
