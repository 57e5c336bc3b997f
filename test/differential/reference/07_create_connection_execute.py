"""Low-level: a single RedisConnection and raw commands through conn.execute_command()."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p07:"


async def main():
    conn = ra.Redis.from_url(os.environ["REDIS_URL"])
    try:
        await conn.execute_command("SET", PREFIX + "k", "v1")
        print("GET", repr(await conn.execute_command("GET", PREFIX + "k")))
        print("INCR", repr(await conn.execute_command("INCR", PREFIX + "n")))
        print("INCRBY", repr(await conn.execute_command("INCRBY", PREFIX + "n", 41)))
        print("RPUSH", repr(await conn.execute_command("RPUSH", PREFIX + "l", "x", "y", "z")))
        print("LRANGE", repr(await conn.execute_command("LRANGE", PREFIX + "l", 0, -1)))
        print("STRLEN", repr(await conn.execute_command("STRLEN", PREFIX + "k")))
        print("DEL", repr(await conn.execute_command("DEL", PREFIX + "k", PREFIX + "n", PREFIX + "l")))
    finally:
        await conn.close()


asyncio.run(main())
