"""Explicit acquire/release with redis.asyncio: a pool hands out a Connection with get_connection() and takes it
back with release(); raw commands go through send_command()/read_response(). redis-py has no public count of
free connections, so the check is that the released connection is the one the pool hands out next."""
import asyncio
import os

import redis.asyncio as redis

PREFIX = "p26:"


async def execute(conn, *args):
    await conn.send_command(*args)
    return await conn.read_response()


async def main():
    pool = redis.BlockingConnectionPool.from_url(os.environ["REDIS_URL"], max_connections=2, timeout=None)
    conn = await pool.get_connection("SET")
    try:
        await execute(conn, "SET", PREFIX + "lease", "held")
        print("GET", repr(await execute(conn, "GET", PREFIX + "lease")))
        await execute(conn, "DEL", PREFIX + "lease")
    finally:
        await pool.release(conn)
    again = await pool.get_connection("PING")
    print("free after release", again is conn)
    await pool.release(again)
    await pool.disconnect()


asyncio.run(main())
