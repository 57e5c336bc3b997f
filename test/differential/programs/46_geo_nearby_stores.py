"""Store finder: geoadd several members in one call, geodist in km and default metres, georadius and
georadiusbymember without with_* flags (plain member lists), count and sort."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
KEY = "p46:stores"


async def main():
    redis = await aioredis.create_redis_pool(f"redis://{HOST}:{PORT}/0", encoding="utf-8")
    try:
        added = await redis.geoadd(KEY, 13.361389, 38.115556, "palermo", 15.087269, 37.502669, "catania")
        added += await redis.geoadd(KEY, 12.496365, 41.902782, "rome")
        print("added", added)
        print("palermo-catania km", round(await redis.geodist(KEY, "palermo", "catania", unit="km"), 1))
        print("palermo-rome m", round(await redis.geodist(KEY, "palermo", "rome")))
        print("unknown", await redis.geodist(KEY, "palermo", "atlantis"))
        print("near 15,37 200km", await redis.georadius(KEY, 15, 37, 200, "km", sort="ASC"))
        print("nearest one", await redis.georadius(KEY, 15, 37, 1000, unit="km", count=1, sort="ASC"))
        print("around rome", await redis.georadiusbymember(KEY, "rome", 500, "km", sort="DESC"))
        await redis.delete(KEY)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
