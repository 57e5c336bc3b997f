"""An audit log listening to every `p38:events:*` channel through psubscribe() and `async for … in ch.iter()`:
pattern messages arrive as (channel, payload) pairs; the consumer stops after a sentinel message."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p38:"


async def audit(pch, log):
    async for channel, payload in pch.iter():
        if payload == b"stop":
            break
        log.append((channel.decode().split(":")[-1], payload.decode()))


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    listener = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        pch, = await listener.psubscribe(PREFIX + "events:*")
        log = []
        task = asyncio.ensure_future(audit(pch, log))
        sent = []
        for kind, what in [("login", "ann"), ("logout", "ann"), ("login", "bob")]:
            sent.append(await redis.publish(PREFIX + "events:" + kind, what))
        sent.append(await redis.publish(PREFIX + "other", "ignored"))
        await redis.publish(PREFIX + "events:control", "stop")
        await task
        await listener.punsubscribe(PREFIX + "events:*")
        print("receivers", sent)
        print("log", log)
    finally:
        listener.close()
        redis.close()
        await listener.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
