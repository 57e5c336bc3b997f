"""Order events: published as JSON, counted in a sorted set; an auditor reads one event from its own PubSub."""
import json


class Events:
    def __init__(self, app):
        self.redis = app["redis"]

    async def order_placed(self, cart_id, total):
        await self.redis.zadd(PREFIX_SCORES, {cart_id: total})
        return await self.redis.publish(CHANNEL, json.dumps({"cart": cart_id, "total": total}))

    async def best_orders(self):
        return await self.redis.zrevrangebyscore(PREFIX_SCORES, "+inf", "-inf", start=0, num=2)


async def listen_once(app, ready):
    pubsub = app["redis"].pubsub()
    await pubsub.subscribe(CHANNEL)
    ready.set()
    while True:
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
        if message is not None:
            break
    await pubsub.unsubscribe(CHANNEL)
    await pubsub.close()
    return json.loads(message["data"])


PREFIX_SCORES = "p45:order-totals"
CHANNEL = "p45:orders"
