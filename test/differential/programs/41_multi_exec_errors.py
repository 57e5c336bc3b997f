"""Transactions that fail: a command error inside multi_exec() (the other commands still apply, no rollback), and
a WATCH conflict caused by a second client, told apart by the exception handlers around execute()."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p41:"


async def checkout(redis, cart, qty):
    tr = redis.multi_exec()
    tr.hincrby(PREFIX + "cart:" + cart, "items", qty)
    tr.incr(PREFIX + "label")
    tr.incr(PREFIX + "checkouts")
    try:
        await tr.execute()
        return "committed"
    except aioredis.MultiExecError:
        return "failed"


async def reserve(redis, other, seat):
    key = PREFIX + "seat:" + seat
    await redis.watch(key)
    holder = await redis.get(key)
    await other.set(key, "bob")
    tr = redis.multi_exec()
    if holder is None:
        tr.set(key, "ann")
    try:
        await tr.execute()
        return "reserved"
    except aioredis.MultiExecError:
        return "seat changed, try again"


async def main():
    redis = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    other = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.set(PREFIX + "label", "summer-sale")
        print("checkout", await checkout(redis, "c1", 2))
        print("applied anyway", await redis.hgetall(PREFIX + "cart:c1"), await redis.get(PREFIX + "checkouts"))
        print("reserve", await reserve(redis, other, "12A"))
        print("holder", await redis.get(PREFIX + "seat:12A"))
        await redis.delete(PREFIX + "label", PREFIX + "cart:c1", PREFIX + "checkouts", PREFIX + "seat:12A")
    finally:
        other.close()
        redis.close()
        await other.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
