"""Shutdown of a queue worker: the worker polls a pooled client and stops when aioredis raises PoolClosedError,
which aioredis 1.x raised for every command once the pool was closed. A session store on a single connection
likewise refuses a late write with ConnectionClosedError after close(). The worker and the shutdown are ordered
with events, not sleeps."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p85:"
QUEUE = PREFIX + "jobs"
DONE = PREFIX + "done"
MAX_POLLS = 20


async def worker(redis, drained, resume):
    handled = 0
    for _ in range(MAX_POLLS):
        try:
            job = await redis.rpop(QUEUE)
        except aioredis.PoolClosedError:
            print("worker stopped: pool closed after", handled, "jobs")
            return handled
        if job is None:
            drained.set()
            await resume.wait()
            continue
        handled += 1
        await redis.rpush(DONE, job)
    print("worker gave up after", MAX_POLLS, "polls")
    return handled


async def save_session(conn, sid, user):
    try:
        await conn.set(PREFIX + "session:" + sid, user)
    except aioredis.errors.ConnectionClosedError:
        print("session", sid, "not saved: connection closed")
        return False
    return True


async def main():
    pool = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0", maxsize=2)
    await pool.rpush(QUEUE, "a", "b", "c")
    drained, resume = asyncio.Event(), asyncio.Event()
    task = asyncio.ensure_future(worker(pool, drained, resume))
    await drained.wait()
    print("done", await pool.lrange(DONE, 0, -1))
    await pool.delete(QUEUE, DONE)
    pool.close()
    await pool.wait_closed()
    resume.set()
    print("handled", await task)

    conn = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    print("saved s1", await save_session(conn, "s1", "ann"))
    print("session s1", await conn.get(PREFIX + "session:s1"))
    await conn.delete(PREFIX + "session:s1")
    conn.close()
    await conn.wait_closed()
    print("saved s2", await save_session(conn, "s2", "bob"))


asyncio.run(main())
