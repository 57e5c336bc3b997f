"""Helpers annotated with aioredis.Redis / Optional[aioredis.Redis], and an isinstance() guard."""
import asyncio
import os
from typing import List, Optional

import aioredis

PREFIX = "p14:"


async def add_scores(r: aioredis.Redis, player: str, points: List[int]) -> int:
    total = 0
    for p in points:
        total = await r.incrby(PREFIX + "score:" + player, p)
    return total


async def leaderboard(r: aioredis.Redis, players: List[str]) -> List[tuple]:
    values = await r.mget(*[PREFIX + "score:" + p for p in players])
    return sorted(zip(players, values), key=lambda pv: -int(pv[1]))


def describe(client: Optional[aioredis.Redis]) -> str:
    if client is None:
        return "no client"
    if isinstance(client, aioredis.Redis):
        return "a redis client"
    return "something else: %r" % type(client).__name__


async def main():
    print(describe(None))
    print(describe("not a client"))
    r: aioredis.Redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"])
    try:
        print(describe(r))
        print("alice", repr(await add_scores(r, "alice", [3, 4, 5])))
        print("bob", repr(await add_scores(r, "bob", [10, 1])))
        print("board", repr(await leaderboard(r, ["alice", "bob"])))
        await r.delete(PREFIX + "score:alice", PREFIX + "score:bob")
    finally:
        r.close()
        await r.wait_closed()


asyncio.run(main())
