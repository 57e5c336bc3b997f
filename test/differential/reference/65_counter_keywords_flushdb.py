"""Counters and a scratch database: incrby/decrby/incrbyfloat take amount=, srandmember number=, flushdb asynchronous=."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p65:"
SCRATCH_DB = 13


async def main():
    r = ra.Redis(host=HOST, port=PORT, db=0)
    scratch = ra.Redis(host=HOST, port=PORT, db=SCRATCH_DB)
    try:
        print("hits", await r.incrby(PREFIX + "hits", amount=5))
        print("hits", await r.decrby(PREFIX + "hits", amount=2))
        print("load", await r.incrbyfloat(PREFIX + "load", amount=0.5))
        await r.sadd(PREFIX + "online", "ann", "bob", "cid")
        picks = await r.srandmember(PREFIX + "online", number=2)
        print("picks", len(picks), all(p in (b"ann", b"bob", b"cid") for p in picks))
        print("all", sorted(await r.srandmember(PREFIX + "online", number=10)))
        await scratch.set(PREFIX + "tmp", 1)
        print("scratch keys", await scratch.dbsize())
        print("flush", await scratch.flushdb(asynchronous=True))
        print("scratch keys", await scratch.dbsize())
        await scratch.set(PREFIX + "tmp", 2)
        print("flush", await scratch.flushdb(asynchronous=False))
        print("scratch keys", await scratch.dbsize())
        await r.delete(PREFIX + "hits", PREFIX + "load", PREFIX + "online")
    finally:
        await scratch.close()
        await r.close()


asyncio.run(main())
