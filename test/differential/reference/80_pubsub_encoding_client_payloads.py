"""Order notifications with redis.asyncio: the payloads were bytes in aioredis 1.x even on an encoding="utf-8"
client, so the subscriptions live on a PubSub of a client without decode_responses (one connection for the
pattern and the channel, as before); get(encoding=, decoder=) becomes decode + json.loads."""
import asyncio
import json
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p80:"


async def publish_all(pub, subscribed, counts):
    await subscribed.wait()
    counts.append(await pub.publish(PREFIX + "orders:new", "order 17"))
    counts.append(await pub.publish(PREFIX + "news", "héllo"))
    counts.append(await pub.publish(PREFIX + "news", "sale"))
    counts.append(await pub.publish(PREFIX + "news", "stop"))
    counts.append(await pub.publish(PREFIX + "news", json.dumps({"id": 17, "total": "9.50"})))


async def next_message(pubsub, kind):
    while True:
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
        if message is not None and message["type"] == kind:
            return message


async def main():
    listener = redis.Redis(host=HOST, port=PORT, db=0)
    pub = redis.Redis(host=HOST, port=PORT, db=0)
    pubsub = listener.pubsub()
    try:
        await pubsub.psubscribe(PREFIX + "orders:*")
        await pubsub.subscribe(PREFIX + "news")
        subscribed, counts = asyncio.Event(), []
        task = asyncio.create_task(publish_all(pub, subscribed, counts))
        subscribed.set()
        message = await next_message(pubsub, "pmessage")
        print("pattern", repr((message["channel"], message["data"])))
        while True:
            raw = (await next_message(pubsub, "message"))["data"]
            print("news", repr(raw), isinstance(raw, bytes))
            if raw == b"stop":
                break
        summary = json.loads((await next_message(pubsub, "message"))["data"].decode("utf-8"))
        print("decoded", summary)
        await task
        print("receivers", counts)
        print("active", pubsub.subscribed, "pattern", bool(pubsub.patterns))
        await pubsub.unsubscribe(PREFIX + "news")
        await pubsub.punsubscribe(PREFIX + "orders:*")
    finally:
        await pubsub.close()
        await pub.close()
        await listener.close()


asyncio.run(main())
