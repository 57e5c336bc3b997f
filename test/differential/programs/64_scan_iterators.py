"""Walking the keyspace and collections with aioredis' async iterators (iscan, ihscan, isscan, izscan); scores printed as floats."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p64:"


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        for i in range(25):
            await redis.set(f"{PREFIX}user:{i}", i)
        await redis.hmset_dict(PREFIX + "config", {f"feature:{i}": "on" for i in range(12)}, other="x")
        await redis.sadd(PREFIX + "online", *[f"u{i}" for i in range(15)])
        await redis.zadd(PREFIX + "ranking", 1, "ann", 2.5, "bob", 3, "cid")
        users = sorted([k async for k in redis.iscan(match=PREFIX + "user:*", count=5)])
        print(len(users), users[:3])
        features = []
        async for field, value in redis.ihscan(PREFIX + "config", match="feature:*"):
            features.append((field, value))
        print(sorted(features)[:2], len(features))
        online = set()
        async for member in redis.isscan(PREFIX + "online", count=4):
            online.add(member)
        print(sorted(online)[:3], len(online))
        async for member, score in redis.izscan(PREFIX + "ranking"):
            print(member, float(score))
        removed = 0
        async for key in redis.iscan(match=PREFIX + "*"):
            removed += await redis.delete(key)
        print("removed", removed)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
