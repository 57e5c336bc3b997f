"""Error handling around commands that the server rejects: INCR on text, a wrong-type read, a script error and a
NOSCRIPT evalsha, caught as aioredis.ReplyError / aioredis.errors.ReplyError and via isinstance()."""
import asyncio
import os

import aioredis
from aioredis.errors import ReplyError

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p40:"


async def safe_incr(redis, key):
    try:
        return await redis.incr(key)
    except aioredis.ReplyError:
        return None


async def run(coro):
    try:
        return "ok", await coro
    except Exception as e:
        return ("reply error" if isinstance(e, aioredis.ReplyError) else "other error"), None


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.set(PREFIX + "name", "ann")
        await redis.rpush(PREFIX + "queue", "job")
        print("incr text", await safe_incr(redis, PREFIX + "name"))
        print("incr fresh", await safe_incr(redis, PREFIX + "hits"))
        try:
            await redis.get(PREFIX + "queue")
        except ReplyError as e:
            print("wrong type:", "WRONGTYPE" in str(e))
        print(await run(redis.eval("return redis.call('INCR', KEYS[1])", keys=[PREFIX + "name"])))
        print(await run(redis.evalsha("0" * 40)))
        print(await run(redis.hget(PREFIX + "name", "field")))
        print(await run(redis.lpop(PREFIX + "queue")))
        await redis.delete(PREFIX + "name", PREFIX + "queue", PREFIX + "hits")
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
