"""Seat reservation with redis.asyncio: a WATCH conflict raises WatchError from execute(). The 1.x handler for
WatchVariableError never ran (aioredis raised MultiExecError), so the hand migration drops it and lets the
conflict reach the caller's `except redis.RedisError`, as before."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p81:"
SEATS = PREFIX + "seats:free"


async def reserve(r, user, before_exec):
    async with r.pipeline(transaction=True) as tr:
        await tr.watch(SEATS)
        free = int(await tr.get(SEATS))
        await before_exec()
        tr.multi()
        tr.set(SEATS, free - 1)
        tr.rpush(PREFIX + "holders", user)
        await tr.execute()
    return True


async def box_office(other, watched, taken):
    await watched.wait()
    print("box office sells one:", await other.decr(SEATS))
    taken.set()


async def main():
    r = redis.Redis(host=HOST, port=PORT, db=0)
    other = redis.Redis(host=HOST, port=PORT, db=0)
    try:
        await r.set(SEATS, 3)
        watched, taken = asyncio.Event(), asyncio.Event()
        task = asyncio.create_task(box_office(other, watched, taken))

        async def interfere():
            watched.set()
            await taken.wait()

        try:
            print("reserved", await reserve(r, "ann", interfere))
        except redis.RedisError:
            print("reservation failed, try again later")
        await task

        async def no_interference():
            pass

        print("reserved", await reserve(r, "bob", no_interference))
        print("free", await r.get(SEATS), "holders", await r.lrange(PREFIX + "holders", 0, -1))
        await r.delete(SEATS, PREFIX + "holders")
    finally:
        await other.close()
        await r.close()


asyncio.run(main())
