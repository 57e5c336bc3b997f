"""Chat rooms with redis.asyncio: one PubSub per room, listen() loops that decode the payload themselves (the
client does not decode), and unsubscribe() ending each loop."""
import asyncio
import os

import redis.asyncio as redis

PREFIX = "p51:"


async def room_log(pubsub, lines):
    async for message in pubsub.listen():
        if message["type"] == "message":
            lines.append(message["data"].decode("utf-8").upper())
    return len(lines)


async def announcements(pubsub):
    seen = []
    async for message in pubsub.listen():
        if message["type"] == "message":
            seen.append(message["data"].decode("utf-8"))
    return seen


async def main():
    r = redis.Redis(host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]), db=0)
    general, news = r.pubsub(), r.pubsub()
    try:
        await general.subscribe(PREFIX + "general")
        await news.subscribe(PREFIX + "news")
        lines = []
        log_task = asyncio.create_task(room_log(general, lines))
        news_task = asyncio.create_task(announcements(news))
        sent = [await r.publish(PREFIX + "general", text) for text in ["hi", "héllo", "bye"]]
        sent.append(await r.publish(PREFIX + "news", "v2 released"))
        await general.unsubscribe(PREFIX + "general")
        await news.unsubscribe(PREFIX + "news")
        print("log", await log_task, lines)
        print("news", await news_task)
        print("sent", sent)
    finally:
        await general.close()
        await news.close()
        await r.close()


asyncio.run(main())
