"""Carts: reserve stock and record the line in one MULTI/EXEC; a short-lived checkout lock set only if absent."""
import asyncio

from .db import PREFIX


async def add_to_cart(redis, cart_id, sku, qty):
    tr = redis.multi_exec()
    stock = tr.hincrby(PREFIX + "product:" + sku, "stock", -qty)
    line = tr.hincrby(PREFIX + "cart:" + cart_id, sku, qty)
    tr.expire(PREFIX + "cart:" + cart_id, 3600)
    await tr.execute()
    return await asyncio.gather(stock, line)


async def lock_checkout(redis, cart_id):
    return await redis.set(PREFIX + "lock:" + cart_id, "1", expire=30, exist=redis.SET_IF_NOT_EXIST)


async def cart_total(redis, cart_id):
    lines = await redis.hgetall(PREFIX + "cart:" + cart_id)
    prices = await redis.mget(*[PREFIX + "price:" + sku for sku in sorted(lines)])
    return sum(int(qty) * int(p) for qty, p in zip([lines[s] for s in sorted(lines)], prices))
