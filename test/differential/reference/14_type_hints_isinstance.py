"""Helpers annotated with ra.Redis / Optional[ra.Redis], and an isinstance() guard."""
import asyncio
import os
from typing import List, Optional

import redis.asyncio as ra

PREFIX = "p14:"


async def add_scores(r: ra.Redis, player: str, points: List[int]) -> int:
    total = 0
    for p in points:
        total = await r.incrby(PREFIX + "score:" + player, p)
    return total


async def leaderboard(r: ra.Redis, players: List[str]) -> List[tuple]:
    values = await r.mget(*[PREFIX + "score:" + p for p in players])
    return sorted(zip(players, values), key=lambda pv: -int(pv[1]))


def describe(client: Optional[ra.Redis]) -> str:
    if client is None:
        return "no client"
    if isinstance(client, ra.Redis):
        return "a redis client"
    return "something else: %r" % type(client).__name__


async def main():
    print(describe(None))
    print(describe("not a client"))
    r: ra.Redis = ra.Redis.from_url(os.environ["REDIS_URL"])
    try:
        print(describe(r))
        print("alice", repr(await add_scores(r, "alice", [3, 4, 5])))
        print("bob", repr(await add_scores(r, "bob", [10, 1])))
        print("board", repr(await leaderboard(r, ["alice", "bob"])))
        await r.delete(PREFIX + "score:alice", PREFIX + "score:bob")
    finally:
        await r.close()


asyncio.run(main())
