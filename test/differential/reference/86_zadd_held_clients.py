"""Arcade scores with redis.asyncio: p86_arcade/ writes sorted sets with `{member: score}` mappings through the
client it is handed. Scores come back as floats; the original printed them as ints, so they are formatted."""
import asyncio
import os

import redis.asyncio as redis

from p86_arcade import scores, visits

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p86:"
BOARD = PREFIX + "board"
VISITS = PREFIX + "visits"


async def main():
    client = redis.Redis(host=HOST, port=PORT)
    board = scores.Leaderboard(client, BOARD)
    try:
        print("ada", await board.record("ada", 12))
        print("bob", await board.record("bob", 7))
        print("round", await board.record_round({"ada": (3, 1), "cyd": (9, 0)}))
        print("top", await board.top(3))
        bob = await board.score("bob")
        print("penalised", await scores.penalise(client, BOARD, "bob", bob))
        for player in ["ada", "bob", "cyd"]:
            print(player, "%g" % await board.score(player))
        for order, player in enumerate(["ada", "bob", "ada"]):
            print("visit", player, await visits.remember_visit(client, VISITS, player, order))
        print("visitors", await client.zrange(VISITS, 0, -1))
        for player in ["ada", "bob"]:
            print("last visit", player, int(await client.zscore(f"{VISITS}:order", player)))
    finally:
        await client.delete(BOARD, VISITS, f"{VISITS}:order")
        await client.close()


asyncio.run(main())
