"""Tasks that each borrow a pooled connection (create_pool with minsize/maxsize) to record results."""
import asyncio
import os

import redis.asyncio as ra

PREFIX = "p10:"


async def record(pool, job_id):
    async with ra.Redis(connection_pool=pool).client() as conn:
        await conn.execute_command("HSET", PREFIX + "results", "job-%02d" % job_id, job_id * job_id)
        await conn.execute_command("INCR", PREFIX + "done")


async def main():
    address = (os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"]))
    pool = ra.BlockingConnectionPool(host=address[0], port=address[1], max_connections=3, timeout=None)
    try:
        await asyncio.gather(*(record(pool, i) for i in range(12)))
        async with ra.Redis(connection_pool=pool).client() as conn:
            print("done", repr(await conn.execute_command("GET", PREFIX + "done")))
            print("job-07", repr(await conn.execute_command("HGET", PREFIX + "results", "job-07")))
            print("HLEN", repr(await conn.execute_command("HLEN", PREFIX + "results")))
            await conn.execute_command("DEL", PREFIX + "results", PREFIX + "done")
    finally:
        await pool.disconnect()


asyncio.run(main())
