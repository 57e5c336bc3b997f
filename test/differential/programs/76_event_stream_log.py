"""An audit log kept in a Redis stream: capped appends, reading windows forwards and backwards, polling for news."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p76:"
LOG = PREFIX + "audit"


def entries(rows):
    return [(message_id, dict(fields)) for message_id, fields in rows]


async def main():
    redis = await aioredis.create_redis((HOST, PORT))
    try:
        for n in range(1, 6):
            await redis.xadd(LOG, {"event": "login", "n": n}, message_id=b"1-%d" % n, max_len=4, exact_len=True)
        print("length", repr(await redis.xlen(LOG)))
        print("all", entries(await redis.xrange(LOG)))
        print("from 1-3", entries(await redis.xrange(LOG, start="1-3", count=2)))
        print("up to 1-3", entries(await redis.xrange(LOG, stop="1-3")))
        print("newest", entries(await redis.xrevrange(LOG, count=1)))
        print("newest down to 1-4", entries(await redis.xrevrange(LOG, start="+", stop="1-4")))
        print("anything after 1-4", bool(await redis.xread([LOG], timeout=100, latest_ids=["1-4"])))
        print("anything after 1-5", bool(await redis.xread([LOG], timeout=100, latest_ids=["1-5"])))
        print("without waiting", bool(await redis.xread([LOG], timeout=None, latest_ids=["0"])))
        print("trimmed", repr(await redis.xtrim(LOG, 2, exact_len=True)))
        print("left", entries(await redis.xrange(LOG, "-", "+")))
    finally:
        await redis.delete(LOG)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
