"""The shop's single Redis client: created at startup (kept in `app["redis"]` and in `db.redis`), closed at
shutdown. A BlockingConnectionPool keeps aioredis' "wait for a free connection" behaviour of maxsize."""
import redis.asyncio as redis_asyncio

PREFIX = "p45:"
redis = None


async def init_app(app, host, port):
    global redis
    pool = redis_asyncio.BlockingConnectionPool(host=host, port=port, decode_responses=True, max_connections=5, timeout=None)
    redis = redis_asyncio.Redis(connection_pool=pool)
    app["redis"] = redis


async def close_app(app):
    await app["redis"].close()
    await app["redis"].connection_pool.disconnect()
