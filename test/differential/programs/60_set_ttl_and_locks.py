"""Sessions and a job lock built on set(expire=, pexpire=, exist=): a TTL of 0 means "keep", NX/XX outcomes, and
float TTLs, which aioredis sent as milliseconds (setex → PSETEX, expire → PEXPIRE). TTL windows are wide for slow machines."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p60:"
SESSION_TTL = 3600


async def save_session(redis, sid, data, ttl=SESSION_TTL):
    await redis.set(PREFIX + "session:" + sid, data, expire=ttl)


async def acquire(redis, name, token):
    ok = await redis.set(PREFIX + "lock:" + name, token, expire=30, exist=redis.SET_IF_NOT_EXIST)
    return bool(ok)


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        await save_session(redis, "a", "alice")
        await save_session(redis, "b", "bob", ttl=0)
        print("ttl a", 3500 <= await redis.ttl(PREFIX + "session:a") <= 3600)
        print("ttl b", await redis.ttl(PREFIX + "session:b"))
        print("lock 1", await acquire(redis, "job", "w1"))
        print("lock 2", await acquire(redis, "job", "w2"))
        print("owner", await redis.get(PREFIX + "lock:job"))
        missing = await redis.set(PREFIX + "nope", "x", exist=redis.SET_IF_EXIST)
        print("xx missing", bool(missing), await redis.exists(PREFIX + "nope"))
        print("xx present", await redis.set(PREFIX + "lock:job", "w3", pexpire=60000, exist=aioredis.Redis.SET_IF_EXIST))
        print("pttl", 50000 <= await redis.pttl(PREFIX + "lock:job") <= 60000)
        await redis.set(PREFIX + "plain", "v", expire=0, exist=None)
        print("plain ttl", await redis.ttl(PREFIX + "plain"))
        await redis.setex(PREFIX + "flash", 1.5, "hi")
        print("flash pttl", 0 < await redis.pttl(PREFIX + "flash") <= 1500)
        await redis.expire(PREFIX + "session:a", 2.5)
        print("session pttl", 0 < await redis.pttl(PREFIX + "session:a") <= 2500)
        await redis.expire(PREFIX + "session:b", 100)
        print("session b ttl", 50 <= await redis.ttl(PREFIX + "session:b") <= 100)
        await redis.delete(PREFIX + "session:a", PREFIX + "session:b", PREFIX + "lock:job", PREFIX + "plain", PREFIX + "flash")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
