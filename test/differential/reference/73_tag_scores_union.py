"""Combining per-day score sets with ZUNIONSTORE / ZINTERSTORE, with weights and aggregation."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p73:"
DAYS = [PREFIX + "mon", PREFIX + "tue", PREFIX + "wed"]


async def main():
    redis = ra.Redis(host=HOST, port=PORT)
    try:
        await redis.zadd(DAYS[0], {"python": 1, "redis": 2, "rust": 3})
        await redis.zadd(DAYS[1], {"python": 5, "go": 1})
        await redis.zadd(DAYS[2], {"python": 2, "redis": 4})
        print("union", repr(await redis.zunionstore(PREFIX + "week", DAYS)))
        print("week", await redis.zrange(PREFIX + "week", 0, -1, withscores=True))
        print("both days", repr(await redis.zinterstore(PREFIX + "both", [DAYS[0], DAYS[2]], aggregate="MAX")))
        print("both", await redis.zrange(PREFIX + "both", 0, -1, withscores=True))
        weighted = await redis.zunionstore(PREFIX + "weighted", {DAYS[0]: 10, DAYS[1]: 1}, aggregate="SUM")
        print("weighted", repr(weighted))
        print("weighted scores", await redis.zrevrange(PREFIX + "weighted", 0, -1, withscores=True))
        print("copy", repr(await redis.zunionstore(PREFIX + "copy", [DAYS[1]])))
        print("copied", repr(await redis.zrange(PREFIX + "copy", 0, -1)))
    finally:
        await redis.delete(*DAYS, PREFIX + "week", PREFIX + "both", PREFIX + "weighted", PREFIX + "copy")
        await redis.close()


asyncio.run(main())
