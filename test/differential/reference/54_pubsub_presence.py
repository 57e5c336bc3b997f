"""Presence checks with redis.asyncio: pubsub_numsub() replies (channel, count) pairs, so dict() gives aioredis'
mapping back; the worker's PubSub reads one message with get_message()."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p54:"
ROOMS = [PREFIX + "room:a", PREFIX + "room:b"]


async def main():
    r = redis.Redis(host=HOST, port=PORT, decode_responses=True)
    worker = redis.Redis(host=HOST, port=PORT)
    room_a = worker.pubsub(ignore_subscribe_messages=True)
    try:
        await room_a.subscribe(ROOMS[0])
        counts = dict(await r.pubsub_numsub(*ROOMS))
        print("listeners", sorted(counts.items()))
        print("active rooms", sorted(await r.pubsub_channels(PREFIX + "room:*")))
        for room in ROOMS:
            if counts[room] > 0:
                print("sent to", room, await r.publish(room, "hello " + room[-1]))
        message = None
        while message is None:
            message = await room_a.get_message(timeout=1.0)
        print("worker got", message["data"])
        await room_a.unsubscribe(ROOMS[0])
        print("after unsubscribe", dict(await r.pubsub_numsub(ROOMS[0])))
    finally:
        await room_a.close()
        await worker.close()
        await r.close()


asyncio.run(main())
