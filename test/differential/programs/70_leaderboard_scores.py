"""A game leaderboard in a sorted set: scores written in aioredis' score/member order, read back by rank and score."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p70:"
BOARD = PREFIX + "board"


async def main():
    redis = await aioredis.create_redis_pool((HOST, PORT))
    try:
        print("added", repr(await redis.zadd(BOARD, 120, "ada", 95, "bob", 150.5, "eve", 80, "dan")))
        print("nx on existing", repr(await redis.zadd(BOARD, 1, "ada", exist=redis.ZSET_IF_NOT_EXIST)))
        print("xx changed", repr(await redis.zadd(BOARD, 99, "bob", 1, "zed", exist=redis.ZSET_IF_EXIST, changed=True)))
        print("bonus", float(await redis.zadd(BOARD, 10, "dan", incr=True)))
        print("everyone", repr(await redis.zrange(BOARD)))
        print("top3", repr(await redis.zrevrange(BOARD, 0, 2)))
        print("after first", repr(await redis.zrange(BOARD, 1)))
        ranked = await redis.zrange(BOARD, 0, -1, True)
        print("ranked", [(member, float(score)) for member, score in ranked])
        print("eve", float(await redis.zscore(BOARD, "eve")))
        print("rank of bob", repr(await redis.zrevrank(BOARD, "bob")))
        print("card", repr(await redis.zcard(BOARD)))
    finally:
        await redis.delete(BOARD)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
