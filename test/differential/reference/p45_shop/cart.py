"""Carts: reserve stock and record the line in one MULTI/EXEC; a short-lived checkout lock set only if absent."""
from .db import PREFIX


async def add_to_cart(r, cart_id, sku, qty):
    async with r.pipeline(transaction=True) as tr:
        tr.hincrby(PREFIX + "product:" + sku, "stock", -qty)
        tr.hincrby(PREFIX + "cart:" + cart_id, sku, qty)
        tr.expire(PREFIX + "cart:" + cart_id, 3600)
        stock, line, _ = await tr.execute()
    return [stock, line]


async def lock_checkout(r, cart_id):
    return await r.set(PREFIX + "lock:" + cart_id, "1", ex=30, nx=True)


async def cart_total(r, cart_id):
    lines = await r.hgetall(PREFIX + "cart:" + cart_id)
    prices = await r.mget([PREFIX + "price:" + sku for sku in sorted(lines)])
    return sum(int(lines[sku]) * int(p) for sku, p in zip(sorted(lines), prices))
