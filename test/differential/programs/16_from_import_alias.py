"""`from aioredis import create_redis_pool as make_pool`: the factory is called under a local name."""
import asyncio
import os

from aioredis import create_redis_pool as make_pool

PREFIX = "p16:"


async def main():
    host, port = os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"])
    redis = await make_pool((host, port), encoding="utf-8")
    try:
        await redis.rpush(PREFIX + "tasks", "build", "test", "deploy")
        while True:
            task = await redis.lpop(PREFIX + "tasks")
            if task is None:
                break
            print("task", repr(task))
        print("llen", repr(await redis.llen(PREFIX + "tasks")))
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
