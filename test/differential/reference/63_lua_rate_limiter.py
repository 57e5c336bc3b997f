"""A Lua rate limiter: eval/evalsha take numkeys and then the keys and arguments flat."""
import asyncio
import os

import redis.asyncio as ra

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
    def __init__(self, r, limit, window):
        self.r = r
        self.limit = limit
        self.window = window
        self.sha = None

    async def hit(self, user):
        return await self.r.eval(LIMIT_SCRIPT, 1, PREFIX + "rate:" + user, self.limit, self.window)

    async def hit_cached(self, user):
        if self.sha is None:
            self.sha = await self.r.script_load(LIMIT_SCRIPT)
        return await self.r.evalsha(self.sha, 1, PREFIX + "rate:" + user, self.limit, self.window)


async def main():
    r = ra.Redis(host=HOST, port=PORT, db=0)
    try:
        limiter = Limiter(r, 3, 60)
        print([await limiter.hit("ann") for _ in range(4)])
        print([await limiter.hit_cached("bob") for _ in range(4)])
        print(await r.eval("return redis.call('PING')", 0))
        keys = [PREFIX + "a", PREFIX + "b"]
        await r.set(keys[0], 5)
        await r.set(keys[1], 7)
        print(await r.eval(SUM_SCRIPT, len(keys), *keys, "x", "y"))
        print(await r.eval(SUM_SCRIPT, len(keys), *keys))
        print(await r.eval("return #ARGV", 0, 1, 2, 3))
        await r.delete(PREFIX + "rate:ann", PREFIX + "rate:bob", *keys)
    finally:
        await r.close()


asyncio.run(main())
