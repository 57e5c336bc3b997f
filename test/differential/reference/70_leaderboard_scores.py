"""A game leaderboard in a sorted set: scores written in aioredis' score/member order, read back by rank and score."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p70:"
BOARD = PREFIX + "board"


async def main():
    redis = ra.Redis(host=HOST, port=PORT)
    try:
        print("added", repr(await redis.zadd(BOARD, {"ada": 120, "bob": 95, "eve": 150.5, "dan": 80})))
        print("nx on existing", repr(await redis.zadd(BOARD, {"ada": 1}, nx=True)))
        print("xx changed", repr(await redis.zadd(BOARD, {"bob": 99, "zed": 1}, xx=True, ch=True)))
        print("bonus", await redis.zadd(BOARD, {"dan": 10}, incr=True))
        print("everyone", repr(await redis.zrange(BOARD, 0, -1)))
        print("top3", repr(await redis.zrevrange(BOARD, 0, 2)))
        print("after first", repr(await redis.zrange(BOARD, 1, -1)))
        ranked = await redis.zrange(BOARD, 0, -1, withscores=True)
        print("ranked", ranked)
        print("eve", await redis.zscore(BOARD, "eve"))
        print("rank of bob", repr(await redis.zrevrank(BOARD, "bob")))
        print("card", repr(await redis.zcard(BOARD)))
    finally:
        await redis.delete(BOARD)
        await redis.close()


asyncio.run(main())
