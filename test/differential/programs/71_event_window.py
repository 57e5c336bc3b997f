"""Events indexed by timestamp in a sorted set: windows by score, exclusive bounds, paging and trimming."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p71:"
EVENTS = PREFIX + "events"


class EventLog:
    def __init__(self, redis):
        self.redis = redis

    async def record(self, at, name):
        await self.redis.zadd(EVENTS, at, name)

    async def between(self, start, end):
        return await self.redis.zrangebyscore(EVENTS, start, end)

    async def after(self, start):
        return await self.redis.zrangebyscore(EVENTS, start, exclude=self.redis.ZSET_EXCLUDE_MIN)

    async def page(self, offset, count):
        return await self.redis.zrangebyscore(EVENTS, offset=offset, count=count)

    async def newest(self, n):
        return await self.redis.zrevrangebyscore(EVENTS, offset=0, count=n)

    async def count_before(self, end):
        return await self.redis.zcount(EVENTS, max=end, exclude=self.redis.ZSET_EXCLUDE_MAX)

    async def trim_before(self, end):
        return await self.redis.zremrangebyscore(EVENTS, max=end, exclude=self.redis.ZSET_EXCLUDE_MAX)


async def main():
    redis = await aioredis.create_redis((HOST, PORT))
    log = EventLog(redis)
    try:
        for at, name in [(100, "boot"), (105, "login"), (110, "click"), (110.5, "scroll"), (120, "logout")]:
            await log.record(at, name)
        print("all", repr(await redis.zrangebyscore(EVENTS)))
        print("105..110", repr(await log.between(105, 110)))
        print("after 110", repr(await log.after(110)))
        print("strictly inside", repr(await redis.zrangebyscore(EVENTS, 100, 120, exclude=redis.ZSET_EXCLUDE_BOTH)))
        print("page 2", repr(await log.page(2, 2)))
        print("newest 2", repr(await log.newest(2)))
        print("count all", repr(await redis.zcount(EVENTS)))
        print("count before 110", repr(await log.count_before(110)))
        print("trimmed", repr(await log.trim_before(110)))
        print("left", repr(await redis.zrange(EVENTS, 0, -1)))
    finally:
        await redis.delete(EVENTS)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
