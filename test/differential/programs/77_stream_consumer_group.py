"""A consumer group over a job stream: create the group, deliver, acknowledge, claim a stuck job, reset and drop."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p77:"
JOBS = PREFIX + "jobs"
GROUP = "workers"


async def main():
    redis = await aioredis.create_redis_pool((HOST, PORT))
    try:
        for n in range(1, 4):
            await redis.xadd(JOBS, {"job": "resize-%d" % n}, message_id=b"5-%d" % n)
        print("created", repr(await redis.xgroup_create(JOBS, GROUP, latest_id="0")))
        delivered = await redis.xread_group(GROUP, "w1", [JOBS], timeout=100, count=3, latest_ids=[">"])
        print("delivered something", bool(delivered))
        print("nothing new", bool(await redis.xread_group(GROUP, "w1", [JOBS], timeout=100, latest_ids=[">"])))
        print("acked", repr(await redis.xack(JOBS, GROUP, b"5-1", b"5-2")))
        claimed = await redis.xclaim(JOBS, GROUP, "w2", 0, b"5-3")
        print("claimed", [(message_id, dict(fields)) for message_id, fields in claimed])
        print("acked claimed", repr(await redis.xack(JOBS, GROUP, b"5-3")))
        print("rewound", repr(await redis.xgroup_setid(JOBS, GROUP, latest_id="0")))
        again = await redis.xread_group(GROUP, "w3", [JOBS], timeout=100, count=1, latest_ids=[">"], no_ack=True)
        print("redelivered", bool(again))
        print("to the end", repr(await redis.xgroup_setid(JOBS, GROUP)))
        print("after end", bool(await redis.xread_group(GROUP, "w3", [JOBS], timeout=100, latest_ids=[">"])))
        print("consumers dropped", repr(await redis.xgroup_delconsumer(JOBS, GROUP, "w3")))
        await redis.xgroup_destroy(JOBS, GROUP)
    finally:
        await redis.delete(JOBS)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
