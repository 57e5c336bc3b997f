"""Score keeping with redis.asyncio: zadd takes a {member: score} mapping."""


class Leaderboard:
    def __init__(self, redis, key):
        self.redis = redis
        self.key = key

    async def record(self, player, points):
        return await self.redis.zadd(self.key, {player: points})

    async def record_round(self, results):
        total = 0
        for player, (points, bonus) in sorted(results.items()):
            total += await self.redis.zadd(self.key, {player: points + bonus, f"{player}:bonus": bonus * 10})
        return total

    async def top(self, n):
        return await self.redis.zrevrange(self.key, 0, n - 1)

    async def score(self, player):
        return await self.redis.zscore(self.key, player)


async def penalise(r, key, player, current):
    """Takes a point away (a float score from a computation)."""
    return await r.zadd(key, {player: current - 0.5})
