"""A nightly cleanup job walking keys and collections with the aioredis async iterators: iscan with match/count
over sessions, isscan over a set of online users, izscan over a score set (scores used as numbers), ihscan over a
hash of counters, then deleting what it found."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p50:"


async def expired_sessions(redis):
    found = []
    async for key in redis.iscan(match=PREFIX + "session:*", count=5):
        if await redis.ttl(key) == -1:
            found.append(key)
    return sorted(found)


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0", encoding="utf-8")
    try:
        for i in range(12):
            await redis.set(f"{PREFIX}session:{i:02d}", "x", expire=600 if i % 3 else 0)
        await redis.sadd(PREFIX + "online", *[f"user{i}" for i in range(7)])
        await redis.zadd(PREFIX + "karma", 10, "ann", 2.5, "bob", -3, "cid")
        await redis.hmset(PREFIX + "counters", "a", 1, "b", 0, "c", 7)
        stale = await expired_sessions(redis)
        print("without ttl", stale)
        online = sorted([u async for u in redis.isscan(PREFIX + "online", match="user[0-3]")])
        print("online 0-3", online)
        negative = [m async for m, score in redis.izscan(PREFIX + "karma") if score < 0]
        total = sum([score async for _, score in redis.izscan(PREFIX + "karma", match="*")])
        print("negative karma", negative, "total", round(total, 1))
        zero = sorted([f async for f, v in redis.ihscan(PREFIX + "counters", count=10) if int(v) == 0])
        print("zero counters", zero)
        removed = await redis.delete(*stale)
        removed += await redis.delete(*[key async for key in redis.iscan(match=PREFIX + "session:*")])
        print("removed", removed)
        await redis.delete(PREFIX + "online", PREFIX + "karma", PREFIX + "counters")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
