"""Leaderboard with redis.asyncio: zadd takes a {member: score} mapping with nx=/xx=/ch=; by-score ranges need
both bounds and page with start=/num=; withscores by keyword."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
BOARD = "p47:board"


def table(rows):
    return ", ".join(f"{member.decode()}={score:g}" for member, score in rows)


async def main():
    r = redis.Redis(host=HOST, port=PORT)
    try:
        print("added", await r.zadd(BOARD, {"ann": 120, "bob": 95, "cid": 150.5, "dan": 80, "eve": 110}))
        print("only new", await r.zadd(BOARD, {"ann": 999, "fay": 70}, nx=True))
        print("changed", await r.zadd(BOARD, {"bob": 130, "zed": 10}, xx=True, ch=True))
        print("page 1", await r.zrangebyscore(BOARD, 90, 200, start=0, num=2))
        print("page 2", await r.zrangebyscore(BOARD, 90, 200, start=2, num=2))
        print("top 3", table(await r.zrevrange(BOARD, 0, 2, withscores=True)))
        print("under 100", table(await r.zrangebyscore(BOARD, "-inf", 100, withscores=True)))
        print("best below 125", await r.zrevrangebyscore(BOARD, 125, "-inf", start=0, num=1))
        print("rank of eve", await r.zrank(BOARD, "eve"), "of", await r.zcard(BOARD))
        print("first", await r.zrange(BOARD, 0, 0))
        await r.delete(BOARD)
    finally:
        await r.close()


asyncio.run(main())
