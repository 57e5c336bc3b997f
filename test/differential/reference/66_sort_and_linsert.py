"""A leaderboard and a playlist: sort with get=[...], start=/num= and desc=; linsert takes "BEFORE"/"AFTER" first."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p66:"


async def main():
    r = ra.Redis.from_url(f"redis://{HOST}:{PORT}/0")
    try:
        players = {"1": ("ann", 30), "2": ("bob", 10), "3": ("cid", 20), "4": ("dan", 40)}
        for pid, (name, score) in players.items():
            await r.rpush(PREFIX + "board", pid)
            await r.set(f"{PREFIX}score:{pid}", score)
            await r.hset(f"{PREFIX}player:{pid}", "name", name)
        print(await r.sort(PREFIX + "board"))
        print(await r.sort(PREFIX + "board", by=PREFIX + "score:*", desc=True))
        print(await r.sort(PREFIX + "board", get=[PREFIX + "player:*->name"], by=PREFIX + "score:*", start=1, num=2))
        print(await r.sort(PREFIX + "board", get=[PREFIX + "player:*->name", "#"], by=PREFIX + "score:*"))
        print(await r.sort(PREFIX + "board", by=PREFIX + "score:*", store=PREFIX + "sorted"))
        print(await r.lrange(PREFIX + "sorted", 0, -1))
        await r.rpush(PREFIX + "playlist", "intro", "outro")
        print(await r.linsert(PREFIX + "playlist", "AFTER", "intro", "song-a"))
        print(await r.linsert(PREFIX + "playlist", "BEFORE", "outro", "song-b"))
        print(await r.linsert(PREFIX + "playlist", "AFTER", "missing", "x"))
        print(await r.lrange(PREFIX + "playlist", 0, -1))
        keys = [PREFIX + "board", PREFIX + "sorted", PREFIX + "playlist"]
        keys += [f"{PREFIX}score:{p}" for p in players] + [f"{PREFIX}player:{p}" for p in players]
        await r.delete(*keys)
    finally:
        await r.close()
        await r.connection_pool.disconnect()


asyncio.run(main())
