"""Startup/shutdown hooks registered in lists (framework style); the client is shared through a state object."""
import asyncio
import os
from types import SimpleNamespace

import aioredis

PREFIX = "p28:"
state = SimpleNamespace(redis=None)
startup_hooks = []
shutdown_hooks = []


def on_startup(fn):
    startup_hooks.append(fn)
    return fn


def on_shutdown(fn):
    shutdown_hooks.append(fn)
    return fn


@on_startup
async def connect_redis():
    state.redis = await aioredis.create_redis_pool(os.environ["REDIS_URL"], encoding="utf-8", maxsize=5)


@on_shutdown
async def disconnect_redis():
    state.redis.close()
    await state.redis.wait_closed()


async def register(email):
    added = await state.redis.sadd(PREFIX + "emails", email)
    if added:
        await state.redis.incr(PREFIX + "signups")
    return bool(added)


async def main():
    for hook in startup_hooks:
        await hook()
    try:
        for email in ["a@x.org", "b@x.org", "a@x.org"]:
            print("register", email, await register(email))
        print("signups", repr(await state.redis.get(PREFIX + "signups")))
        print("emails", sorted(await state.redis.smembers(PREFIX + "emails")))
        await state.redis.delete(PREFIX + "emails", PREFIX + "signups")
    finally:
        for hook in shutdown_hooks:
            await hook()
    print("stopped")


asyncio.run(main())
