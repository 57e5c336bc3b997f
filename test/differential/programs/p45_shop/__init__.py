"""A tiny shop backend used by programs/45_shop_app.py: the client is created in db.py, the other modules
(catalog, cart, events) use it without importing aioredis."""
