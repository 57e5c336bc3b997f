"""`from aioredis import Redis, create_redis`: the class is used only as a type, the factory to connect."""
import asyncio
import os

from aioredis import Redis, create_redis

PREFIX = "p17:"


async def save_settings(client: Redis, settings: dict) -> None:
    for field, value in settings.items():
        await client.hset(PREFIX + "settings", field, value)


async def load_settings(client: Redis) -> dict:
    return await client.hgetall(PREFIX + "settings")


async def main():
    client = await create_redis(os.environ["REDIS_URL"])
    try:
        await save_settings(client, {"theme": "dark", "lang": "en", "size": 12})
        loaded = await load_settings(client)
        print("loaded", sorted(loaded.items()))
        print("hmget", repr(await client.hmget(PREFIX + "settings", "theme", "missing", "size")))
        print("hvals", sorted(await client.hvals(PREFIX + "settings")))
        await client.delete(PREFIX + "settings")
    finally:
        client.close()
        await client.wait_closed()


asyncio.run(main())
