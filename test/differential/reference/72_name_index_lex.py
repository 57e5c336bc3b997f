"""A name index kept in one sorted set with equal scores, queried by lexicographical range."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p72:"
NAMES = PREFIX + "names"


async def main():
    redis = ra.Redis(host=HOST, port=PORT, max_connections=2)
    try:
        await redis.zadd(NAMES, dict.fromkeys(["alice", "bob", "carol", "dave", "erin", "frank"], 0))
        print("b up to d", repr(await redis.zrangebylex(NAMES, "[b", "[d")))
        print("b up to dave, open", repr(await redis.zrangebylex(NAMES, "[b", "(dave")))
        print("from c", repr(await redis.zrangebylex(NAMES, "[c", "+")))
        print("second page", repr(await redis.zrangebylex(NAMES, "-", "+", start=2, num=2)))
        print("count a..c", repr(await redis.zlexcount(NAMES, "[a", "[c")))
        print("count all", repr(await redis.zlexcount(NAMES, "-", "+")))
        print("backwards a..d", repr(await redis.zrevrangebylex(NAMES, "[d", "[a")))
        print("backwards from e", repr(await redis.zrevrangebylex(NAMES, "+", "[e")))
        print("backwards all", repr(await redis.zrevrangebylex(NAMES, "+", "-", start=0, num=3)))
        print("removed", repr(await redis.zremrangebylex(NAMES, "[e", "(f")))
        print("left", repr(await redis.zrange(NAMES, 0, -1)))
    finally:
        await redis.delete(NAMES)
        await redis.close()


asyncio.run(main())
