"""Feature flags written in one round trip: mset/msetnx with a mapping (msetnx replies True/False now)."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p62:"


async def publish_flags(r, flags):
    await r.mset({PREFIX + name: value for name, value in flags.items()})


async def main():
    r = ra.Redis(host=HOST, port=PORT)
    try:
        await r.mset({PREFIX + "search": "on", PREFIX + "beta": "off"})
        await publish_flags(r, {"dark": "on"})
        if await r.msetnx({PREFIX + "search": "off", PREFIX + "new": "on"}):
            print("defaults written")
        else:
            print("defaults kept")
        if await r.msetnx({PREFIX + "new": "on", PREFIX + "newer": "on"}):
            print("second defaults written")
        print(await r.mget(PREFIX + "search", PREFIX + "beta", PREFIX + "dark", PREFIX + "new", PREFIX + "newer"))
        await r.mset({PREFIX + "search": "off", PREFIX + "beta": "on"})
        print(await r.mget(PREFIX + "search", PREFIX + "beta"))
        await r.delete(PREFIX + "search", PREFIX + "beta", PREFIX + "dark", PREFIX + "new", PREFIX + "newer")
    finally:
        await r.close()


asyncio.run(main())
