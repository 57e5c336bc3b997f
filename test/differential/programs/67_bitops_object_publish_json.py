"""Daily activity bitmaps and events: bitop_and/or/xor/not, object_refcount/idletime, ping with a message, and
publish_json in a module that never imports json itself."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p67:"


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        for day, users in {"mon": [1, 3, 5], "tue": [3, 4, 5]}.items():
            for uid in users:
                await redis.setbit(f"{PREFIX}active:{day}", uid, 1)
        print("and", await redis.bitop_and(PREFIX + "both", PREFIX + "active:mon", PREFIX + "active:tue"))
        print("or", await redis.bitop_or(PREFIX + "any", PREFIX + "active:mon", PREFIX + "active:tue"))
        print("xor", await redis.bitop_xor(PREFIX + "one", PREFIX + "active:mon", PREFIX + "active:tue"))
        print("not", await redis.bitop_not(PREFIX + "idle", PREFIX + "active:mon"))
        for name in ["both", "any", "one", "idle"]:
            print(name, await redis.bitcount(PREFIX + name))
        print("refcount", await redis.object_refcount(PREFIX + "both"))
        print("idle", await redis.object_idletime(PREFIX + "both") < 60)
        print("echo", await redis.ping("still there?"))
        print("delivered", await redis.publish_json(PREFIX + "events", {"kind": "report", "days": ["mon", "tue"]}))
        try:
            await redis.publish_json(PREFIX + "events", {"when": object()})
        except TypeError as e:
            print("not JSON:", e)
        await redis.delete(*[PREFIX + k for k in ["active:mon", "active:tue", "both", "any", "one", "idle"]])
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
