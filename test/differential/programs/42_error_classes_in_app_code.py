"""Application error types built on aioredis' classes: a subclass of aioredis.RedisError raised by the app, tuples
of aioredis exceptions in except clauses, isinstance() checks, and errors raised again with `raise … from`."""
import asyncio
import os

import aioredis
from aioredis import errors

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p42:"


class QuotaExceeded(aioredis.RedisError):
    pass


class StorageUnavailable(Exception):
    pass


async def spend(redis, user, cost):
    key = PREFIX + "quota:" + user
    try:
        left = await redis.decrby(key, cost)
    except (aioredis.ReplyError, errors.ConnectionClosedError) as e:
        raise StorageUnavailable(key) from e
    if left < 0:
        await redis.incrby(key, cost)
        raise QuotaExceeded(f"{user} needs {cost}, has {left + cost}")
    return left


def describe(exc):
    if isinstance(exc, QuotaExceeded):
        return "quota: " + str(exc)
    if isinstance(exc, aioredis.RedisError):
        return "redis error"
    if isinstance(exc.__cause__, (errors.ReplyError, aioredis.ProtocolError)):
        return "bad data behind " + str(exc)
    return "unknown"


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.set(PREFIX + "quota:ann", 10)
        await redis.set(PREFIX + "quota:bob", "lots")
        for user, cost in [("ann", 4), ("ann", 5), ("ann", 3), ("bob", 1)]:
            try:
                print(user, "left", await spend(redis, user, cost))
            except (aioredis.RedisError, StorageUnavailable) as exc:
                print(user, describe(exc))
        print("ann has", await redis.get(PREFIX + "quota:ann"))
        await redis.delete(PREFIX + "quota:ann", PREFIX + "quota:bob")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
