"""Failing transactions with redis.asyncio: a command error inside MULTI/EXEC raises ResponseError (the other
commands are applied), a WATCH conflict raises WatchError."""
import asyncio
import os

import redis.asyncio as redis
from redis.exceptions import ResponseError, WatchError

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p41:"


async def checkout(r, cart, qty):
    async with r.pipeline(transaction=True) as tr:
        tr.hincrby(PREFIX + "cart:" + cart, "items", qty)
        tr.incr(PREFIX + "label")
        tr.incr(PREFIX + "checkouts")
        try:
            await tr.execute()
            return "committed"
        except ResponseError:
            return "failed"


async def reserve(r, other, seat):
    key = PREFIX + "seat:" + seat
    async with r.pipeline(transaction=True) as tr:
        await tr.watch(key)
        holder = await tr.get(key)
        await other.set(key, "bob")
        tr.multi()
        if holder is None:
            tr.set(key, "ann")
        try:
            await tr.execute()
            return "reserved"
        except WatchError:
            return "seat changed, try again"


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    other = redis.Redis(host=HOST, port=PORT)
    try:
        await r.set(PREFIX + "label", "summer-sale")
        print("checkout", await checkout(r, "c1", 2))
        print("applied anyway", await r.hgetall(PREFIX + "cart:c1"), await r.get(PREFIX + "checkouts"))
        print("reserve", await reserve(r, other, "12A"))
        print("holder", await r.get(PREFIX + "seat:12A"))
        await r.delete(PREFIX + "label", PREFIX + "cart:c1", PREFIX + "checkouts", PREFIX + "seat:12A")
    finally:
        await other.close()
        await r.close()


asyncio.run(main())
