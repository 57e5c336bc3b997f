"""Shutdown bookkeeping with redis.asyncio: Redis has no `closed` property (a closed client reconnects on the
next command), so the application records that it closed the client."""
import asyncio
import os

import redis.asyncio as redis

PREFIX = "p27:"


async def main():
    r = redis.Redis.from_url(os.environ["REDIS_URL"])
    closed = False
    await r.set(PREFIX + "k", "v")
    print("value", repr(await r.get(PREFIX + "k")))
    await r.delete(PREFIX + "k")
    print("closed before", closed)
    await r.close(close_connection_pool=True)
    closed = True
    print("closed after", closed)


asyncio.run(main())
