"""Optimistic deposit: WATCH + multi_exec() retry loop on a single-connection client. A second client changes the
watched balance between WATCH and EXEC on the first attempt only, so exactly one retry happens."""
import asyncio
import os

import aioredis

PREFIX = "p32:"
ACCOUNT = PREFIX + "balance:ann"


async def deposit(redis, key, amount, before_exec):
    attempts = 0
    while True:
        attempts += 1
        try:
            await redis.watch(key)
            current = int(await redis.get(key) or 0)
            await before_exec(attempts)
            tr = redis.multi_exec()
            tr.set(key, current + amount)
            tr.incr(PREFIX + "deposits")
            await tr.execute()
            return current + amount, attempts
        except aioredis.MultiExecError:
            print("conflict on attempt", attempts)
            continue


async def meddler(other, key, watched, written):
    await watched.wait()
    print("other client adds", await other.incrby(key, 5))
    written.set()


async def main():
    redis = await aioredis.create_redis(os.environ["REDIS_URL"])
    other = await aioredis.create_redis(os.environ["REDIS_URL"])
    try:
        await redis.set(ACCOUNT, 100)
        watched, written = asyncio.Event(), asyncio.Event()
        task = asyncio.ensure_future(meddler(other, ACCOUNT, watched, written))

        async def interfere_once(attempt):
            if attempt == 1:
                watched.set()
                await written.wait()

        new_balance, attempts = await deposit(redis, ACCOUNT, 10, interfere_once)
        await task
        print("new balance", new_balance, "after", attempts, "attempts")
        print("stored", await redis.get(ACCOUNT), "deposits", await redis.get(PREFIX + "deposits"))

        async def no_interference(attempt):
            pass

        print("second deposit", await deposit(redis, ACCOUNT, 1, no_interference))
        await redis.delete(ACCOUNT, PREFIX + "deposits")
    finally:
        other.close()
        redis.close()
        await other.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
