"""Seat reservation with WATCH: the handler written for a WATCH conflict catches aioredis.WatchVariableError, but
aioredis 1.3.1 raised MultiExecError on a failed EXEC, so that handler never ran and the conflict reached the
caller's `except aioredis.RedisError`. A second client takes a seat between WATCH and EXEC (ordered by events)."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p81:"
SEATS = PREFIX + "seats:free"


async def reserve(redis, user, before_exec):
    await redis.watch(SEATS)
    free = int(await redis.get(SEATS))
    await before_exec()
    tr = redis.multi_exec()
    tr.set(SEATS, free - 1)
    tr.rpush(PREFIX + "holders", user)
    try:
        await tr.execute()
    except aioredis.WatchVariableError:
        print("seat taken meanwhile, not retrying")
        return False
    return True


async def box_office(other, watched, taken):
    await watched.wait()
    print("box office sells one:", await other.decr(SEATS))
    taken.set()


async def main():
    redis = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    other = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.set(SEATS, 3)
        watched, taken = asyncio.Event(), asyncio.Event()
        task = asyncio.ensure_future(box_office(other, watched, taken))

        async def interfere():
            watched.set()
            await taken.wait()

        try:
            print("reserved", await reserve(redis, "ann", interfere))
        except aioredis.RedisError:
            print("reservation failed, try again later")
        await task

        async def no_interference():
            pass

        print("reserved", await reserve(redis, "bob", no_interference))
        print("free", await redis.get(SEATS), "holders", await redis.lrange(PREFIX + "holders", 0, -1))
        await redis.delete(SEATS, PREFIX + "holders")
    finally:
        other.close()
        redis.close()
        await other.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
