"""Wallet transfer: a WATCH retry loop whose multi_exec() futures are awaited after `await tr.execute()`, which
sits inside `try:` (the conflict handler retries); and a report pipeline executed under an `if`. A second client
changes the watched balance between WATCH and EXEC once, so the first attempt conflicts."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p83:"


async def transfer(redis, src, dst, amount, before_exec):
    attempt = 0
    while attempt < 3:
        attempt += 1
        await redis.watch(src)
        balance = int(await redis.get(src) or 0)
        if balance < amount:
            await redis.unwatch()
            return None
        await before_exec(attempt)
        tr = redis.multi_exec()
        debit = tr.decrby(src, amount)
        credit = tr.incrby(dst, amount)
        try:
            await tr.execute()
        except aioredis.MultiExecError:
            print("attempt", attempt, "conflicted")
            continue
        return await debit, await credit
    raise RuntimeError("too many conflicts")


async def report(redis, detailed):
    pipe = redis.pipeline()
    ann = pipe.get(PREFIX + "ann")
    bob = pipe.get(PREFIX + "bob")
    number = pipe.incr(PREFIX + "reports")
    if detailed:
        await pipe.execute()
        print("report", await number, "ann", await ann, "bob", await bob)


async def main():
    redis = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    other = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.mset(PREFIX + "ann", 100, PREFIX + "bob", 20)

        async def meddle_once(attempt):
            if attempt == 1:
                print("other client pays ann:", await other.incrby(PREFIX + "ann", 5))

        print("transfer", await transfer(redis, PREFIX + "ann", PREFIX + "bob", 30, meddle_once))
        await report(redis, True)
        await redis.delete(PREFIX + "ann", PREFIX + "bob", PREFIX + "reports")
    finally:
        other.close()
        redis.close()
        await other.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
