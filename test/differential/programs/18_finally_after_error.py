"""Cleanup in `finally:` runs even when the work raises; the error is handled by the caller."""
import asyncio
import os

import aioredis

PREFIX = "p18:"


class Invalid(Exception):
    pass


async def import_rows(rows):
    redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"])
    try:
        for i, row in enumerate(rows):
            if "=" not in row:
                raise Invalid("row %d is malformed: %r" % (i, row))
            k, v = row.split("=", 1)
            await redis.set(PREFIX + k, v)
        return len(rows)
    finally:
        redis.close()
        await redis.wait_closed()
        print("cleanup ran")


async def main():
    print("imported", await import_rows(["a=1", "b=2"]))
    try:
        await import_rows(["c=3", "broken", "d=4"])
    except Invalid as e:
        print("error", e)
    check = await aioredis.create_redis(os.environ["REDIS_URL"])
    print("keys", sorted(await check.keys(PREFIX + "*")))
    print("values", repr(await check.mget(PREFIX + "a", PREFIX + "b", PREFIX + "c", PREFIX + "d")))
    await check.delete(PREFIX + "a", PREFIX + "b", PREFIX + "c")
    check.close()
    await check.wait_closed()


asyncio.run(main())
