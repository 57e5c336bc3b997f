"""Seat reservations with redis.asyncio: evalsha/eval take numkeys then keys and args flat, in a plain pipeline
and in a MULTI/EXEC pipeline whose replies come from execute()."""
import asyncio
import os

import redis.asyncio as redis

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
    r = redis.Redis(host=HOST, port=PORT)
    try:
        seats, holders = PREFIX + "seats:show1", PREFIX + "holders:show1"
        await r.set(seats, 5)
        sha = await r.script_load(RESERVE)
        pipe = r.pipeline(transaction=False)
        for want, who in [(2, "ann"), (4, "bob"), (3, "cid")]:
            pipe.evalsha(sha, 2, seats, holders, want, who)
        ann, bob, cid = await pipe.execute()
        print("ann", ann, "bob", bob, "cid", cid)
        async with r.pipeline(transaction=True) as tr:
            tr.eval(COUNT_KEYS, 3, seats, holders, PREFIX + "none")
            tr.get(seats)
            n, left = await tr.execute()
        print("keys", n, "left", left)
        print("args", await r.eval(ECHO_ARGS, 0, "x", 1))
        print("holders", sorted((await r.hgetall(holders)).items()))
        await r.delete(seats, holders)
    finally:
        await r.close()


asyncio.run(main())
