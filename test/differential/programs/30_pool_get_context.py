"""Borrowing a connection with `async with pool.get() as conn:` (ConnectionsPool)."""
import asyncio
import os

import aioredis

PREFIX = "p30:"


async def bump(pool, name):
    async with pool.get() as conn:
        return await conn.execute("INCR", PREFIX + name)


async def main():
    pool = await aioredis.create_pool(
        (os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"])), db=0, minsize=1, maxsize=2
    )
    print("bumps", [await bump(pool, "a") for _ in range(3)])
    print("b", repr(await bump(pool, "b")))
    async with pool.get() as conn:
        print("MGET", repr(await conn.execute("MGET", PREFIX + "a", PREFIX + "b", PREFIX + "c")))
        await conn.execute("DEL", PREFIX + "a", PREFIX + "b")
    pool.close()
    await pool.wait_closed()


asyncio.run(main())
