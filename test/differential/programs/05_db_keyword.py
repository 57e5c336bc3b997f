"""Two clients on different logical databases (db= keyword): data written to db 3 is invisible in db 0."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p05:"


async def main():
    main_db = await aioredis.create_redis((HOST, PORT), db=0)
    cache_db = await aioredis.create_redis_pool((HOST, PORT), db=3)
    try:
        await cache_db.set(PREFIX + "session", "abc")
        await main_db.set(PREFIX + "user", "ada")
        print("db3 session", repr(await cache_db.get(PREFIX + "session")))
        print("db0 session", repr(await main_db.get(PREFIX + "session")))
        print("db3 user", repr(await cache_db.get(PREFIX + "user")))
        print("db0 exists", repr(await main_db.exists(PREFIX + "user", PREFIX + "session")))
        print("db3 keys", sorted(await cache_db.keys(PREFIX + "*")))
        await cache_db.delete(PREFIX + "session")
        await main_db.delete(PREFIX + "user")
    finally:
        main_db.close()
        cache_db.close()
        await main_db.wait_closed()
        await cache_db.wait_closed()


asyncio.run(main())
