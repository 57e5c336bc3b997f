"""Functions typed with ra.ConnectionPool / ra.Redis that run raw commands."""
import asyncio
import os
from typing import Optional

import redis.asyncio as ra


async def put(conn: ra.Redis, key: str, value: str) -> None:
    await conn.execute_command("SET", key, value)


async def take(conn: ra.Redis, key: str) -> Optional[bytes]:
    value = await conn.execute_command("GET", key)
    await conn.execute_command("DEL", key)
    return value


async def roundtrip(pool: ra.ConnectionPool, key: str, value: str) -> Optional[bytes]:
    async with ra.Redis(connection_pool=pool).client() as conn:
        await put(conn, key, value)
        return await take(conn, key)


async def main():
    pool: Optional[ra.ConnectionPool] = ra.ConnectionPool.from_url(os.environ["REDIS_URL"])
    try:
        print("roundtrip", repr(await roundtrip(pool, "p31:k", "payload")))
        print("gone", repr(await roundtrip(pool, "p31:k2", "second")))
        async with ra.Redis(connection_pool=pool).client() as conn:
            print("leftover", repr(await conn.execute_command("EXISTS", "p31:k", "p31:k2")))
    finally:
        await pool.disconnect()


asyncio.run(main())
