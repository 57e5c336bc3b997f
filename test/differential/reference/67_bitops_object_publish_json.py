"""Daily activity bitmaps and events: bitop("AND", ...), object("refcount", ...), echo, publish(json.dumps(...))."""
import asyncio
import json
import os

import redis.asyncio as ra

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p67:"


async def main():
    r = ra.Redis(host=HOST, port=PORT)
    try:
        for day, users in {"mon": [1, 3, 5], "tue": [3, 4, 5]}.items():
            for uid in users:
                await r.setbit(f"{PREFIX}active:{day}", uid, 1)
        print("and", await r.bitop("AND", PREFIX + "both", PREFIX + "active:mon", PREFIX + "active:tue"))
        print("or", await r.bitop("OR", PREFIX + "any", PREFIX + "active:mon", PREFIX + "active:tue"))
        print("xor", await r.bitop("XOR", PREFIX + "one", PREFIX + "active:mon", PREFIX + "active:tue"))
        print("not", await r.bitop("NOT", PREFIX + "idle", PREFIX + "active:mon"))
        for name in ["both", "any", "one", "idle"]:
            print(name, await r.bitcount(PREFIX + name))
        print("refcount", await r.object("refcount", PREFIX + "both"))
        print("idle", await r.object("idletime", PREFIX + "both") < 60)
        # PING <msg> would go through PING's reply callback (== "PONG"); ECHO replies the message itself
        print("echo", await r.echo("still there?"))
        print("delivered", await r.publish(PREFIX + "events", json.dumps({"kind": "report", "days": ["mon", "tue"]})))
        try:
            await r.publish(PREFIX + "events", json.dumps({"when": object()}))
        except TypeError as e:
            print("not JSON:", e)
        await r.delete(*[PREFIX + k for k in ["active:mon", "active:tue", "both", "any", "one", "idle"]])
    finally:
        await r.close()


asyncio.run(main())
