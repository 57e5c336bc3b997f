"""Tags and health checks whose replies changed type: ping (b'PONG' → True), sismember/smove (int → bool),
time() (float → tuple), msetnx (int → bool), smembers (list → set, used in ways that do not care). The uses that
show the difference are manual steps."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p49:"


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        if await redis.ping() == b"PONG":
            print("server up")
        await redis.sadd(PREFIX + "tags:a", "python", "redis", "async")
        await redis.sadd(PREFIX + "tags:b", "redis", "sql")
        tags = await redis.smembers(PREFIX + "tags:a")
        print("tags", sorted(tags), len(tags))
        print("common", sorted(await redis.sinter(PREFIX + "tags:a", PREFIX + "tags:b")))
        if await redis.sismember(PREFIX + "tags:a", "python"):
            print("has python")
        print("is member", await redis.sismember(PREFIX + "tags:b", "python"))
        moved = await redis.smove(PREFIX + "tags:a", PREFIX + "tags:b", "async")
        print("moved", moved == 1)
        now = await redis.time()
        print("clock sane", now > 1_600_000_000)
        first = await redis.msetnx(PREFIX + "x", 1, PREFIX + "y", 2)
        again = await redis.msetnx(PREFIX + "x", 3, PREFIX + "z", 4)
        print("msetnx", first, again)
        await redis.delete(*[PREFIX + k for k in ["tags:a", "tags:b", "x", "y"]])
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
