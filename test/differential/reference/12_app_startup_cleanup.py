"""aiohttp-style application: the client lives in app["redis"], created on startup and closed on cleanup."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p12:"


async def on_startup(app):
    app["redis"] = ra.Redis.from_url(os.environ["REDIS_URL"], max_connections=5, decode_responses=True)


async def on_cleanup(app):
    await app["redis"].close()


async def handle_visit(app, page):
    count = await app["redis"].hincrby(PREFIX + "visits", page, 1)
    await app["redis"].lpush(PREFIX + "recent", page)
    await app["redis"].ltrim(PREFIX + "recent", 0, 2)
    return count


async def handle_stats(app):
    visits = await app["redis"].hgetall(PREFIX + "visits")
    recent = await app["redis"].lrange(PREFIX + "recent", 0, -1)
    return sorted(visits.items()), recent


async def main():
    app = {}
    await on_startup(app)
    try:
        for page in ["/", "/about", "/", "/blog", "/", "/about"]:
            print("visit", page, repr(await handle_visit(app, page)))
        print("stats", repr(await handle_stats(app)))
        await app["redis"].delete(PREFIX + "visits", PREFIX + "recent")
    finally:
        await on_cleanup(app)


asyncio.run(main())
