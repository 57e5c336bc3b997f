"""Hash storage through a client created from a (host, port) tuple read from the environment."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p02:"


async def main():
    redis = await aioredis.create_redis((HOST, PORT))
    key = PREFIX + "user:42"
    await redis.hset(key, "name", "Ada")
    await redis.hset(key, "lang", "python")
    await redis.hset(key, "visits", 1)
    print("hget", repr(await redis.hget(key, "name")))
    print("hincrby", repr(await redis.hincrby(key, "visits", 2)))
    print("hgetall", sorted((await redis.hgetall(key)).items()))
    print("hkeys", sorted(await redis.hkeys(key)))
    print("hlen", repr(await redis.hlen(key)))
    print("hexists", repr(await redis.hexists(key, "lang")), repr(await redis.hexists(key, "age")))
    print("hdel", repr(await redis.hdel(key, "lang")))
    print("hgetall after hdel", sorted((await redis.hgetall(key)).items()))
    await redis.delete(key)
    redis.close()
    await redis.wait_closed()


asyncio.run(main())
