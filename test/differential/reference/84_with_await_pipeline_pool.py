"""Checkout counters on a pool of 2 with redis.asyncio: a BlockingConnectionPool(max_connections=2, timeout=None)
waits for a free connection as aioredis did. redis-py's pipeline takes its own connection from the pool, so
holding a `client()` connection while creating it would need two per request and two concurrent requests would
wait for each other forever: the transactions and the audit pipeline run on the client directly."""
import asyncio
import os

import redis.asyncio as redis

PREFIX = "p84:"
ORDERS = PREFIX + "orders"


class BothInside:
    """Lets each request go on only once both requests are under way."""

    def __init__(self, count):
        self.count = count
        self.arrived = 0
        self.all_in = asyncio.Event()

    async def arrive(self):
        self.arrived += 1
        if self.arrived == self.count:
            self.all_in.set()
        await self.all_in.wait()


async def checkout(r, shop, order_id, gate):
    await gate.arrive()
    async with r.pipeline(transaction=True) as tr:
        tr.incr(PREFIX + "count:" + shop)
        tr.rpush(ORDERS, order_id)
        count, length = await tr.execute()
    return shop, count, length


async def audit(r, day):
    await r.set(PREFIX + "audit:" + day, "running")
    async with r.pipeline(transaction=False) as pipe:
        pipe.lrange(ORDERS, 0, -1)
        pipe.get(PREFIX + "count:berlin")
        pipe.get(PREFIX + "count:paris")
        orders, berlin, paris = await pipe.execute()
    return sorted(orders), berlin, paris


async def main():
    r = redis.Redis(connection_pool=redis.BlockingConnectionPool.from_url(os.environ["REDIS_URL"], max_connections=2, timeout=None))
    try:
        gate = BothInside(2)
        results = await asyncio.gather(
            checkout(r, "berlin", "o-1", gate),
            checkout(r, "paris", "o-2", gate),
        )
        for shop, count, length in sorted(results):
            print("checkout", shop, "count", count, "orders in list", length in (1, 2))
        print("audit", await audit(r, "monday"))
        print("audit flag", await r.get(PREFIX + "audit:monday"))
        await r.delete(ORDERS, PREFIX + "count:berlin", PREFIX + "count:paris", PREFIX + "audit:monday")
    finally:
        await r.close(close_connection_pool=True)


asyncio.run(main())
