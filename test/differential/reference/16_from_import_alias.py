"""`from redis.asyncio import Redis`: the factory is called under a local name."""
import asyncio
import os

from redis.asyncio import Redis

PREFIX = "p16:"


async def main():
    host, port = os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"])
    redis = Redis(host=host, port=port, decode_responses=True)
    try:
        await redis.rpush(PREFIX + "tasks", "build", "test", "deploy")
        while True:
            task = await redis.lpop(PREFIX + "tasks")
            if task is None:
                break
            print("task", repr(task))
        print("llen", repr(await redis.llen(PREFIX + "tasks")))
    finally:
        await redis.close()


asyncio.run(main())
