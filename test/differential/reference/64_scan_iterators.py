"""Walking the keyspace and collections with redis-py's scan_iter, hscan_iter, sscan_iter and zscan_iter."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p64:"


async def main():
    r = ra.Redis(host=HOST, port=PORT)
    try:
        for i in range(25):
            await r.set(f"{PREFIX}user:{i}", i)
        await r.hset(PREFIX + "config", mapping={**{f"feature:{i}": "on" for i in range(12)}, "other": "x"})
        await r.sadd(PREFIX + "online", *[f"u{i}" for i in range(15)])
        await r.zadd(PREFIX + "ranking", {"ann": 1, "bob": 2.5, "cid": 3})
        users = sorted([k async for k in r.scan_iter(match=PREFIX + "user:*", count=5)])
        print(len(users), users[:3])
        features = []
        async for field, value in r.hscan_iter(PREFIX + "config", match="feature:*"):
            features.append((field, value))
        print(sorted(features)[:2], len(features))
        online = set()
        async for member in r.sscan_iter(PREFIX + "online", count=4):
            online.add(member)
        print(sorted(online)[:3], len(online))
        async for member, score in r.zscan_iter(PREFIX + "ranking"):
            print(member, float(score))
        removed = 0
        async for key in r.scan_iter(match=PREFIX + "*"):
            removed += await r.delete(key)
        print("removed", removed)
    finally:
        await r.close()


asyncio.run(main())
