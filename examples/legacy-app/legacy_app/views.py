import secrets

import aioredis
from aiohttp import web

from . import ratelimit, sessions
from .cache import JsonCache
from .notifier import publish


async def create_link(request: web.Request) -> web.Response:
    redis = request.app["redis"]
    try:
        await ratelimit.check(redis, request.remote or "unknown")
    except ratelimit.RateLimited:
        raise web.HTTPTooManyRequests()
    session = await sessions.load_session(redis, request.headers.get("X-Session", ""))
    if session is None:
        raise web.HTTPUnauthorized()
    body = await request.json()
    code = secrets.token_urlsafe(5)
    await JsonCache(redis).remember_link(code, body["url"], session["owner"])
    await publish(redis, "created", code)
    return web.json_response({"code": code}, status=201)


async def follow_link(request: web.Request) -> web.Response:
    redis = request.app["redis"]
    code = request.match_info["code"]
    url = await redis.hget("link:" + code, "url")
    if url is None:
        raise web.HTTPNotFound()
    try:
        await redis.hincrby("link:" + code, "hits", 1)
    except aioredis.errors.ReplyError:
        # "hits" was overwritten with something that is not a number: start counting again.
        await redis.hset("link:" + code, "hits", 1)
    raise web.HTTPFound(url)


async def link_stats(request: web.Request) -> web.Response:
    cache = JsonCache(request.app["redis"])
    code = request.match_info["code"]
    stats = await cache.get("stats:" + code)
    if stats is None:
        hits = await request.app["redis"].hget("link:" + code, "hits")
        stats = {"code": code, "hits": int(hits or 0)}
        await cache.set("stats:" + code, stats, ttl=30)
    return web.json_response(stats)
