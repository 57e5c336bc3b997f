"""Arcade scores written with aioredis 1.x `zadd(key, score, member)` from p86_arcade/, which never imports aioredis:
`Leaderboard` keeps the client it is given on `self.redis`, `penalise()` and `remember_visit()` receive it as a
parameter; scores are names, sums and differences, and visits.py has no other aioredis-1.x name."""
import asyncio
import os

import aioredis

from p86_arcade import scores, visits

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p86:"
BOARD = PREFIX + "board"
VISITS = PREFIX + "visits"


async def main():
    redis = await aioredis.create_redis((HOST, PORT))
    board = scores.Leaderboard(redis, BOARD)
    try:
        print("ada", await board.record("ada", 12))
        print("bob", await board.record("bob", 7))
        print("round", await board.record_round({"ada": (3, 1), "cyd": (9, 0)}))
        print("top", await board.top(3))
        print("penalised", await scores.penalise(redis, BOARD, "bob", await board.score("bob")))
        for player in ["ada", "bob", "cyd"]:
            print(player, "%g" % await board.score(player))
        for order, player in enumerate(["ada", "bob", "ada"]):
            print("visit", player, await visits.remember_visit(redis, VISITS, player, order))
        print("visitors", await redis.zrange(VISITS, 0, -1))
        for player in ["ada", "bob"]:
            print("last visit", player, int(await redis.zscore(VISITS + ":order", player)))
    finally:
        await redis.delete(BOARD, VISITS, VISITS + ":order")
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
