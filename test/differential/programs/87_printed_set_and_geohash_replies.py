"""Blog tags and shop cells printed and compared as aioredis 1.x replied them: smembers/sinter/sdiff replies are
lists (printed as `[...]`, compared with a list, indexed) and geohash replies are bytes (printed as `b'...'`,
compared with a bytes literal). Printed sets hold one member, so the original output does not depend on the
server's set order."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p87:"
POST1 = PREFIX + "tags:post1"
POST2 = PREFIX + "tags:post2"
SHOPS = PREFIX + "shops"


async def tag_report(redis):
    tags = await redis.smembers(POST1)
    print("post1 tags", tags)
    if tags == [b"python"]:
        print("post1 is only about python")
    common = await redis.sinter(POST1, POST2)
    print("first common tag", common[0])
    print("all tags", sorted(await redis.sunion(POST1, POST2)))
    print(f"only in post2: {await redis.sdiff(POST2, POST1)}")


async def shop_cells(redis):
    await redis.geoadd(SHOPS, 13.361389, 38.115556, "palermo", 15.087269, 37.502669, "catania")
    cells = await redis.geohash(SHOPS, "palermo", "catania")
    print("cells", cells)
    if cells[0] == b"sqc8b49rny0":
        print("palermo cell as expected")
    for cell in cells:
        print("shop cell", cell)


async def main():
    redis = await aioredis.create_redis((HOST, PORT))
    try:
        await redis.sadd(POST1, "python")
        await redis.sadd(POST2, "python", "redis")
        await tag_report(redis)
        await shop_cells(redis)
    finally:
        await redis.delete(POST1, POST2, SHOPS)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
