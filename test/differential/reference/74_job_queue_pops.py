"""A job queue worker: blocking pops over two priority lists, a processing list, and a priority sorted set."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p74:"
HIGH = PREFIX + "jobs:high"
LOW = PREFIX + "jobs:low"
PROCESSING = PREFIX + "processing"
URGENT = PREFIX + "urgent"
LATER = PREFIX + "later"


async def main():
    redis = ra.Redis(host=HOST, port=PORT)
    try:
        await redis.rpush(LOW, "resize", "email")
        await redis.rpush(HIGH, "charge")
        for _ in range(4):
            print("next", repr(await redis.blpop([HIGH, LOW], timeout=1)))
        await redis.rpush(LOW, "a", "b")
        queue, job = await redis.brpop([HIGH, LOW], timeout=1)
        print("brpop", repr(queue), repr(job))
        queue, job = await redis.blpop(LOW, timeout=1)
        print("single key", repr(queue), repr(job))
        await redis.rpush(LOW, "moving")
        print("moved", repr(await redis.brpoplpush(LOW, PROCESSING, timeout=1)))
        print("processing", repr(await redis.lrange(PROCESSING, 0, -1)))
        await redis.zadd(URGENT, {"db-backup": 5, "page-oncall": 1})
        await redis.zadd(LATER, {"cleanup": 9})
        key, member, score = await redis.bzpopmin([URGENT, LATER], timeout=1)
        print("bzpopmin", repr(key), repr(member), score)
        key, member, score = await redis.bzpopmax([LATER, URGENT], timeout=1)
        print("bzpopmax", repr(key), repr(member), score)
        print("empty", repr(await redis.bzpopmin([PREFIX + "none"], timeout=1)))
    finally:
        await redis.delete(HIGH, LOW, PROCESSING, URGENT, LATER)
        await redis.close()


asyncio.run(main())
