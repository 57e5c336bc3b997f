"""Stock transfer between two warehouses on a pooled client: `with await pool as conn:` pins one connection for
WATCH … multi_exec(). A second client sells from the source between WATCH and EXEC on the first attempt; the
bounded retry loop then succeeds, and a transfer that would overdraw is refused after UNWATCH."""
import asyncio
import os

import aioredis

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


async def transfer(pool, amount, hook, max_attempts=5):
    for attempt in range(1, max_attempts + 1):
        with await pool as conn:
            await conn.watch(SRC, DST)
            available = int(await conn.get(SRC))
            await hook(attempt)
            if available < amount:
                await conn.unwatch()
                return "refused", attempt
            tr = conn.multi_exec()
            tr.decrby(SRC, amount)
            tr.incrby(DST, amount)
            try:
                await tr.execute()
            except aioredis.MultiExecError:
                print("attempt", attempt, "conflicted")
                continue
            return "moved", attempt
    return "gave up", max_attempts


async def main():
    pool = await aioredis.create_redis_pool(os.environ["REDIS_URL"], minsize=2, maxsize=4)
    other = await aioredis.create_redis(os.environ["REDIS_URL"])
    try:
        await pool.mset(SRC, 20, DST, 0)
        conflicts = Conflicts(other)
        task = asyncio.ensure_future(conflicts.run())
        print(await transfer(pool, 8, conflicts.between))
        await task

        async def quiet(attempt):
            return None

        print(await transfer(pool, 50, quiet))
        print("berlin", await pool.get(SRC), "paris", await pool.get(DST))
        await pool.delete(SRC, DST)
    finally:
        other.close()
        pool.close()
        await other.wait_closed()
        await pool.wait_closed()


asyncio.run(main())
