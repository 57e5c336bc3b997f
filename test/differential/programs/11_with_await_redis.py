"""A pooled client lends one dedicated connection with `with await redis as r2:` for a batch of commands."""
import asyncio
import os

import aioredis

PREFIX = "p11:"


async def main():
    redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"])
    with await redis as r2:
        await r2.set(PREFIX + "a", "1")
        await r2.incr(PREFIX + "a")
        await r2.rpush(PREFIX + "log", "started", "running")
        print("inside a", repr(await r2.get(PREFIX + "a")))
        print("inside log", repr(await r2.lrange(PREFIX + "log", 0, -1)))
    # the parent client is still usable after the block
    print("after a", repr(await redis.get(PREFIX + "a")))
    print("after exists", repr(await redis.exists(PREFIX + "a", PREFIX + "log", PREFIX + "zzz")))
    await redis.delete(PREFIX + "a", PREFIX + "log")
    redis.close()
    await redis.wait_closed()


asyncio.run(main())
