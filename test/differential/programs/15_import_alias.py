"""`import aioredis as aior`: the module is used through its alias everywhere."""
import asyncio
import os

import aioredis as aior

PREFIX = "p15:"


async def main():
    redis = await aior.create_redis_pool(os.environ["REDIS_URL"], maxsize=2)
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
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
