"""A text cache on a client with decode_responses=True (no per-call encoding); pubsub_numsub replies pairs: dict()."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p68:"


class TextCache:
    def __init__(self):
        self.r = None

    async def start(self):
        self.r = ra.Redis(host=HOST, port=PORT, encoding="utf-8", decode_responses=True)

    async def stop(self):
        await self.r.close()

    async def put(self, name, text, *tags):
        await self.r.set(PREFIX + name, text)
        if tags:
            await self.r.rpush(PREFIX + name + ":tags", *tags)

    async def get(self, name):
        text = await self.r.get(PREFIX + name)
        tags = await self.r.lrange(PREFIX + name + ":tags", 0, -1)
        return text, tags

    async def names(self):
        return sorted(await self.r.keys(PREFIX + "*"))


async def main():
    cache = TextCache()
    await cache.start()
    try:
        await cache.put("greeting", "Grüß Gott", "de", "formal")
        await cache.put("empty", "")
        print(await cache.get("greeting"))
        print(await cache.get("empty"))
        print(await cache.get("missing"))
        print(await cache.names())
        counts = dict(await cache.r.pubsub_numsub(PREFIX + "news", PREFIX + "alerts"))
        for channel, n in sorted(counts.items()):
            print(channel, n)
        await cache.r.delete(PREFIX + "greeting", PREFIX + "greeting:tags", PREFIX + "empty")
    finally:
        await cache.stop()


asyncio.run(main())
