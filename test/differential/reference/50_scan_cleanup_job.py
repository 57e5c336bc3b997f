"""Nightly cleanup with redis.asyncio iterators: scan_iter, sscan_iter, zscan_iter (float scores), hscan_iter;
set(ex=None) for "no TTL"."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p50:"


async def expired_sessions(r):
    found = []
    async for key in r.scan_iter(match=PREFIX + "session:*", count=5):
        if await r.ttl(key) == -1:
            found.append(key)
    return sorted(found)


async def main():
    r = redis.Redis(host=HOST, port=PORT, decode_responses=True)
    try:
        for i in range(12):
            await r.set(f"{PREFIX}session:{i:02d}", "x", ex=600 if i % 3 else None)
        await r.sadd(PREFIX + "online", *[f"user{i}" for i in range(7)])
        await r.zadd(PREFIX + "karma", {"ann": 10, "bob": 2.5, "cid": -3})
        await r.hset(PREFIX + "counters", mapping={"a": 1, "b": 0, "c": 7})
        stale = await expired_sessions(r)
        print("without ttl", stale)
        online = sorted([u async for u in r.sscan_iter(PREFIX + "online", match="user[0-3]")])
        print("online 0-3", online)
        negative = [m async for m, score in r.zscan_iter(PREFIX + "karma") if score < 0]
        total = sum([score async for _, score in r.zscan_iter(PREFIX + "karma", match="*")])
        print("negative karma", negative, "total", round(total, 1))
        zero = sorted([f async for f, v in r.hscan_iter(PREFIX + "counters", count=10) if int(v) == 0])
        print("zero counters", zero)
        removed = await r.delete(*stale)
        removed += await r.delete(*[key async for key in r.scan_iter(match=PREFIX + "session:*")])
        print("removed", removed)
        await r.delete(PREFIX + "online", PREFIX + "karma", PREFIX + "counters")
    finally:
        await r.close()


asyncio.run(main())
