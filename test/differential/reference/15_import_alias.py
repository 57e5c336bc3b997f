"""`import redis.asyncio as aior`: the module is used through its alias everywhere."""
import asyncio
import os

import redis.asyncio as aior

PREFIX = "p15:"


async def main():
    redis = aior.Redis.from_url(os.environ["REDIS_URL"], max_connections=2)
    try:
        await redis.sadd(PREFIX + "fruits", "apple", "pear", "fig")
        await redis.sadd(PREFIX + "yellow", "banana", "pear")
        print("scard", repr(await redis.scard(PREFIX + "fruits")))
        print("sinter", sorted(await redis.sinter(PREFIX + "fruits", PREFIX + "yellow")))
        print("sunion", sorted(await redis.sunion(PREFIX + "fruits", PREFIX + "yellow")))
        print("srem", repr(await redis.srem(PREFIX + "fruits", "fig", "kiwi")))
        print("members", sorted(await redis.smembers(PREFIX + "fruits")))
        print("is client", isinstance(redis, aior.Redis))
        await redis.delete(PREFIX + "fruits", PREFIX + "yellow")
    finally:
        await redis.close()


asyncio.run(main())
