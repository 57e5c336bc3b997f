"""Wait for a background job with redis.asyncio: one PubSub per channel, and get_message() polled until the first
real message arrives (subscribe confirmations skipped)."""
import asyncio
import json
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p39:"


async def job(r, n):
    total = 0
    for i in range(1, n + 1):
        total += await r.incrby(PREFIX + "work", i)
    await r.publish(PREFIX + "status", "finished")
    await r.publish(PREFIX + "result", json.dumps({"n": n, "total": total}))


async def next_message(pubsub):
    while True:
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
        if message is not None:
            return message


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    status, result = r.pubsub(), r.pubsub()
    try:
        await status.subscribe(PREFIX + "status")
        await result.subscribe(PREFIX + "result")
        task = asyncio.create_task(job(r, 4))
        print("status", (await next_message(status))["data"])
        print("result", json.loads((await next_message(result))["data"]))
        await status.unsubscribe(PREFIX + "status")
        await result.unsubscribe(PREFIX + "result")
        await task
        print("work", await r.get(PREFIX + "work"))
        await r.delete(PREFIX + "work")
    finally:
        await status.close()
        await result.close()
        await r.close()


asyncio.run(main())
