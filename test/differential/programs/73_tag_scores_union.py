"""Combining per-day score sets with ZUNIONSTORE / ZINTERSTORE, with weights and aggregation."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p73:"
DAYS = [PREFIX + "mon", PREFIX + "tue", PREFIX + "wed"]


async def main():
    redis = await aioredis.create_redis((HOST, PORT))
    try:
        await redis.zadd(DAYS[0], 1, "python", 2, "redis", 3, "rust")
        await redis.zadd(DAYS[1], 5, "python", 1, "go")
        await redis.zadd(DAYS[2], 2, "python", 4, "redis")
        print("union", repr(await redis.zunionstore(PREFIX + "week", *DAYS)))
        print("week", [(m, float(s)) for m, s in await redis.zrange(PREFIX + "week", 0, -1, withscores=True)])
        print("both days", repr(await redis.zinterstore(PREFIX + "both", DAYS[0], DAYS[2], aggregate=redis.ZSET_AGGREGATE_MAX)))
        print("both", [(m, float(s)) for m, s in await redis.zrange(PREFIX + "both", 0, -1, withscores=True)])
        weighted = await redis.zunionstore(
            PREFIX + "weighted",
            (DAYS[0], 10),
            (DAYS[1], 1),
            with_weights=True,
            aggregate=redis.ZSET_AGGREGATE_SUM,
        )
        print("weighted", repr(weighted))
        print("weighted scores", [(m, float(s)) for m, s in await redis.zrevrange(PREFIX + "weighted", 0, -1, True)])
        print("copy", repr(await redis.zunionstore(PREFIX + "copy", DAYS[1])))
        print("copied", repr(await redis.zrange(PREFIX + "copy")))
    finally:
        await redis.delete(*DAYS, PREFIX + "week", PREFIX + "both", PREFIX + "weighted", PREFIX + "copy")
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
