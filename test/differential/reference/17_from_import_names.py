"""`from redis.asyncio import Redis`: the class is used only as a type, the factory to connect."""
import asyncio
import os

from redis.asyncio import Redis

PREFIX = "p17:"


async def save_settings(client: Redis, settings: dict) -> None:
    for field, value in settings.items():
        await client.hset(PREFIX + "settings", field, value)


async def load_settings(client: Redis) -> dict:
    return await client.hgetall(PREFIX + "settings")


async def main():
    client = Redis.from_url(os.environ["REDIS_URL"])
    try:
        await save_settings(client, {"theme": "dark", "lang": "en", "size": 12})
        loaded = await load_settings(client)
        print("loaded", sorted(loaded.items()))
        print("hmget", repr(await client.hmget(PREFIX + "settings", "theme", "missing", "size")))
        print("hvals", sorted(await client.hvals(PREFIX + "settings")))
        await client.delete(PREFIX + "settings")
    finally:
        await client.close()


asyncio.run(main())
