"""The same data read through a raw client and a decoding client: bytes vs str must survive the migration."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p24:"


async def main():
    url = os.environ["REDIS_URL"]
    raw = ra.Redis.from_url(url)
    text = ra.Redis.from_url(url, decode_responses=True)
    try:
        await raw.set(PREFIX + "blob", b"\x00\x01binary")
        await text.set(PREFIX + "name", "Zoë")
        await text.hset(PREFIX + "h", "k", "v")
        print("raw name", repr(await raw.get(PREFIX + "name")))
        print("text name", repr(await text.get(PREFIX + "name")))
        print("raw blob", repr(await raw.get(PREFIX + "blob")))
        print("raw hgetall", repr(await raw.hgetall(PREFIX + "h")))
        print("text hgetall", repr(await text.hgetall(PREFIX + "h")))
        print("raw keys", sorted(await raw.keys(PREFIX + "*")))
        print("text keys", sorted(await text.keys(PREFIX + "*")))
        await raw.delete(PREFIX + "blob", PREFIX + "name", PREFIX + "h")
    finally:
        await raw.close()
        await text.close()


asyncio.run(main())
