"""A bulk counter update in which one key holds text: execute(return_exceptions=True) keeps going and returns the
error in place; without it the pipeline raises, and the other commands have still run."""
import asyncio
import os

import aioredis

PREFIX = "p36:"
KEYS = [PREFIX + "clicks", PREFIX + "label", PREFIX + "views"]


async def bump_all(redis, keys):
    pipe = redis.pipeline()
    for key in keys:
        pipe.incr(key)
    results = await pipe.execute(return_exceptions=True)
    for key, result in zip(keys, results):
        if isinstance(result, aioredis.ReplyError):
            print(key, "-> not a counter")
        else:
            print(key, "->", result)
    return sum(1 for r in results if isinstance(r, Exception))


async def main():
    redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"])
    try:
        await redis.set(PREFIX + "label", "hello")
        print("failed", await bump_all(redis, KEYS))
        pipe = redis.pipeline()
        pipe.incr(PREFIX + "clicks")
        pipe.incr(PREFIX + "label")
        pipe.incr(PREFIX + "views")
        try:
            await pipe.execute()
            print("no error?")
        except aioredis.PipelineError:
            print("pipeline raised")
        print("clicks", await redis.get(PREFIX + "clicks"), "views", await redis.get(PREFIX + "views"))
        await redis.delete(*KEYS)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
