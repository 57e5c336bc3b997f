"""Score keeping: the client is handed in by the application and kept on the instance."""


class Leaderboard:
    def __init__(self, redis, key):
        self.redis = redis
        self.key = key

    async def record(self, player, points):
        return await self.redis.zadd(self.key, points, player)

    async def record_round(self, results):
        total = 0
        for player, (points, bonus) in sorted(results.items()):
            total += await self.redis.zadd(self.key, points + bonus, player, bonus * 10, player + ":bonus")
        return total

    async def top(self, n):
        return await self.redis.zrevrange(self.key, 0, n - 1)

    async def score(self, player):
        return await self.redis.zscore(self.key, player)


async def penalise(r, key, player, current):
    """Takes a point away (a float score from a computation)."""
    return await r.zadd(key, current - 0.5, player)
