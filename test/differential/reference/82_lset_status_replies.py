"""Playlist editor with redis.asyncio: lset() replies True (it raises ResponseError when it fails), so the
comparison with b"OK" becomes a truth test and the change log writes the status itself."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p82:"
PLAYLIST = PREFIX + "playlist:road-trip"


async def replace_track(r, position, track):
    if await r.lset(PLAYLIST, position, track):
        return "replaced #%d" % position
    return "unchanged"


async def main():
    r = redis.Redis(host=HOST, port=PORT, db=0)
    try:
        await r.rpush(PLAYLIST, "intro", "highway", "sunset", "outro")
        print(await replace_track(r, 1, "freeway"))
        await r.lset(PLAYLIST, -1, "encore")
        print("last track:", b"OK")
        try:
            await r.lset(PLAYLIST, 9, "bonus")
        except redis.ResponseError:
            print("position 9 is out of range")
        print("trimmed", await r.ltrim(PLAYLIST, 0, 2))
        print("playlist", await r.lrange(PLAYLIST, 0, -1))
        await r.delete(PLAYLIST)
    finally:
        await r.close()


asyncio.run(main())
