"""A game leaderboard: zadd with several score/member pairs and exist=/changed= flags, zrangebyscore and
zrevrangebyscore pages with offset/count, zrevrange with withscores (scores formatted for display), zrank/zcard."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
BOARD = "p47:board"


def table(rows):
    return ", ".join(f"{member.decode()}={score:g}" for member, score in rows)


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0")
    try:
        print("added", await redis.zadd(BOARD, 120, "ann", 95, "bob", 150.5, "cid", 80, "dan", 110, "eve"))
        print("only new", await redis.zadd(BOARD, 999, "ann", 70, "fay", exist=redis.ZSET_IF_NOT_EXIST))
        print("changed", await redis.zadd(BOARD, 130, "bob", 10, "zed", exist=redis.ZSET_IF_EXIST, changed=True))
        print("page 1", await redis.zrangebyscore(BOARD, 90, 200, offset=0, count=2))
        print("page 2", await redis.zrangebyscore(BOARD, 90, 200, offset=2, count=2))
        print("top 3", table(await redis.zrevrange(BOARD, 0, 2, withscores=True)))
        print("under 100", table(await redis.zrangebyscore(BOARD, max=100, withscores=True)))
        print("best below 125", await redis.zrevrangebyscore(BOARD, 125, offset=0, count=1))
        print("rank of eve", await redis.zrank(BOARD, "eve"), "of", await redis.zcard(BOARD))
        print("first", await redis.zrange(BOARD, 0, 0))
        await redis.delete(BOARD)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
