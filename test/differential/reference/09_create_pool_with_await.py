"""A raw ConnectionsPool: each unit of work borrows a connection with `with await pool as conn`."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p09:"


async def main():
    pool = ra.ConnectionPool.from_url(os.environ["REDIS_URL"])
    async with ra.Redis(connection_pool=pool).client() as conn:
        await conn.execute_command("SET", PREFIX + "config", "on")
        await conn.execute_command("SADD", PREFIX + "tags", "b", "a", "c")
    async with ra.Redis(connection_pool=pool).client() as conn:
        print("GET", repr(await conn.execute_command("GET", PREFIX + "config")))
        print("SCARD", repr(await conn.execute_command("SCARD", PREFIX + "tags")))
        print("SMEMBERS", sorted(await conn.execute_command("SMEMBERS", PREFIX + "tags")))
        print("DEL", repr(await conn.execute_command("DEL", PREFIX + "config", PREFIX + "tags")))
    await pool.disconnect()
    print("closed")


asyncio.run(main())
