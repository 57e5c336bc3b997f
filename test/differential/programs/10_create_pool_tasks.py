"""Tasks that each borrow a pooled connection (create_pool with minsize/maxsize) to record results."""
import asyncio
import os

import aioredis

PREFIX = "p10:"


async def record(pool, job_id):
    with await pool as conn:
        await conn.execute("HSET", PREFIX + "results", "job-%02d" % job_id, job_id * job_id)
        await conn.execute("INCR", PREFIX + "done")


async def main():
    address = (os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"]))
    pool = await aioredis.create_pool(address, minsize=1, maxsize=3)
    try:
        await asyncio.gather(*(record(pool, i) for i in range(12)))
        with await pool as conn:
            print("done", repr(await conn.execute("GET", PREFIX + "done")))
            print("job-07", repr(await conn.execute("HGET", PREFIX + "results", "job-07")))
            print("HLEN", repr(await conn.execute("HLEN", PREFIX + "results")))
            await conn.execute("DEL", PREFIX + "results", PREFIX + "done")
    finally:
        pool.close()
        await pool.wait_closed()


asyncio.run(main())
