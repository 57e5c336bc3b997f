"""Page-view counters with redis.asyncio pipelines: queued commands return the pipeline, the replies come back in
order from execute(); transaction=False keeps aioredis' plain batch."""
import asyncio
import os

import redis.asyncio as redis

PREFIX = "p34:"
PAGES = ["home", "about", "home", "pricing", "home"]


async def record_views(r, pages):
    pipe = r.pipeline(transaction=False)
    for page in pages:
        pipe.incr(PREFIX + "views:" + page)
    return await pipe.execute()


async def summary(r):
    pipe = r.pipeline(transaction=False)
    pipe.get(PREFIX + "views:home").get(PREFIX + "views:pricing").get(PREFIX + "views:careers")
    pipe.keys(PREFIX + "views:*")
    home, pricing, missing, keys = await pipe.execute()
    print("home", home, "pricing", pricing, "careers", missing)
    print("pages", sorted(keys))


async def reset_day(r):
    async with r.pipeline(transaction=True) as tr:
        tr.incrby(PREFIX + "total", 5)
        tr.set(PREFIX + "day", "2024-05-01")
        tr.get(PREFIX + "day")
        total_now, _, day_now = await tr.execute()
    print("total", total_now, "day", day_now)


async def main():
    r = redis.Redis(host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]), db=0)
    try:
        print("counts", await record_views(r, PAGES))
        await summary(r)
        await reset_day(r)
        await r.delete(*[PREFIX + "views:" + p for p in set(PAGES)], PREFIX + "total", PREFIX + "day")
    finally:
        await r.close()


asyncio.run(main())
