"""A single connection from a (host, port) tuple with db= and encoding=: raw execute() calls return str."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p08:"


async def main():
    address = (os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"]))
    conn = ra.Redis(host=address[0], port=address[1], db=1, decode_responses=True)
    await conn.execute_command("HSET", PREFIX + "h", "color", "blue")
    print("HGET", repr(await conn.execute_command("HGET", PREFIX + "h", "color")))
    print("HGET missing", repr(await conn.execute_command("HGET", PREFIX + "h", "size")))
    await conn.execute_command("SET", PREFIX + "a", "1")
    print("MGET", repr(await conn.execute_command("MGET", PREFIX + "a", PREFIX + "b")))
    print("LPUSH", repr(await conn.execute_command("LPUSH", PREFIX + "l", "é", "ß")))
    print("LRANGE", repr(await conn.execute_command("LRANGE", PREFIX + "l", 0, -1)))
    print("DEL", repr(await conn.execute_command("DEL", PREFIX + "h", PREFIX + "a", PREFIX + "l")))
    await conn.close()


asyncio.run(main())
