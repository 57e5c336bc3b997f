"""Order notifications: a reader task drains a subscribed channel with wait_message()/get_json() while the
publisher sends JSON with publish_json(); unsubscribing ends the reader after the queued messages."""
import asyncio
import os

import aioredis

PREFIX = "p37:"
CHANNEL = PREFIX + "orders"


async def reader(ch, totals, seen):
    while await ch.wait_message():
        order = await ch.get_json()
        totals[order["customer"]] = totals.get(order["customer"], 0) + order["amount"]
        seen.append(order["id"])
    return len(seen)


async def main():
    pub = await aioredis.create_redis_pool(os.environ["REDIS_URL"])
    sub = await aioredis.create_redis(os.environ["REDIS_URL"])
    try:
        ch, = await sub.subscribe(CHANNEL)
        totals, seen = {}, []
        task = asyncio.ensure_future(reader(ch, totals, seen))
        orders = [
            {"id": 1, "customer": "ann", "amount": 30},
            {"id": 2, "customer": "bob", "amount": 12},
            {"id": 3, "customer": "ann", "amount": 5},
        ]
        receivers = [await pub.publish_json(CHANNEL, order) for order in orders]
        await sub.unsubscribe(CHANNEL)
        print("reader saw", await task, "messages; receivers", receivers)
        print("order ids", seen)
        print("totals", sorted(totals.items()))
        print("receivers after", await pub.publish_json(CHANNEL, {"id": 4}))
    finally:
        sub.close()
        pub.close()
        await sub.wait_closed()
        await pub.wait_closed()


asyncio.run(main())
