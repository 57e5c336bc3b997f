"""Functions typed with aioredis.ConnectionsPool / aioredis.RedisConnection that run raw commands."""
import asyncio
import os
from typing import Optional

import aioredis


async def put(conn: aioredis.RedisConnection, key: str, value: str) -> None:
    await conn.execute("SET", key, value)


async def take(conn: aioredis.RedisConnection, key: str) -> Optional[bytes]:
    value = await conn.execute("GET", key)
    await conn.execute("DEL", key)
    return value


async def roundtrip(pool: aioredis.ConnectionsPool, key: str, value: str) -> Optional[bytes]:
    with await pool as conn:
        await put(conn, key, value)
        return await take(conn, key)


async def main():
    pool: Optional[aioredis.ConnectionsPool] = await aioredis.create_pool(os.environ["REDIS_URL"])
    try:
        print("roundtrip", repr(await roundtrip(pool, "p31:k", "payload")))
        print("gone", repr(await roundtrip(pool, "p31:k2", "second")))
        with await pool as conn:
            print("leftover", repr(await conn.execute("EXISTS", "p31:k", "p31:k2")))
    finally:
        pool.close()
        await pool.wait_closed()


asyncio.run(main())
