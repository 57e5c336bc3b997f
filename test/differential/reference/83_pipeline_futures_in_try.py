"""Wallet transfer with redis.asyncio: the WATCH retry loop runs on a transactional pipeline and takes the
replies from the list execute() returns (inside the try); the report pipeline does the same under its `if`."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p83:"


async def transfer(r, src, dst, amount, before_exec):
    attempt = 0
    while attempt < 3:
        attempt += 1
        async with r.pipeline(transaction=True) as tr:
            await tr.watch(src)
            balance = int(await tr.get(src) or 0)
            if balance < amount:
                await tr.unwatch()
                return None
            await before_exec(attempt)
            tr.multi()
            tr.decrby(src, amount)
            tr.incrby(dst, amount)
            try:
                debit, credit = await tr.execute()
            except redis.WatchError:
                print("attempt", attempt, "conflicted")
                continue
        return debit, credit
    raise RuntimeError("too many conflicts")


async def report(r, detailed):
    pipe = r.pipeline(transaction=False)
    pipe.get(PREFIX + "ann")
    pipe.get(PREFIX + "bob")
    pipe.incr(PREFIX + "reports")
    if detailed:
        ann, bob, number = await pipe.execute()
        print("report", number, "ann", ann, "bob", bob)


async def main():
    r = redis.Redis(host=HOST, port=PORT, db=0)
    other = redis.Redis(host=HOST, port=PORT, db=0)
    try:
        await r.mset({PREFIX + "ann": 100, PREFIX + "bob": 20})

        async def meddle_once(attempt):
            if attempt == 1:
                print("other client pays ann:", await other.incrby(PREFIX + "ann", 5))

        print("transfer", await transfer(r, PREFIX + "ann", PREFIX + "bob", 30, meddle_once))
        await report(r, True)
        await r.delete(PREFIX + "ann", PREFIX + "bob", PREFIX + "reports")
    finally:
        await other.close()
        await r.close()


asyncio.run(main())
