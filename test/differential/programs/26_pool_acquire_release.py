"""Explicit pool.acquire()/pool.release(conn): there is no automatic equivalent (manual step)."""
import asyncio
import os

import aioredis

PREFIX = "p26:"


async def main():
    pool = await aioredis.create_pool(os.environ["REDIS_URL"], minsize=1, maxsize=2)
    conn = await pool.acquire()
    try:
        await conn.execute("SET", PREFIX + "lease", "held")
        print("GET", repr(await conn.execute("GET", PREFIX + "lease")))
        await conn.execute("DEL", PREFIX + "lease")
    finally:
        pool.release(conn)
    print("free after release", pool.freesize >= 1)
    pool.close()
    await pool.wait_closed()


asyncio.run(main())
