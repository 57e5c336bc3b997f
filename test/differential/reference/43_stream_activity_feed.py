"""Activity feed with redis.asyncio streams: xadd(id=, maxlen=, approximate=False), xrange(min=, max=, count=),
xrevrange(max=, min=), xtrim(maxlen=, approximate=False)."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p43:"
FEED = PREFIX + "feed"
AUDIT = PREFIX + "audit"


def show(entries):
    return [(entry_id.decode(), fields[b"user"].decode(), fields[b"action"].decode()) for entry_id, fields in entries]


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    try:
        for i, (user, action) in enumerate([("ann", "login"), ("bob", "post"), ("ann", "like"), ("cid", "login")], 1):
            await r.xadd(FEED, {"user": user, "action": action}, id=f"1700000000000-{i}")
        await r.xadd(AUDIT, {"user": "root", "action": "backup"}, id="1700000000001-0")
        print("length", await r.xlen(FEED))
        print("first two", show(await r.xrange(FEED, count=2)))
        print("from 3", show(await r.xrange(FEED, min="1700000000000-3", max="+")))
        print("newest", show(await r.xrevrange(FEED, count=1)))
        print("audit", show(await r.xrevrange(AUDIT, max="+", min="-")))
        await r.xadd(FEED, {"user": "dan", "action": "logout"}, maxlen=3, approximate=False)
        print("trimmed", await r.xlen(FEED), show(await r.xrange(FEED))[0][1:])
        print("xtrim removed", await r.xtrim(FEED, maxlen=1, approximate=False), "left", await r.xlen(FEED))
        await r.delete(FEED, AUDIT)
    finally:
        await r.close()


asyncio.run(main())
