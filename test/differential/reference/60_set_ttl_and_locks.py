"""Sessions and a job lock built on set(ex=, px=, nx=, xx=): a TTL of 0 means "keep", NX/XX outcomes, and
float TTLs as millisecond commands. TTL windows are wide for slow machines."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p60:"
SESSION_TTL = 3600


async def save_session(r, sid, data, ttl=SESSION_TTL):
    # redis-py sends EX 0 (an error); aioredis treated 0 as "no TTL"
    await r.set(PREFIX + "session:" + sid, data, ex=ttl or None)


async def acquire(r, name, token):
    ok = await r.set(PREFIX + "lock:" + name, token, ex=30, nx=True)
    return bool(ok)


async def main():
    r = ra.Redis(host=HOST, port=PORT, db=0)
    try:
        await save_session(r, "a", "alice")
        await save_session(r, "b", "bob", ttl=0)
        print("ttl a", 3500 <= await r.ttl(PREFIX + "session:a") <= 3600)
        print("ttl b", await r.ttl(PREFIX + "session:b"))
        print("lock 1", await acquire(r, "job", "w1"))
        print("lock 2", await acquire(r, "job", "w2"))
        print("owner", await r.get(PREFIX + "lock:job"))
        missing = await r.set(PREFIX + "nope", "x", xx=True)
        print("xx missing", bool(missing), await r.exists(PREFIX + "nope"))
        print("xx present", await r.set(PREFIX + "lock:job", "w3", px=60000, xx=True))
        print("pttl", 50000 <= await r.pttl(PREFIX + "lock:job") <= 60000)
        await r.set(PREFIX + "plain", "v")
        print("plain ttl", await r.ttl(PREFIX + "plain"))
        await r.psetex(PREFIX + "flash", 1500, "hi")
        print("flash pttl", 0 < await r.pttl(PREFIX + "flash") <= 1500)
        await r.pexpire(PREFIX + "session:a", 2500)
        print("session pttl", 0 < await r.pttl(PREFIX + "session:a") <= 2500)
        await r.expire(PREFIX + "session:b", 100)
        print("session b ttl", 50 <= await r.ttl(PREFIX + "session:b") <= 100)
        await r.delete(PREFIX + "session:a", PREFIX + "session:b", PREFIX + "lock:job", PREFIX + "plain", PREFIX + "flash")
    finally:
        await r.close()


asyncio.run(main())
