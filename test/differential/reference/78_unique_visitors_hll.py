"""Unique visitors per day counted with HyperLogLog: adding, counting one or several days, merging into a week."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p78:"
DAYS = [PREFIX + "visitors:mon", PREFIX + "visitors:tue"]
WEEK = PREFIX + "visitors:week"


async def main():
    redis = ra.Redis(host=HOST, port=PORT)
    try:
        print("mon new", repr(await redis.pfadd(DAYS[0], "ada", "bob", "eve")))
        print("mon again", repr(await redis.pfadd(DAYS[0], "ada")))
        print("tue new", repr(await redis.pfadd(DAYS[1], "bob", "dan")))
        print("mon count", repr(await redis.pfcount(DAYS[0])))
        print("both days", repr(await redis.pfcount(*DAYS)))
        print("merged", repr(await redis.pfmerge(WEEK, *DAYS)))
        print("week count", repr(await redis.pfcount(WEEK)))
    finally:
        await redis.delete(*DAYS, WEEK)
        await redis.close()


asyncio.run(main())
