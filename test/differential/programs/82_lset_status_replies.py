"""Playlist editor: LSET replaces a track in place. aioredis 1.3.1 handed back LSET's raw status reply (b'OK'),
so the editor compares it with b"OK" and prints it in its change log; ltrim went through wait_ok (True)."""
import asyncio
import os

import aioredis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p82:"
PLAYLIST = PREFIX + "playlist:road-trip"


async def replace_track(redis, position, track):
    if await redis.lset(PLAYLIST, position, track) == b"OK":
        return "replaced #%d" % position
    return "unchanged"


async def main():
    redis = await aioredis.create_redis(f"redis://{HOST}:{PORT}/0")
    try:
        await redis.rpush(PLAYLIST, "intro", "highway", "sunset", "outro")
        print(await replace_track(redis, 1, "freeway"))
        status = await redis.lset(PLAYLIST, -1, "encore")
        print("last track:", status)
        try:
            await redis.lset(PLAYLIST, 9, "bonus")
        except aioredis.ReplyError:
            print("position 9 is out of range")
        print("trimmed", await redis.ltrim(PLAYLIST, 0, 2))
        print("playlist", await redis.lrange(PLAYLIST, 0, -1))
        await redis.delete(PLAYLIST)
    finally:
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
