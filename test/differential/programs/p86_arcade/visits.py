"""Visit tracking; the only Redis command here is zadd with literal and computed scores."""

START = 1_700_000_000


async def remember_visit(cache, key, player, order):
    await cache.zadd(key, 1, player)
    return await cache.zadd(key + ":order", START + order, player)
