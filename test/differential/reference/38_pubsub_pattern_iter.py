"""Audit log with redis.asyncio: psubscribe on a PubSub, listen() yields dicts; pattern messages have type
'pmessage' and carry the channel and the data."""
import asyncio
import os

import redis.asyncio as redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
PREFIX = "p38:"


async def audit(pubsub, log):
    async for message in pubsub.listen():
        if message["type"] != "pmessage":
            continue
        if message["data"] == b"stop":
            break
        log.append((message["channel"].decode().split(":")[-1], message["data"].decode()))


async def main():
    r = redis.Redis(host=HOST, port=PORT, db=0)
    pubsub = r.pubsub()
    try:
        await pubsub.psubscribe(PREFIX + "events:*")
        log = []
        task = asyncio.create_task(audit(pubsub, log))
        sent = []
        for kind, what in [("login", "ann"), ("logout", "ann"), ("login", "bob")]:
            sent.append(await r.publish(PREFIX + "events:" + kind, what))
        sent.append(await r.publish(PREFIX + "other", "ignored"))
        await r.publish(PREFIX + "events:control", "stop")
        await task
        await pubsub.punsubscribe(PREFIX + "events:*")
        print("receivers", sent)
        print("log", log)
    finally:
        await pubsub.close()
        await r.close()


asyncio.run(main())
