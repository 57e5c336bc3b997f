"""Tags and health checks with redis.asyncio, written for its reply types: ping() is True, sismember/smove/msetnx
are bools, time() is (seconds, microseconds), smembers/sinter are sets."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p49:"


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    try:
        if await r.ping():
            print("server up")
        await r.sadd(PREFIX + "tags:a", "python", "redis", "async")
        await r.sadd(PREFIX + "tags:b", "redis", "sql")
        tags = await r.smembers(PREFIX + "tags:a")
        print("tags", sorted(tags), len(tags))
        print("common", sorted(await r.sinter(PREFIX + "tags:a", PREFIX + "tags:b")))
        if await r.sismember(PREFIX + "tags:a", "python"):
            print("has python")
        print("is member", int(await r.sismember(PREFIX + "tags:b", "python")))
        moved = await r.smove(PREFIX + "tags:a", PREFIX + "tags:b", "async")
        print("moved", moved == 1)
        seconds, micros = await r.time()
        print("clock sane", seconds + micros * 1e-6 > 1_600_000_000)
        first = await r.msetnx({PREFIX + "x": 1, PREFIX + "y": 2})
        again = await r.msetnx({PREFIX + "x": 3, PREFIX + "z": 4})
        print("msetnx", int(first), int(again))
        await r.delete(*[PREFIX + k for k in ["tags:a", "tags:b", "x", "y"]])
    finally:
        await r.close()


asyncio.run(main())
