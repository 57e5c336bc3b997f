"""Order events: published as JSON, counted in a sorted set; an auditor reads one event from its channel."""


class Events:
    def __init__(self, app):
        self.redis = app["redis"]

    async def order_placed(self, cart_id, total):
        await self.redis.zadd(PREFIX_SCORES, total, cart_id)
        return await self.redis.publish_json(CHANNEL, {"cart": cart_id, "total": total})

    async def best_orders(self):
        return await self.redis.zrevrangebyscore(PREFIX_SCORES, offset=0, count=2)


async def listen_once(app, ready):
    ch, = await app["redis"].subscribe(CHANNEL)
    ready.set()
    event = await ch.get_json()
    await app["redis"].unsubscribe(CHANNEL)
    return event


PREFIX_SCORES = "p45:order-totals"
CHANNEL = "p45:orders"
