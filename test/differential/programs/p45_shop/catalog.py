"""Products as hashes, prices as plain keys; reads the client from the db module."""
from . import db
from .db import PREFIX


async def add_product(sku, name, stock, **extra):
    await db.redis.hmset_dict(PREFIX + "product:" + sku, {"name": name, "stock": stock}, **extra)


async def product(sku):
    return await db.redis.hgetall(PREFIX + "product:" + sku)


async def set_prices(lamp, desk):
    await db.redis.mset(PREFIX + "price:lamp", lamp, PREFIX + "price:desk", desk)


async def price(sku):
    return int(await db.redis.get(PREFIX + "price:" + sku))


async def skus():
    return sorted([key.rsplit(":", 1)[-1] async for key in db.redis.iscan(match=PREFIX + "product:*")])


async def product_fields(sku):
    return sorted([field async for field, _ in db.redis.ihscan(PREFIX + "product:" + sku)])
