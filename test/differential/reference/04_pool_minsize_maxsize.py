"""Concurrent workers sharing one pool sized with minsize/maxsize."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p04:"


async def worker(redis, n):
    for _ in range(20):
        await redis.incr(PREFIX + "hits")
    await redis.sadd(PREFIX + "workers", "worker-%d" % n)


async def main():
    redis = ra.Redis(connection_pool=ra.BlockingConnectionPool(host=HOST, port=PORT, max_connections=4, timeout=None))
    await asyncio.gather(*(worker(redis, n) for n in range(8)))
    print("hits", repr(await redis.get(PREFIX + "hits")))
    print("scard", repr(await redis.scard(PREFIX + "workers")))
    print("members", sorted(await redis.smembers(PREFIX + "workers")))
    print("sismember", bool(await redis.sismember(PREFIX + "workers", "worker-3")))
    await redis.delete(PREFIX + "hits", PREFIX + "workers")
    await redis.close()


asyncio.run(main())
