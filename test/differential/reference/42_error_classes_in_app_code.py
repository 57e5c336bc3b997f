"""Application error types on redis-py's classes: subclassing redis.exceptions.RedisError, ResponseError for reply
errors, ConnectionError for a closed connection, InvalidResponse for protocol errors."""
import asyncio
import os

import redis.asyncio as redis
from redis import exceptions

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p42:"


class QuotaExceeded(exceptions.RedisError):
    pass


class StorageUnavailable(Exception):
    pass


async def spend(r, user, cost):
    key = PREFIX + "quota:" + user
    try:
        left = await r.decrby(key, cost)
    except (exceptions.ResponseError, exceptions.ConnectionError) as e:
        raise StorageUnavailable(key) from e
    if left < 0:
        await r.incrby(key, cost)
        raise QuotaExceeded(f"{user} needs {cost}, has {left + cost}")
    return left


def describe(exc):
    if isinstance(exc, QuotaExceeded):
        return "quota: " + str(exc)
    if isinstance(exc, exceptions.RedisError):
        return "redis error"
    if isinstance(exc.__cause__, (exceptions.ResponseError, exceptions.InvalidResponse)):
        return "bad data behind " + str(exc)
    return "unknown"


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    try:
        await r.set(PREFIX + "quota:ann", 10)
        await r.set(PREFIX + "quota:bob", "lots")
        for user, cost in [("ann", 4), ("ann", 5), ("ann", 3), ("bob", 1)]:
            try:
                print(user, "left", await spend(r, user, cost))
            except (exceptions.RedisError, StorageUnavailable) as exc:
                print(user, describe(exc))
        print("ann has", await r.get(PREFIX + "quota:ann"))
        await r.delete(PREFIX + "quota:ann", PREFIX + "quota:bob")
    finally:
        await r.close()


asyncio.run(main())
