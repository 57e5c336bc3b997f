"""A notification hub using aioredis.pubsub.Receiver: one receiver multiplexes a channel and a pattern, and
`await mpsc.get()` returns (sender, message) pairs. redis-py has no Receiver, so the migration leaves manual steps
with suggested code."""
import asyncio
import os

import aioredis
from aioredis.pubsub import Receiver

PREFIX = "p53:"


async def collect(mpsc, n):
    got = []
    for _ in range(n):
        sender, message = await mpsc.get()
        got.append((sender.name.decode(), message))
    return got


async def main():
    url = f"redis://{os.environ['REDIS_HOST']}:{os.environ['REDIS_PORT']}/0"
    redis = await aioredis.create_redis_pool(url)
    sub = await aioredis.create_redis(url)
    try:
        mpsc = Receiver()
        await sub.subscribe(mpsc.channel(PREFIX + "alerts"))
        await sub.psubscribe(mpsc.pattern(PREFIX + "user:*"))
        task = asyncio.ensure_future(collect(mpsc, 3))
        await redis.publish(PREFIX + "alerts", "disk full")
        await redis.publish(PREFIX + "user:ann", "hello ann")
        await redis.publish(PREFIX + "alerts", "disk ok")
        print(await task)
        mpsc.stop()
    finally:
        sub.close()
        redis.close()
        await sub.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
