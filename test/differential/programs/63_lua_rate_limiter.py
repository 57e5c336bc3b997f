"""A Lua rate limiter: eval with keys=/args= lists, evalsha of a loaded script, scripts with no keys."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p63:"

LIMIT_SCRIPT = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
if n > tonumber(ARGV[1]) then return 0 end
return n
"""
SUM_SCRIPT = "local s = 0 for i, k in ipairs(KEYS) do s = s + tonumber(redis.call('GET', k) or 0) end return s + #ARGV"


class Limiter:
    def __init__(self, redis, limit, window):
        self.redis = redis
        self.limit = limit
        self.window = window
        self.sha = None

    async def hit(self, user):
        return await self.redis.eval(LIMIT_SCRIPT, keys=[PREFIX + "rate:" + user], args=[self.limit, self.window])

    async def hit_cached(self, user):
        if self.sha is None:
            self.sha = await self.redis.script_load(LIMIT_SCRIPT)
        return await self.redis.evalsha(self.sha, [PREFIX + "rate:" + user], [self.limit, self.window])


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        limiter = Limiter(redis, 3, 60)
        print([await limiter.hit("ann") for _ in range(4)])
        print([await limiter.hit_cached("bob") for _ in range(4)])
        print(await redis.eval("return redis.call('PING')"))
        keys = [PREFIX + "a", PREFIX + "b"]
        await redis.set(keys[0], 5)
        await redis.set(keys[1], 7)
        print(await redis.eval(SUM_SCRIPT, keys=keys, args=["x", "y"]))
        print(await redis.eval(SUM_SCRIPT, keys=keys))
        print(await redis.eval("return #ARGV", args=[1, 2, 3]))
        await redis.delete(PREFIX + "rate:ann", PREFIX + "rate:bob", *keys)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
