"""Fixed-window rate limiting: one counter per client and window."""
import aioredis

from . import settings


class RateLimited(Exception):
    pass


async def hit(redis: aioredis.Redis, client_id: str) -> int:
    """Counts a request and returns how many the client made in the current window."""
    key = f"rate:{client_id}"
    # The first request of a window creates the counter with its expiry; later ones just count.
    created = await redis.set(key, 1, expire=settings.RATE_WINDOW, exist=redis.SET_IF_NOT_EXIST)
    if created:
        return 1
    return await redis.incr(key)


async def check(redis: aioredis.Redis, client_id: str) -> None:
    if await hit(redis, client_id) > settings.RATE_LIMIT:
        raise RateLimited(client_id)
