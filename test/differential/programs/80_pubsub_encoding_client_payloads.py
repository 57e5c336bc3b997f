"""Order notifications on a client created with encoding="utf-8": in aioredis 1.x the client's encoding did not
reach pub/sub channels, so pattern and channel payloads are still bytes (only get(encoding=) decodes). A second
client (no encoding) publishes, including a non-ASCII payload, once the subscriptions are in place."""
import asyncio
import json
import os

import aioredis

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


async def main():
    redis = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0", encoding="utf-8")
    pub = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        pch, = await redis.psubscribe(PREFIX + "orders:*")
        ch, = await redis.subscribe(PREFIX + "news")
        subscribed, counts = asyncio.Event(), []
        task = asyncio.ensure_future(publish_all(pub, subscribed, counts))
        subscribed.set()
        order = await pch.get()
        print("pattern", repr(order))
        async for raw in ch.iter():
            print("news", repr(raw), isinstance(raw, bytes))
            if raw == b"stop":
                break
        summary = await ch.get(encoding="utf-8", decoder=json.loads)
        print("decoded", summary)
        await task
        print("receivers", counts)
        print("active", ch.is_active, "pattern", pch.is_pattern)
        await redis.unsubscribe(PREFIX + "news")
        await redis.punsubscribe(PREFIX + "orders:*")
        ch.close()
    finally:
        pub.close()
        redis.close()
        await pub.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
