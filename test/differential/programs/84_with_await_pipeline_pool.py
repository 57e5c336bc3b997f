"""Checkout counters on a pool of 2 (`maxsize=2`): two requests at once each borrow a connection with
`with await pool as conn:` and run a MULTI/EXEC on it. Both hold their connection before either starts its
transaction (ordered by an event, not a sleep); in aioredis 1.x `conn.multi_exec()` runs on the borrowed connection,
so two connections are enough. A nightly audit then mixes a command on `conn` with a `conn.pipeline()`."""
import asyncio
import os

import aioredis

PREFIX = "p84:"
ORDERS = PREFIX + "orders"


class BothInside:
    """Lets each request go on only once both requests hold their connection."""

    def __init__(self, count):
        self.count = count
        self.arrived = 0
        self.all_in = asyncio.Event()

    async def arrive(self):
        self.arrived += 1
        if self.arrived == self.count:
            self.all_in.set()
        await self.all_in.wait()


async def checkout(pool, shop, order_id, gate):
    with await pool as conn:
        await gate.arrive()
        tr = conn.multi_exec()
        tr.incr(PREFIX + "count:" + shop)
        tr.rpush(ORDERS, order_id)
        count, length = await tr.execute()
    return shop, count, length


async def audit(pool, day):
    with await pool as conn:
        await conn.set(PREFIX + "audit:" + day, "running")
        pipe = conn.pipeline()
        pipe.lrange(ORDERS, 0, -1)
        pipe.get(PREFIX + "count:berlin")
        pipe.get(PREFIX + "count:paris")
        orders, berlin, paris = await pipe.execute()
    return sorted(orders), berlin, paris


async def main():
    pool = await aioredis.create_redis_pool(os.environ["REDIS_URL"], maxsize=2)
    try:
        gate = BothInside(2)
        results = await asyncio.gather(
            checkout(pool, "berlin", "o-1", gate),
            checkout(pool, "paris", "o-2", gate),
        )
        for shop, count, length in sorted(results):
            print("checkout", shop, "count", count, "orders in list", length in (1, 2))
        print("audit", await audit(pool, "monday"))
        print("audit flag", await pool.get(PREFIX + "audit:monday"))
        await pool.delete(ORDERS, PREFIX + "count:berlin", PREFIX + "count:paris", PREFIX + "audit:monday")
    finally:
        pool.close()
        await pool.wait_closed()


asyncio.run(main())
