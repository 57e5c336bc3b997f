"""A job queue worker: blocking pops over two priority lists, a processing list, and a priority sorted set."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p74:"
HIGH = PREFIX + "jobs:high"
LOW = PREFIX + "jobs:low"
QUEUES = [HIGH, LOW]
PROCESSING = PREFIX + "processing"
URGENT = PREFIX + "urgent"
LATER = PREFIX + "later"


async def next_job(redis):
    popped = await redis.blpop(HIGH, LOW, timeout=1)
    if popped is None:
        return None
    queue, job = popped
    return queue, job


async def main():
    redis = await aioredis.create_redis_pool((HOST, PORT))
    try:
        await redis.rpush(LOW, "resize", "email")
        await redis.rpush(HIGH, "charge")
        for _ in range(4):
            print("next", repr(await next_job(redis)))
        await redis.rpush(LOW, "a", "b")
        queue, job = await redis.brpop(*QUEUES, timeout=1)
        print("brpop", repr(queue), repr(job))
        single = await redis.blpop(LOW, timeout=1)
        print("single key", repr(single[0]), repr(single[1]))
        await redis.rpush(LOW, "moving")
        print("moved", repr(await redis.brpoplpush(sourcekey=LOW, destkey=PROCESSING, timeout=1)))
        print("processing", repr(await redis.lrange(PROCESSING, 0, -1)))
        await redis.zadd(URGENT, 5, "db-backup", 1, "page-oncall")
        await redis.zadd(LATER, 9, "cleanup")
        key, member, score = await redis.bzpopmin(URGENT, LATER, timeout=1)
        print("bzpopmin", repr(key), repr(member), float(score))
        top = await redis.bzpopmax(LATER, URGENT, timeout=1)
        print("bzpopmax", repr(top[0]), repr(top[1]), float(top[2]))
        print("empty", repr(await redis.bzpopmin(PREFIX + "none", timeout=1)))
    finally:
        await redis.delete(HIGH, LOW, PROCESSING, URGENT, LATER)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
