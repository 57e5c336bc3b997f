"""Store finder with redis.asyncio: geoadd takes a flat [lon, lat, member, …] list; georadius without with*
flags returns member lists as before."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
KEY = "p46:stores"


async def main():
    r = redis.Redis(host=HOST, port=PORT, decode_responses=True)
    try:
        added = await r.geoadd(KEY, [13.361389, 38.115556, "palermo", 15.087269, 37.502669, "catania"])
        added += await r.geoadd(KEY, [12.496365, 41.902782, "rome"])
        print("added", added)
        print("palermo-catania km", round(await r.geodist(KEY, "palermo", "catania", unit="km"), 1))
        print("palermo-rome m", round(await r.geodist(KEY, "palermo", "rome", unit="m")))
        print("unknown", await r.geodist(KEY, "palermo", "atlantis"))
        print("near 15,37 200km", await r.georadius(KEY, 15, 37, 200, unit="km", sort="ASC"))
        print("nearest one", await r.georadius(KEY, 15, 37, 1000, unit="km", count=1, sort="ASC"))
        print("around rome", await r.georadiusbymember(KEY, "rome", 500, unit="km", sort="DESC"))
        await r.delete(KEY)
    finally:
        await r.close()


asyncio.run(main())
