"""Page-view counters batched in aioredis pipelines: named futures awaited one by one after execute(), and futures
from a multi_exec() transaction gathered together."""
import asyncio
import os

import aioredis

PREFIX = "p34:"
PAGES = ["home", "about", "home", "pricing", "home"]


async def record_views(redis, pages):
    pipe = redis.pipeline()
    for page in pages:
        pipe.incr(PREFIX + "views:" + page)
    return await pipe.execute()


async def summary(redis):
    pipe = redis.pipeline()
    home = pipe.get(PREFIX + "views:home")
    pricing = pipe.get(PREFIX + "views:pricing")
    missing = pipe.get(PREFIX + "views:careers")
    keys = pipe.keys(PREFIX + "views:*")
    await pipe.execute()
    print("home", await home, "pricing", await pricing, "careers", await missing)
    print("pages", sorted(await keys))


async def reset_day(redis):
    tr = redis.multi_exec()
    total = tr.incrby(PREFIX + "total", 5)
    tr.set(PREFIX + "day", "2024-05-01")
    day = tr.get(PREFIX + "day")
    await tr.execute()
    total_now, day_now = await asyncio.gather(total, day)
    print("total", total_now, "day", day_now)


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{os.environ['REDIS_HOST']}:{os.environ['REDIS_PORT']}/0")
    try:
        print("counts", await record_views(redis, PAGES))
        await summary(redis)
        await reset_day(redis)
        await redis.delete(*[PREFIX + "views:" + p for p in set(PAGES)], PREFIX + "total", PREFIX + "day")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
