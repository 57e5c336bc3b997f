"""Blog tags and shop cells with redis.asyncio: set replies are Python sets now, so they are sorted before being
printed, compared with a list or indexed; geohash replies are str now, so they are encoded where the original
printed or compared bytes."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p87:"
POST1 = PREFIX + "tags:post1"
POST2 = PREFIX + "tags:post2"
SHOPS = PREFIX + "shops"


async def tag_report(client):
    tags = sorted(await client.smembers(POST1))
    print("post1 tags", tags)
    if tags == [b"python"]:
        print("post1 is only about python")
    common = sorted(await client.sinter(POST1, POST2))
    print("first common tag", common[0])
    print("all tags", sorted(await client.sunion(POST1, POST2)))
    print(f"only in post2: {sorted(await client.sdiff(POST2, POST1))}")


async def shop_cells(client):
    await client.geoadd(SHOPS, [13.361389, 38.115556, "palermo", 15.087269, 37.502669, "catania"])
    cells = [cell.encode() if cell is not None else None for cell in await client.geohash(SHOPS, "palermo", "catania")]
    print("cells", cells)
    if cells[0] == b"sqc8b49rny0":
        print("palermo cell as expected")
    for cell in cells:
        print("shop cell", cell)


async def main():
    client = redis.Redis(host=HOST, port=PORT)
    try:
        await client.sadd(POST1, "python")
        await client.sadd(POST2, "python", "redis")
        await tag_report(client)
        await shop_cells(client)
    finally:
        await client.delete(POST1, POST2, SHOPS)
        await client.close()


asyncio.run(main())
