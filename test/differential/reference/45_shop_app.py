"""The multi-module application on redis.asyncio: p45_shop/db.py creates the client (the only module importing redis);
catalog.py, cart.py and events.py use it through `db.redis`, a `redis` parameter and `app["redis"]`."""
import asyncio
import os

from p45_shop import cart, catalog, db
from p45_shop.events import Events, listen_once


async def main():
    app = {}
    await db.init_app(app, os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"]))
    try:
        await catalog.add_product("lamp", "Desk lamp", 10, colour="black")
        await catalog.add_product("desk", "Oak desk", 2)
        await catalog.set_prices(25, 300)
        print("skus", await catalog.skus())
        print("lamp", sorted((await catalog.product("lamp")).items()))
        print("fields", await catalog.product_fields("lamp"))
        print("add", await cart.add_to_cart(app["redis"], "c1", "lamp", 2))
        print("add", await cart.add_to_cart(app["redis"], "c1", "desk", 1))
        for attempt in [1, 2]:
            print("lock", attempt, "taken" if await cart.lock_checkout(app["redis"], "c1") else "busy")
        total = await cart.cart_total(app["redis"], "c1")
        print("total", total, "=", 2 * await catalog.price("lamp") + await catalog.price("desk"))
        ready = asyncio.Event()
        auditor = asyncio.ensure_future(listen_once(app, ready))
        await ready.wait()
        events = Events(app)
        print("published to", await events.order_placed("c1", total))
        print("audited", await auditor)
        await events.order_placed("c2", 40)
        print("best", await events.best_orders())
        keys = ["product:lamp", "product:desk", "price:lamp", "price:desk", "cart:c1", "lock:c1", "order-totals"]
        await app["redis"].delete(*[db.PREFIX + k for k in keys])
    finally:
        await db.close_app(app)


asyncio.run(main())
