"""A job worker: blpop/brpop over several queues with a timeout when jobs are already queued (result unpacked as
key, value), a timeout that expires on empty queues, brpoplpush into a processing list and bzpopmin on a
priority set."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p48:"
HIGH, LOW = PREFIX + "jobs:high", PREFIX + "jobs:low"


async def next_job(redis):
    item = await redis.blpop(HIGH, LOW, timeout=1)
    if item is None:
        return None
    queue, job = item
    return queue.decode().rsplit(":", 1)[-1], job.decode()


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.rpush(LOW, "resize", "thumbnail")
        await redis.rpush(HIGH, "invoice")
        for _ in range(3):
            print("job", await next_job(redis))
        print("empty", await redis.brpop(HIGH, LOW, timeout=1))
        await redis.rpush(LOW, "email")
        key, value = await redis.brpop(LOW, timeout=1)
        print("brpop", key, value)
        await redis.rpush(LOW, "report")
        print("moved", await redis.brpoplpush(LOW, PREFIX + "processing", timeout=1))
        print("processing", await redis.lrange(PREFIX + "processing", 0, -1))
        await redis.zadd(PREFIX + "prio", 3, "low", 1, "urgent")
        name, member, score = await redis.bzpopmin(PREFIX + "prio", timeout=1)
        print("bzpopmin", name, member, float(score))
        await redis.delete(PREFIX + "processing", PREFIX + "prio")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
