"""A name index kept in one sorted set with equal scores, queried by lexicographical range."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p72:"
NAMES = PREFIX + "names"


async def main():
    redis = await aioredis.create_redis_pool((HOST, PORT), minsize=1, maxsize=2)
    try:
        await redis.zadd(NAMES, 0, "alice", 0, "bob", 0, "carol", 0, "dave", 0, "erin", 0, "frank")
        print("b up to d", repr(await redis.zrangebylex(NAMES, b"b", b"d")))
        print("b up to dave, open", repr(await redis.zrangebylex(NAMES, b"b", b"dave", include_max=False)))
        print("from c", repr(await redis.zrangebylex(NAMES, min=b"c")))
        print("second page", repr(await redis.zrangebylex(NAMES, offset=2, count=2)))
        print("count a..c", repr(await redis.zlexcount(NAMES, b"a", b"c")))
        print("count all", repr(await redis.zlexcount(NAMES)))
        print("backwards a..d", repr(await redis.zrevrangebylex(NAMES, b"a", b"d")))
        print("backwards from e", repr(await redis.zrevrangebylex(NAMES, b"e")))
        print("backwards all", repr(await redis.zrevrangebylex(NAMES, include_min=False, offset=0, count=3)))
        print("removed", repr(await redis.zremrangebylex(NAMES, b"e", b"f", True, False)))
        print("left", repr(await redis.zrange(NAMES)))
    finally:
        await redis.delete(NAMES)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
