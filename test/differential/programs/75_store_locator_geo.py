"""A store locator: shops stored with GEOADD, searched by radius around a point and around another shop."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p75:"
SHOPS = PREFIX + "shops"
EXTRA = [15.087269, 37.502669, "catania"]


async def main():
    redis = await aioredis.create_redis((HOST, PORT))
    try:
        print("added", repr(await redis.geoadd(SHOPS, 13.361389, 38.115556, "palermo")))
        print("added more", repr(await redis.geoadd(SHOPS, 14.55, 37.066667, "ragusa", *EXTRA)))
        print("distance km", repr(await redis.geodist(SHOPS, "palermo", "catania", "km")))
        print("within 200 km", repr(await redis.georadius(SHOPS, 15, 37, 200, "km")))
        print("sorted", repr(await redis.georadius(SHOPS, 15, 37, 200, "km", sort="ASC")))
        near = await redis.georadius(SHOPS, 15, 37, 100, "km", with_dist=True, sort="ASC", count=2)
        print("near count", len(near))
        print("around ragusa", repr(await redis.georadiusbymember(SHOPS, "ragusa", 90, "km", sort="ASC")))
        [point] = await redis.geopos(SHOPS, "palermo")
        lon, lat = point
        print("palermo at", round(lon, 4), round(lat, 4))
        print("unknown", repr(await redis.geopos(SHOPS, "nowhere")))
    finally:
        await redis.delete(SHOPS)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
