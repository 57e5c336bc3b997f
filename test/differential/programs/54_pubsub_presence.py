"""Presence checks before broadcasting: a worker subscribes to two rooms, the broadcaster asks pubsub_numsub()
(a dict of counts in aioredis) and pubsub_channels(pattern) before publishing; the worker reads one message with
get()."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p54:"
ROOMS = [PREFIX + "room:a", PREFIX + "room:b"]


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0", encoding="utf-8")
    worker = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        room_a = (await worker.subscribe(ROOMS[0]))[0]
        counts = await redis.pubsub_numsub(*ROOMS)
        print("listeners", sorted(counts.items()))
        print("active rooms", sorted(await redis.pubsub_channels(PREFIX + "room:*")))
        for room in ROOMS:
            if counts[room] > 0:
                print("sent to", room, await redis.publish(room, "hello " + room[-1]))
        message = await room_a.get()
        print("worker got", message)
        await worker.unsubscribe(ROOMS[0])
        print("after unsubscribe", await redis.pubsub_numsub(ROOMS[0]))
    finally:
        worker.close()
        redis.close()
        await worker.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
