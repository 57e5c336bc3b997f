"""A chat room: a consumer loop `while await ch.wait_message(): await ch.get(encoding="utf-8")` on a client
without decoding, a second room consumed with `async for … in ch.iter(encoding="utf-8")`, publish counts, and
unsubscribing to end both loops."""
import asyncio
import os

import aioredis

PREFIX = "p51:"


async def room_log(ch, lines):
    while await ch.wait_message():
        text = await ch.get(encoding="utf-8")
        lines.append(text.upper())
    return len(lines)


async def announcements(ch):
    seen = []
    async for text in ch.iter(encoding="utf-8"):
        seen.append(text)
    return seen


async def main():
    url = f"redis://{os.environ['REDIS_HOST']}:{os.environ['REDIS_PORT']}/0"
    redis = await aioredis.create_redis_pool(url)
    sub = await aioredis.create_redis(url)
    try:
        (general,) = await sub.subscribe(PREFIX + "general")
        (news,) = await sub.subscribe(PREFIX + "news")
        lines = []
        log_task = asyncio.ensure_future(room_log(general, lines))
        news_task = asyncio.ensure_future(announcements(news))
        sent = [await redis.publish(PREFIX + "general", text) for text in ["hi", "héllo", "bye"]]
        sent.append(await redis.publish(PREFIX + "news", "v2 released"))
        await sub.unsubscribe(PREFIX + "general")
        await sub.unsubscribe(PREFIX + "news")
        print("log", await log_task, lines)
        print("news", await news_task)
        print("sent", sent)
    finally:
        sub.close()
        redis.close()
        await sub.wait_closed()
        await redis.wait_closed()


asyncio.run(main())
