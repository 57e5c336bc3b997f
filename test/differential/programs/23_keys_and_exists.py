"""Keyspace housekeeping: keys() with a pattern (sorted), exists() counts, rename, delete by pattern."""
import asyncio
import os

import aioredis

PREFIX = "p23:"


async def main():
    r = await aioredis.create_redis(os.environ["REDIS_URL"])
    try:
        for name in ["user:1", "user:2", "user:10", "order:1"]:
            await r.set(PREFIX + name, name.upper())
        print("users", sorted(await r.keys(PREFIX + "user:*")))
        print("all", sorted(await r.keys(PREFIX + "*")))
        print("exists", repr(await r.exists(PREFIX + "user:1", PREFIX + "user:1", PREFIX + "nope")))
        print("rename", repr(await r.rename(PREFIX + "order:1", PREFIX + "order:archived")))
        print("renamed", repr(await r.get(PREFIX + "order:archived")))
        print("type", repr(await r.type(PREFIX + "user:2")))
        stale = await r.keys(PREFIX + "user:*")
        print("deleted", repr(await r.delete(*stale)))
        print("left", sorted(await r.keys(PREFIX + "*")))
        await r.delete(PREFIX + "order:archived")
    finally:
        r.close()
        await r.wait_closed()


asyncio.run(main())
