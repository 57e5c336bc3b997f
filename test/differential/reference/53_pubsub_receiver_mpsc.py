"""The notification hub on redis.asyncio: one PubSub carries the channel and the pattern subscription, and the
message dict tells them apart (pattern messages carry 'pattern' and 'channel')."""
import asyncio
import os

import redis.asyncio as redis

PREFIX = "p53:"


async def collect(pubsub, n):
    got = []
    async for message in pubsub.listen():
        if message["type"] == "message":
            got.append((message["channel"].decode(), message["data"]))
        elif message["type"] == "pmessage":
            got.append((message["pattern"].decode(), (message["channel"], message["data"])))
        if len(got) == n:
            return got


async def main():
    r = redis.Redis(host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]), db=0)
    pubsub = r.pubsub()
    try:
        await pubsub.subscribe(PREFIX + "alerts")
        await pubsub.psubscribe(PREFIX + "user:*")
        task = asyncio.create_task(collect(pubsub, 3))
        await r.publish(PREFIX + "alerts", "disk full")
        await r.publish(PREFIX + "user:ann", "hello ann")
        await r.publish(PREFIX + "alerts", "disk ok")
        print(await task)
    finally:
        await pubsub.close()
        await r.close()


asyncio.run(main())
