"""A profile service whose helpers name every argument the aioredis 1.x way (`key=`, `field=`, `member=`, ...)."""
import asyncio
import os

import aioredis

HOST = os.environ["REDIS_HOST"]
PORT = int(os.environ["REDIS_PORT"])
PREFIX = "p79:"
PROFILE = PREFIX + "profile:ada"
OLD_PROFILE = PREFIX + "profile:ada:old"
SESSION = PREFIX + "session:ada"
TOKEN = PREFIX + "token:ada"
LOGINS = PREFIX + "logins"
FOLLOWERS = PREFIX + "followers:ada"
MUTED = PREFIX + "muted:ada"
COMMON = PREFIX + "common"
SCORES = PREFIX + "scores"
INBOX = PREFIX + "inbox:ada"
ARCHIVE = PREFIX + "archive:ada"
SEEN = PREFIX + "seen"
ACTIVE = PREFIX + "active:may"
VISITORS = PREFIX + "visitors"
KEYS = [PROFILE, OLD_PROFILE, SESSION, TOKEN, LOGINS, FOLLOWERS, MUTED, COMMON, SCORES, INBOX, ARCHIVE, SEEN, ACTIVE, VISITORS]


async def hashes(redis):
    print("hset", repr(await redis.hset(key=PROFILE, field="name", value="Ada")))
    print("hincrby", repr(await redis.hincrby(PROFILE, field="visits", increment=3)))
    print("hincrby default", repr(await redis.hincrby(key=PROFILE, field="visits")))
    print("hincrbyfloat", repr(await redis.hincrbyfloat(PROFILE, field="balance", increment=2.5)))
    print("hget", repr(await redis.hget(PROFILE, field="visits")))
    print("hexists", repr(bool(await redis.hexists(PROFILE, field="name"))))
    print("hsetnx", repr(bool(await redis.hsetnx(key=PROFILE, field="name", value="Bob"))))
    print("hstrlen", repr(await redis.hstrlen(PROFILE, field="name")))
    print("hmget", repr(await redis.hmget(PROFILE, field="name")))
    print("hdel", repr(await redis.hdel(PROFILE, field="balance")))
    print("hlen", repr(await redis.hlen(key=PROFILE)))
    print("rename", repr(await redis.rename(key=PROFILE, newkey=OLD_PROFILE)))
    print("hgetall", repr(sorted((await redis.hgetall(key=OLD_PROFILE)).items())))


async def strings(redis):
    print("set", repr(await redis.set(key=SESSION, value="s-1")))
    print("get", repr(await redis.get(key=SESSION)))
    print("getset", repr(await redis.getset(key=SESSION, value="s-2")))
    print("expire", repr(await redis.expire(SESSION, timeout=100)))
    print("ttl", repr(await redis.ttl(key=SESSION)))
    print("setex", repr(await redis.setex(key=TOKEN, seconds=60, value="t-1")))
    print("psetex", repr(await redis.psetex(TOKEN, milliseconds=60000, value="t-2")))
    print("strlen", repr(await redis.strlen(key=TOKEN)))
    print("exists", repr(await redis.exists(key=TOKEN)))
    print("incr", repr(await redis.incr(key=LOGINS)))
    print("incrby", repr(await redis.incrby(LOGINS, increment=5)))
    print("decrby", repr(await redis.decrby(key=LOGINS, decrement=2)))
    print("decr", repr(await redis.decr(key=LOGINS)))
    print("delete", repr(await redis.delete(key=TOKEN)))
    print("echo", repr(await redis.echo(message="hello")))


async def sets_and_scores(redis):
    print("sadd", repr(await redis.sadd(key=FOLLOWERS, member="bob")))
    print("sadd more", repr(await redis.sadd(FOLLOWERS, member="eve")))
    print("sismember", repr(bool(await redis.sismember(FOLLOWERS, member="bob"))))
    print("smove", repr(bool(await redis.smove(sourcekey=FOLLOWERS, destkey=MUTED, member="eve"))))
    print("sinterstore", repr(await redis.sinterstore(destkey=COMMON, key=FOLLOWERS)))
    print("srandmember", repr(await redis.srandmember(FOLLOWERS, count=5)))
    print("srem", repr(await redis.srem(FOLLOWERS, member="bob")))
    print("scard", repr(await redis.scard(key=MUTED)))
    print("zincrby", repr(int(await redis.zincrby(SCORES, 2, member="bob"))))
    print("zincrby keywords", repr(float(await redis.zincrby(SCORES, increment=1.5, member="eve"))))
    print("zscore", repr(float(await redis.zscore(SCORES, member="bob"))))
    print("zrank", repr(await redis.zrank(SCORES, member="bob")))
    print("zrevrank", repr(await redis.zrevrank(key=SCORES, member="bob")))
    print("zcard", repr(await redis.zcard(key=SCORES)))
    print("zremrangebyrank", repr(await redis.zremrangebyrank(SCORES, start=0, stop=0)))


async def lists(redis):
    print("lpush", repr(await redis.lpush(key=INBOX, value="m1")))
    print("rpush", repr(await redis.rpush(INBOX, value="m2")))
    print("rpushx", repr(await redis.rpushx(INBOX, value="m3")))
    print("lrange", repr(await redis.lrange(INBOX, 0, stop=-1)))
    print("lindex", repr(await redis.lindex(key=INBOX, index=1)))
    print("rpoplpush", repr(await redis.rpoplpush(sourcekey=INBOX, destkey=ARCHIVE)))
    print("lrem", repr(await redis.lrem(INBOX, count=0, value="m1")))
    print("ltrim", repr(await redis.ltrim(ARCHIVE, 0, stop=0)))
    print("llen", repr(await redis.llen(key=ARCHIVE)))


async def bits_and_logs(redis):
    print("setbit", repr(await redis.setbit(key=ACTIVE, offset=20, value=1)))
    print("getbit", repr(await redis.getbit(ACTIVE, offset=20)))
    print("bitpos end only, miss", repr(await redis.bitpos(ACTIVE, 1, end=1)))
    print("bitpos end only, hit", repr(await redis.bitpos(ACTIVE, 1, end=5)))
    print("bitpos None start", repr(await redis.bitpos(ACTIVE, 1, None, 5)))
    print("bitpos no range", repr(await redis.bitpos(ACTIVE, 1, end=None)))
    print("pfadd", repr(await redis.pfadd(key=VISITORS, value="ada")))
    print("pfcount", repr(await redis.pfcount(key=VISITORS)))
    print("slowlog none", repr(await redis.slowlog_get(length=0)))
    print("wait", repr(await redis.wait(numslaves=0, timeout=10)))


async def main():
    redis = await aioredis.create_redis((HOST, PORT))
    try:
        await hashes(redis)
        await strings(redis)
        await sets_and_scores(redis)
        await lists(redis)
        await bits_and_logs(redis)
    finally:
        await redis.delete(*KEYS)
        redis.close()
        await redis.wait_closed()


asyncio.run(main())
