"""Optimistic deposit with redis.asyncio: WATCH on a pipeline, read in immediate mode, multi(), execute(); a
conflict raises WatchError and the loop retries."""
import asyncio
import os

import redis.asyncio as redis
from redis.exceptions import WatchError

PREFIX = "p32:"
ACCOUNT = PREFIX + "balance:ann"


async def deposit(r, key, amount, before_exec):
    attempts = 0
    async with r.pipeline(transaction=True) as pipe:
        while True:
            attempts += 1
            try:
                await pipe.watch(key)
                current = int(await pipe.get(key) or 0)
                await before_exec(attempts)
                pipe.multi()
                pipe.set(key, current + amount)
                pipe.incr(PREFIX + "deposits")
                await pipe.execute()
                return current + amount, attempts
            except WatchError:
                print("conflict on attempt", attempts)


async def meddler(other, key, watched, written):
    await watched.wait()
    print("other client adds", await other.incrby(key, 5))
    written.set()


async def main():
    r = redis.Redis.from_url(os.environ["REDIS_URL"])
    other = redis.Redis.from_url(os.environ["REDIS_URL"])
    try:
        await r.set(ACCOUNT, 100)
        watched, written = asyncio.Event(), asyncio.Event()
        task = asyncio.create_task(meddler(other, ACCOUNT, watched, written))

        async def interfere_once(attempt):
            if attempt == 1:
                watched.set()
                await written.wait()

        new_balance, attempts = await deposit(r, ACCOUNT, 10, interfere_once)
        await task
        print("new balance", new_balance, "after", attempts, "attempts")
        print("stored", await r.get(ACCOUNT), "deposits", await r.get(PREFIX + "deposits"))

        async def no_interference(attempt):
            pass

        print("second deposit", await deposit(r, ACCOUNT, 1, no_interference))
        await r.delete(ACCOUNT, PREFIX + "deposits")
    finally:
        await other.close()
        await r.close()
        await other.connection_pool.disconnect()
        await r.connection_pool.disconnect()


asyncio.run(main())
