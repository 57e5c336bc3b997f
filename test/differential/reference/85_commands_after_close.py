"""Shutdown of a queue worker with redis.asyncio: a closed redis-py client reconnects on its next command instead
of raising, so the application keeps its own closed flag, sets it where it closes the client and checks it
before every command that aioredis 1.x would have refused with PoolClosedError / ConnectionClosedError."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p85:"
QUEUE = PREFIX + "jobs"
DONE = PREFIX + "done"
MAX_POLLS = 20


class Closable:
    """A client and whether the application has closed it."""

    def __init__(self, client):
        self.client = client
        self.closed = False

    async def close(self):
        self.closed = True
        await self.client.close(close_connection_pool=True)


async def worker(holder, drained, resume):
    handled = 0
    for _ in range(MAX_POLLS):
        if holder.closed:
            print("worker stopped: pool closed after", handled, "jobs")
            return handled
        job = await holder.client.rpop(QUEUE)
        if job is None:
            drained.set()
            await resume.wait()
            continue
        handled += 1
        await holder.client.rpush(DONE, job)
    print("worker gave up after", MAX_POLLS, "polls")
    return handled


async def save_session(holder, sid, user):
    if holder.closed:
        print("session", sid, "not saved: connection closed")
        return False
    await holder.client.set(PREFIX + "session:" + sid, user)
    return True


async def main():
    pool = Closable(redis.Redis(connection_pool=redis.BlockingConnectionPool.from_url(f"redis://{HOST}:{PORT}/0", max_connections=2, timeout=None)))
    await pool.client.rpush(QUEUE, "a", "b", "c")
    drained, resume = asyncio.Event(), asyncio.Event()
    task = asyncio.ensure_future(worker(pool, drained, resume))
    await drained.wait()
    print("done", await pool.client.lrange(DONE, 0, -1))
    await pool.client.delete(QUEUE, DONE)
    await pool.close()
    resume.set()
    print("handled", await task)

    conn = Closable(redis.Redis(host=HOST, port=PORT, db=0, single_connection_client=True))
    print("saved s1", await save_session(conn, "s1", "ann"))
    print("session s1", await conn.client.get(PREFIX + "session:s1"))
    await conn.client.delete(PREFIX + "session:s1")
    await conn.close()
    print("saved s2", await save_session(conn, "s2", "bob"))


asyncio.run(main())
