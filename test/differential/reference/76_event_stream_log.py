"""An audit log kept in a Redis stream: capped appends, reading windows forwards and backwards, polling for news."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p76:"
LOG = PREFIX + "audit"


async def main():
    redis = ra.Redis(host=HOST, port=PORT)
    try:
        for n in range(1, 6):
            await redis.xadd(LOG, {"event": "login", "n": n}, id=f"1-{n}", maxlen=4, approximate=False)
        print("length", repr(await redis.xlen(LOG)))
        print("all", await redis.xrange(LOG))
        print("from 1-3", await redis.xrange(LOG, min="1-3", count=2))
        print("up to 1-3", await redis.xrange(LOG, max="1-3"))
        print("newest", await redis.xrevrange(LOG, count=1))
        print("newest down to 1-4", await redis.xrevrange(LOG, max="+", min="1-4"))
        print("anything after 1-4", bool(await redis.xread({LOG: "1-4"}, block=100)))
        print("anything after 1-5", bool(await redis.xread({LOG: "1-5"}, block=100)))
        print("without waiting", bool(await redis.xread({LOG: "0"})))
        print("trimmed", repr(await redis.xtrim(LOG, maxlen=2, approximate=False)))
        print("left", await redis.xrange(LOG))
    finally:
        await redis.delete(LOG)
        await redis.close()


asyncio.run(main())
