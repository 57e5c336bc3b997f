import asyncio
import logging

import aioredis
from aiohttp import web

from . import settings, views
from .notifier import Notifier

log = logging.getLogger(__name__)


async def init_redis(app: web.Application) -> None:
    app["redis"] = await aioredis.create_redis_pool(
        settings.REDIS_URL,
        minsize=2,
        maxsize=settings.REDIS_POOL_MAX,
        encoding="utf-8",
    )
    log.info("connected to %s", settings.REDIS_URL)


async def start_notifier(app: web.Application) -> None:
    app["notifier"] = Notifier(app["redis"])
    app["notifier_task"] = asyncio.ensure_future(app["notifier"].listen())


async def close_redis(app: web.Application) -> None:
    app["notifier_task"].cancel()
    app["redis"].close()
    await app["redis"].wait_closed()


def create_app() -> web.Application:
    app = web.Application()
    app.on_startup.append(init_redis)
    app.on_startup.append(start_notifier)
    app.on_cleanup.append(close_redis)
    app.add_routes(
        [
            web.post("/links", views.create_link),
            web.get("/{code}", views.follow_link),
            web.get("/stats/{code}", views.link_stats),
        ]
    )
    return app


if __name__ == "__main__":
    web.run_app(create_app())
