"""Pushes link events to every instance through Redis pub/sub."""
import logging

import aioredis

log = logging.getLogger(__name__)

CHANNEL = "link-events"


async def publish(redis: aioredis.Redis, event: str, code: str) -> None:
    await redis.publish_json(CHANNEL, {"event": event, "code": code})


class Notifier:
    def __init__(self, redis: aioredis.Redis) -> None:
        self.redis = redis
        self.seen = 0

    async def listen(self) -> None:
        channel, = await self.redis.subscribe(CHANNEL)
        while await channel.wait_message():
            message = await channel.get_json()
            self.seen += 1
            log.info("link event %s for %s", message["event"], message["code"])
