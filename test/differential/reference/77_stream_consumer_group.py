"""A consumer group over a job stream: create the group, deliver, acknowledge, claim a stuck job, reset and drop."""
import asyncio
import os

import redis.asyncio as ra

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p77:"
JOBS = PREFIX + "jobs"
GROUP = "workers"


async def main():
    redis = ra.Redis(host=HOST, port=PORT)
    try:
        for n in range(1, 4):
            await redis.xadd(JOBS, {"job": f"resize-{n}"}, id=f"5-{n}")
        print("created", repr(await redis.xgroup_create(JOBS, GROUP, id="0")))
        delivered = await redis.xreadgroup(GROUP, "w1", {JOBS: ">"}, count=3, block=100)
        print("delivered something", bool(delivered))
        print("nothing new", bool(await redis.xreadgroup(GROUP, "w1", {JOBS: ">"}, block=100)))
        print("acked", repr(await redis.xack(JOBS, GROUP, "5-1", "5-2")))
        print("claimed", await redis.xclaim(JOBS, GROUP, "w2", 0, ["5-3"]))
        print("acked claimed", repr(await redis.xack(JOBS, GROUP, "5-3")))
        print("rewound", repr(await redis.xgroup_setid(JOBS, GROUP, id="0")))
        again = await redis.xreadgroup(GROUP, "w3", {JOBS: ">"}, count=1, block=100, noack=True)
        print("redelivered", bool(again))
        print("to the end", repr(await redis.xgroup_setid(JOBS, GROUP, id="$")))
        print("after end", bool(await redis.xreadgroup(GROUP, "w3", {JOBS: ">"}, block=100)))
        print("consumers dropped", repr(await redis.xgroup_delconsumer(JOBS, GROUP, "w3")))
        await redis.xgroup_destroy(JOBS, GROUP)
    finally:
        await redis.delete(JOBS)
        await redis.close()


asyncio.run(main())
