"""Low-level: a single RedisConnection and raw commands through conn.execute()."""
import asyncio
import os

import aioredis

PREFIX = "p07:"


async def main():
    conn = await aioredis.create_connection(os.environ["REDIS_URL"])
    try:
        await conn.execute("SET", PREFIX + "k", "v1")
        print("GET", repr(await conn.execute("GET", PREFIX + "k")))
        print("INCR", repr(await conn.execute("INCR", PREFIX + "n")))
        print("INCRBY", repr(await conn.execute("INCRBY", PREFIX + "n", 41)))
        print("RPUSH", repr(await conn.execute("RPUSH", PREFIX + "l", "x", "y", "z")))
        print("LRANGE", repr(await conn.execute("LRANGE", PREFIX + "l", 0, -1)))
        print("STRLEN", repr(await conn.execute("STRLEN", PREFIX + "k")))
        print("DEL", repr(await conn.execute("DEL", PREFIX + "k", PREFIX + "n", PREFIX + "l")))
    finally:
        conn.close()
        await conn.wait_closed()


asyncio.run(main())
