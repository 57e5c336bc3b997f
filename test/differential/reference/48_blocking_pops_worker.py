"""Job worker with redis.asyncio: blpop/brpop/bzpopmin take the keys as one list and reply tuples (unpacking
works the same); bzpopmin's score is a float."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p48:"
HIGH, LOW = PREFIX + "jobs:high", PREFIX + "jobs:low"


async def next_job(r):
    item = await r.blpop([HIGH, LOW], timeout=1)
    if item is None:
        return None
    queue, job = item
    return queue.decode().rsplit(":", 1)[-1], job.decode()


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    try:
        await r.rpush(LOW, "resize", "thumbnail")
        await r.rpush(HIGH, "invoice")
        for _ in range(3):
            print("job", await next_job(r))
        print("empty", await r.brpop([HIGH, LOW], timeout=1))
        await r.rpush(LOW, "email")
        key, value = await r.brpop([LOW], timeout=1)
        print("brpop", key, value)
        await r.rpush(LOW, "report")
        print("moved", await r.brpoplpush(LOW, PREFIX + "processing", timeout=1))
        print("processing", await r.lrange(PREFIX + "processing", 0, -1))
        await r.zadd(PREFIX + "prio", {"low": 3, "urgent": 1})
        name, member, score = await r.bzpopmin([PREFIX + "prio"], timeout=1)
        print("bzpopmin", name, member, score)
        await r.delete(PREFIX + "processing", PREFIX + "prio")
    finally:
        await r.close()


asyncio.run(main())
