"""Seat reservations with Lua: script_load once, evalsha(keys=, args=) queued in a pipeline whose futures are
awaited after execute(), eval with keys only inside multi_exec(), and a read-only eval with args only."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p52:"

RESERVE = """
local free = tonumber(redis.call('GET', KEYS[1]) or 0)
local want = tonumber(ARGV[1])
if free < want then return -1 end
redis.call('DECRBY', KEYS[1], want)
return redis.call('HINCRBY', KEYS[2], ARGV[2], want)
"""
COUNT_KEYS = "return #KEYS"
ECHO_ARGS = "return ARGV"


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        seats, holders = PREFIX + "seats:show1", PREFIX + "holders:show1"
        await redis.set(seats, 5)
        sha = await redis.script_load(RESERVE)
        pipe = redis.pipeline()
        ann = pipe.evalsha(sha, keys=[seats, holders], args=[2, "ann"])
        bob = pipe.evalsha(sha, keys=[seats, holders], args=[4, "bob"])
        cid = pipe.evalsha(sha, [seats, holders], [3, "cid"])
        await pipe.execute()
        print("ann", await ann, "bob", await bob, "cid", await cid)
        tr = redis.multi_exec()
        n = tr.eval(COUNT_KEYS, keys=[seats, holders, PREFIX + "none"])
        left = tr.get(seats)
        await tr.execute()
        print("keys", await n, "left", await left)
        print("args", await redis.eval(ECHO_ARGS, args=["x", 1]))
        print("holders", sorted((await redis.hgetall(holders)).items()))
        await redis.delete(seats, holders)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
