"""Stock transfer with redis.asyncio: the pipeline itself holds the dedicated connection for WATCH … EXEC, so no
separate client() is needed; WatchError signals the conflict."""
import asyncio
import os

import redis.asyncio as redis
from redis.exceptions import WatchError

PREFIX = "p33:"
SRC = PREFIX + "stock:berlin"
DST = PREFIX + "stock:paris"


class Conflicts:
    def __init__(self, other):
        self.other = other
        self.pending = asyncio.Event()
        self.done = asyncio.Event()

    async def run(self):
        await self.pending.wait()
        print("meanwhile sold", 3, "left", await self.other.decrby(SRC, 3))
        self.done.set()

    async def between(self, attempt):
        if attempt == 1:
            self.pending.set()
            await self.done.wait()


async def transfer(r, amount, hook, max_attempts=5):
    async with r.pipeline(transaction=True) as pipe:
        for attempt in range(1, max_attempts + 1):
            await pipe.watch(SRC, DST)
            available = int(await pipe.get(SRC))
            await hook(attempt)
            if available < amount:
                await pipe.unwatch()
                return "refused", attempt
            pipe.multi()
            pipe.decrby(SRC, amount)
            pipe.incrby(DST, amount)
            try:
                await pipe.execute()
            except WatchError:
                print("attempt", attempt, "conflicted")
                continue
            return "moved", attempt
    return "gave up", max_attempts


async def main():
    pool = redis.BlockingConnectionPool.from_url(os.environ["REDIS_URL"], max_connections=4, timeout=None)
    r = redis.Redis(connection_pool=pool)
    other = redis.Redis.from_url(os.environ["REDIS_URL"])
    try:
        await r.mset({SRC: 20, DST: 0})
        conflicts = Conflicts(other)
        task = asyncio.create_task(conflicts.run())
        print(await transfer(r, 8, conflicts.between))
        await task

        async def quiet(attempt):
            return None

        print(await transfer(r, 50, quiet))
        print("berlin", await r.get(SRC), "paris", await r.get(DST))
        await r.delete(SRC, DST)
    finally:
        await other.close()
        await other.connection_pool.disconnect()
        await r.close()
        await pool.disconnect()


asyncio.run(main())
