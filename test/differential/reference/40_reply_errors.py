"""Server-side errors with redis.asyncio: every error reply is a redis.exceptions.ResponseError (NOSCRIPT is its
subclass NoScriptError); eval/evalsha take numkeys."""
import asyncio
import os

import redis.asyncio as redis
from redis.exceptions import ResponseError

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p40:"


async def safe_incr(r, key):
    try:
        return await r.incr(key)
    except ResponseError:
        return None


async def run(coro):
    try:
        return "ok", await coro
    except Exception as e:
        return ("reply error" if isinstance(e, ResponseError) else "other error"), None


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    try:
        await r.set(PREFIX + "name", "ann")
        await r.rpush(PREFIX + "queue", "job")
        print("incr text", await safe_incr(r, PREFIX + "name"))
        print("incr fresh", await safe_incr(r, PREFIX + "hits"))
        try:
            await r.get(PREFIX + "queue")
        except ResponseError as e:
            print("wrong type:", "WRONGTYPE" in str(e))
        print(await run(r.eval("return redis.call('INCR', KEYS[1])", 1, PREFIX + "name")))
        print(await run(r.evalsha("0" * 40, 0)))
        print(await run(r.hget(PREFIX + "name", "field")))
        print(await run(r.lpop(PREFIX + "queue")))
        await r.delete(PREFIX + "name", PREFIX + "queue", PREFIX + "hits")
    finally:
        await r.close()


asyncio.run(main())
