"""A text cache on a client created with encoding="utf-8": per-call encoding="utf-8" only repeats it; pubsub_numsub
replies a dict of subscriber counts."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p68:"


class TextCache:
    def __init__(self):
        self.redis = None

    async def start(self):
        self.redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0", encoding="utf-8")

    async def stop(self):
        self.redis.close()
        await self.redis.wait_closed()

    async def put(self, name, text, *tags):
        await self.redis.set(PREFIX + name, text)
        if tags:
            await self.redis.rpush(PREFIX + name + ":tags", *tags)

    async def get(self, name):
        text = await self.redis.get(PREFIX + name, encoding="utf-8")
        tags = await self.redis.lrange(PREFIX + name + ":tags", 0, -1, encoding="utf-8")
        return text, tags

    async def names(self):
        return sorted(await self.redis.keys(PREFIX + "*", encoding="utf-8"))


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
        counts = await cache.redis.pubsub_numsub(PREFIX + "news", PREFIX + "alerts")
        for channel, n in sorted(counts.items()):
            print(channel, n)
        await cache.redis.delete(PREFIX + "greeting", PREFIX + "greeting:tags", PREFIX + "empty")
    finally:
        await cache.stop()


asyncio.run(main())
