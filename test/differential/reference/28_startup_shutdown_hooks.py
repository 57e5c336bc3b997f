"""Startup/shutdown hooks registered in lists (framework style); the client is shared through a state object."""
import asyncio
import os
from types import SimpleNamespace

import redis.asyncio as ra

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
    state.redis = ra.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True, max_connections=5)


@on_shutdown
async def disconnect_redis():
    await state.redis.close()


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
