"""The same data read through a raw client and a decoding client: bytes vs str must survive the migration."""
import asyncio
import os

import aioredis

PREFIX = "p24:"


async def main():
    url = os.environ["REDIS_URL"]
    raw = await aioredis.create_redis_pool(url)
    text = await aioredis.create_redis_pool(url, encoding="utf-8")
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
        raw.close()
        text.close()
        await raw.wait_closed()
        await text.wait_closed()


asyncio.run(main())
