"""Counters and a scratch database: incrby/decrby/incrbyfloat by keyword, srandmember(count=), flushdb(async_op=)."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p65:"
SCRATCH_DB = 13


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    scratch = await aioredis.create_redis(f"redis://{HOST}:{PORT}/{SCRATCH_DB}")
    try:
        print("hits", await redis.incrby(PREFIX + "hits", increment=5))
        print("hits", await redis.decrby(PREFIX + "hits", decrement=2))
        print("load", await redis.incrbyfloat(PREFIX + "load", increment=0.5))
        await redis.sadd(PREFIX + "online", "ann", "bob", "cid")
        picks = await redis.srandmember(PREFIX + "online", count=2)
        print("picks", len(picks), all(p in (b"ann", b"bob", b"cid") for p in picks))
        print("all", sorted(await redis.srandmember(PREFIX + "online", count=10)))
        await scratch.set(PREFIX + "tmp", 1)
        print("scratch keys", await scratch.dbsize())
        print("flush", await scratch.flushdb(async_op=True))
        print("scratch keys", await scratch.dbsize())
        await scratch.set(PREFIX + "tmp", 2)
        print("flush", await scratch.flushdb(async_op=False))
        print("scratch keys", await scratch.dbsize())
        await redis.delete(PREFIX + "hits", PREFIX + "load", PREFIX + "online")
    finally:
        scratch.close()
        redis.close()
        await scratch.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
