"""Wait for a background job: subscribe to its status channel, start it, and read exactly one message with
ch.get() (raw bytes), then one JSON result with ch.get_json() on a second channel."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p39:"


async def job(redis, n):
    total = 0
    for i in range(1, n + 1):
        total += await redis.incrby(PREFIX + "work", i)
    await redis.publish(PREFIX + "status", "finished")
    await redis.publish_json(PREFIX + "result", {"n": n, "total": total})


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    waiter = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        [status] = await waiter.subscribe(PREFIX + "status")
        res = await waiter.subscribe(PREFIX + "result")
        result = res[0]
        asyncio.ensure_future(job(redis, 4))
        signal = await status.get()
        print("status", signal)
        summary = await result.get_json()
        print("result", summary)
        await waiter.unsubscribe(PREFIX + "status")
        await waiter.unsubscribe(PREFIX + "result")
        print("work", await redis.get(PREFIX + "work"))
        await redis.delete(PREFIX + "work")
    finally:
        waiter.close()
        redis.close()
        await waiter.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
