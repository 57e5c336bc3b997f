"""The shop's single Redis client: created at startup (kept in `app["redis"]` and in `db.redis`), closed at
shutdown."""
import aioredis

PREFIX = "p45:"
redis = None


async def init_app(app, host, port):
    global redis
    redis = await aioredis.create_redis_pool((host, port), encoding="utf-8", minsize=1, maxsize=5)
    app["redis"] = redis


async def close_app(app):
    app["redis"].close()
    await app["redis"].wait_closed()
