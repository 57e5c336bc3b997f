"""A single connection from a (host, port) tuple with db= and encoding=: raw execute() calls return str."""
import asyncio
import os

import aioredis

PREFIX = "p08:"


async def main():
    address = (os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"]))
    conn = await aioredis.create_connection(address, db=1, encoding="utf-8")
    await conn.execute("HSET", PREFIX + "h", "color", "blue")
    print("HGET", repr(await conn.execute("HGET", PREFIX + "h", "color")))
    print("HGET missing", repr(await conn.execute("HGET", PREFIX + "h", "size")))
    await conn.execute("SET", PREFIX + "a", "1")
    print("MGET", repr(await conn.execute("MGET", PREFIX + "a", PREFIX + "b")))
    print("LPUSH", repr(await conn.execute("LPUSH", PREFIX + "l", "é", "ß")))
    print("LRANGE", repr(await conn.execute("LRANGE", PREFIX + "l", 0, -1)))
    print("DEL", repr(await conn.execute("DEL", PREFIX + "h", PREFIX + "a", PREFIX + "l")))
    conn.close()
    await conn.wait_closed()


asyncio.run(main())
