"""Borrowing a connection with `async with ra.Redis(connection_pool=pool).client() as conn:` (ConnectionsPool)."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p30:"


async def bump(pool, name):
    async with ra.Redis(connection_pool=pool).client() as conn:
        return await conn.execute_command("INCR", PREFIX + name)


async def main():
    pool = ra.BlockingConnectionPool(
        host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]), db=0, max_connections=2, timeout=None
    )
    print("bumps", [await bump(pool, "a") for _ in range(3)])
    print("b", repr(await bump(pool, "b")))
    async with ra.Redis(connection_pool=pool).client() as conn:
        print("MGET", repr(await conn.execute_command("MGET", PREFIX + "a", PREFIX + "b", PREFIX + "c")))
        await conn.execute_command("DEL", PREFIX + "a", PREFIX + "b")
    await pool.disconnect()


asyncio.run(main())
