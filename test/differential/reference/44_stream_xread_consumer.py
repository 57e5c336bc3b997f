"""Stream consumer with redis.asyncio: xread({stream: last_id}, block=ms, count=) groups entries per stream, so
the loop iterates streams, then entries."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p44:"
STREAMS = [PREFIX + "orders", PREFIX + "refunds"]


async def poll(r, last_ids):
    rows = await r.xread({s: last_ids[s] for s in STREAMS}, block=500, count=10)
    handled = []
    for stream, entries in rows:
        for entry_id, fields in entries:
            last_ids[stream.decode()] = entry_id.decode()
            handled.append((stream.decode()[len(PREFIX):], fields[b"amount"].decode()))
    return handled


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    try:
        for amount in ["10", "25"]:
            await r.xadd(STREAMS[0], {"amount": amount})
        await r.xadd(STREAMS[1], {"amount": "5"})
        last_ids = {s: "0" for s in STREAMS}
        print("first poll", await poll(r, last_ids))
        await r.xadd(STREAMS[0], {"amount": "7"})
        print("second poll", await poll(r, last_ids))
        print("ids advanced", all(v != "0" for v in last_ids.values()))
        await r.delete(*STREAMS)
    finally:
        await r.close()


asyncio.run(main())
