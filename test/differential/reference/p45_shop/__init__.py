"""The shop backend of reference/45_shop_app.py, written for redis.asyncio: db.py creates the client, catalog.py,
cart.py and events.py use it."""
