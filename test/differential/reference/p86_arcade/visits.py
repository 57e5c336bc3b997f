"""Visit tracking with redis.asyncio."""

START = 1_700_000_000


async def remember_visit(client, key, player, order):
    await client.zadd(key, {player: 1})
    return await client.zadd(f"{key}:order", {player: START + order})
