"""A stream consumer that polls two streams with xread(latest_ids=…, timeout=…) and remembers the last id of each.
aioredis 1.x returned flat (stream, id, fields) rows; redis-py groups them per stream, so the loop that reads the
rows is a manual step."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p44:"
STREAMS = [PREFIX + "orders", PREFIX + "refunds"]


async def poll(redis, last_ids):
    rows = await redis.xread(STREAMS, timeout=500, count=10, latest_ids=[last_ids[s] for s in STREAMS])
    handled = []
    for stream, entry_id, fields in rows:
        last_ids[stream.decode()] = entry_id.decode()
        handled.append((stream.decode()[len(PREFIX):], fields[b"amount"].decode()))
    return handled


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        for amount in ["10", "25"]:
            await redis.xadd(STREAMS[0], {"amount": amount})
        await redis.xadd(STREAMS[1], {"amount": "5"})
        last_ids = {s: "0" for s in STREAMS}
        print("first poll", await poll(redis, last_ids))
        await redis.xadd(STREAMS[0], {"amount": "7"})
        print("second poll", await poll(redis, last_ids))
        print("ids advanced", all(v != "0" for v in last_ids.values()))
        await redis.delete(*STREAMS)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
