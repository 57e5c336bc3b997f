"""An activity feed on a stream: xadd with explicit ids and max_len/exact_len trimming, xrange/xrevrange pages
with start/stop/count, and xtrim."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p43:"
FEED = PREFIX + "feed"
AUDIT = PREFIX + "audit"


def show(entries):
    return [(entry_id.decode(), fields[b"user"].decode(), fields[b"action"].decode()) for entry_id, fields in entries]


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        for i, (user, action) in enumerate([("ann", "login"), ("bob", "post"), ("ann", "like"), ("cid", "login")], 1):
            await redis.xadd(FEED, {"user": user, "action": action}, message_id=f"1700000000000-{i}")
        await redis.xadd(AUDIT, {"user": "root", "action": "backup"}, message_id=b"1700000000001-0")
        print("length", await redis.xlen(FEED))
        print("first two", show(await redis.xrange(FEED, count=2)))
        print("from 3", show(await redis.xrange(FEED, start="1700000000000-3", stop="+")))
        print("newest", show(await redis.xrevrange(FEED, count=1)))
        print("audit", show(await redis.xrevrange(AUDIT, start="+", stop="-")))
        await redis.xadd(FEED, {"user": "dan", "action": "logout"}, max_len=3, exact_len=True)
        print("trimmed", await redis.xlen(FEED), show(await redis.xrange(FEED))[0][1:])
        print("xtrim removed", await redis.xtrim(FEED, 1, exact_len=True), "left", await redis.xlen(FEED))
        await redis.delete(FEED, AUDIT)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
