"""An asynccontextmanager that hands out a connected client and always closes it."""
import asyncio
import os
from contextlib import asynccontextmanager

import redis.asyncio as ra

PREFIX = "p19:"


@asynccontextmanager
async def redis_client(db=0):
    client = ra.Redis(
        host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]), db=db, decode_responses=True
    )
    try:
        yield client
    finally:
        await client.close()


async def main():
    async with redis_client() as r:
        await r.set(PREFIX + "motd", "keep calm")
        await r.rpush(PREFIX + "history", "v1", "v2")
    async with redis_client() as r:
        print("motd", repr(await r.get(PREFIX + "motd")))
        print("history", repr(await r.lrange(PREFIX + "history", 0, -1)))
        print("type", repr(await r.type(PREFIX + "history")))
        await r.delete(PREFIX + "motd", PREFIX + "history")
    async with redis_client(db=2) as r:
        print("db2 motd", repr(await r.get(PREFIX + "motd")))


asyncio.run(main())
