"""Order notifications with redis.asyncio: a PubSub object, a reader task over listen() that skips the
subscribe/unsubscribe confirmations and ends when the unsubscribe is confirmed; publish(json.dumps(...))."""
import asyncio
import json
import os

import redis.asyncio as redis

PREFIX = "p37:"
CHANNEL = PREFIX + "orders"


async def reader(pubsub, totals, seen):
    async for message in pubsub.listen():
        if message["type"] != "message":
            continue
        order = json.loads(message["data"])
        totals[order["customer"]] = totals.get(order["customer"], 0) + order["amount"]
        seen.append(order["id"])
    return len(seen)


async def main():
    pub = redis.Redis.from_url(os.environ["REDIS_URL"])
    pubsub = pub.pubsub()
    try:
        await pubsub.subscribe(CHANNEL)
        totals, seen = {}, []
        task = asyncio.create_task(reader(pubsub, totals, seen))
        orders = [
            {"id": 1, "customer": "ann", "amount": 30},
            {"id": 2, "customer": "bob", "amount": 12},
            {"id": 3, "customer": "ann", "amount": 5},
        ]
        receivers = [await pub.publish(CHANNEL, json.dumps(order)) for order in orders]
        await pubsub.unsubscribe(CHANNEL)
        print("reader saw", await task, "messages; receivers", receivers)
        print("order ids", seen)
        print("totals", sorted(totals.items()))
        print("receivers after", await pub.publish(CHANNEL, json.dumps({"id": 4})))
    finally:
        await pubsub.close()
        await pub.close()
        await pub.connection_pool.disconnect()


asyncio.run(main())
