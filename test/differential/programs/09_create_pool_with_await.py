"""A raw ConnectionsPool: each unit of work borrows a connection with `with await pool as conn`."""
import asyncio
import os

import aioredis

PREFIX = "p09:"


async def main():
    pool = await aioredis.create_pool(os.environ["REDIS_URL"])
    with await pool as conn:
        await conn.execute("SET", PREFIX + "config", "on")
        await conn.execute("SADD", PREFIX + "tags", "b", "a", "c")
    with await pool as conn:
        print("GET", repr(await conn.execute("GET", PREFIX + "config")))
        print("SCARD", repr(await conn.execute("SCARD", PREFIX + "tags")))
        print("SMEMBERS", sorted(await conn.execute("SMEMBERS", PREFIX + "tags")))
        print("DEL", repr(await conn.execute("DEL", PREFIX + "config", PREFIX + "tags")))
    pool.close()
    await pool.wait_closed()
    print("closed")


asyncio.run(main())
