"""A profile service whose helpers name every argument the aioredis 1.x way (`key=`, `field=`, `member=`, ...)."""
import asyncio
import os

import redis.asyncio as ra

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
    print("hset", repr(await redis.hset(PROFILE, "name", "Ada")))
    print("hincrby", repr(await redis.hincrby(PROFILE, "visits", 3)))
    print("hincrby default", repr(await redis.hincrby(PROFILE, "visits")))
    print("hincrbyfloat", repr(await redis.hincrbyfloat(PROFILE, "balance", 2.5)))
    print("hget", repr(await redis.hget(PROFILE, "visits")))
    print("hexists", repr(await redis.hexists(PROFILE, "name")))
    print("hsetnx", repr(bool(await redis.hsetnx(PROFILE, "name", "Bob"))))
    print("hstrlen", repr(await redis.hstrlen(PROFILE, "name")))
    print("hmget", repr(await redis.hmget(PROFILE, ["name"])))
    print("hdel", repr(await redis.hdel(PROFILE, "balance")))
    print("hlen", repr(await redis.hlen(PROFILE)))
    print("rename", repr(await redis.rename(PROFILE, OLD_PROFILE)))
    print("hgetall", repr(sorted((await redis.hgetall(OLD_PROFILE)).items())))


async def strings(redis):
    print("set", repr(await redis.set(SESSION, "s-1")))
    print("get", repr(await redis.get(SESSION)))
    print("getset", repr(await redis.getset(SESSION, "s-2")))
    print("expire", repr(await redis.expire(SESSION, 100)))
    print("ttl", repr(await redis.ttl(SESSION)))
    print("setex", repr(await redis.setex(TOKEN, 60, "t-1")))
    print("psetex", repr(await redis.psetex(TOKEN, 60000, "t-2")))
    print("strlen", repr(await redis.strlen(TOKEN)))
    print("exists", repr(await redis.exists(TOKEN)))
    print("incr", repr(await redis.incr(LOGINS)))
    print("incrby", repr(await redis.incrby(LOGINS, 5)))
    print("decrby", repr(await redis.decrby(LOGINS, 2)))
    print("decr", repr(await redis.decr(LOGINS)))
    print("delete", repr(await redis.delete(TOKEN)))
    print("echo", repr(await redis.echo("hello")))


async def sets_and_scores(redis):
    print("sadd", repr(await redis.sadd(FOLLOWERS, "bob")))
    print("sadd more", repr(await redis.sadd(FOLLOWERS, "eve")))
    print("sismember", repr(await redis.sismember(FOLLOWERS, "bob")))
    print("smove", repr(await redis.smove(FOLLOWERS, MUTED, "eve")))
    print("sinterstore", repr(await redis.sinterstore(COMMON, [FOLLOWERS])))
    print("srandmember", repr(await redis.srandmember(FOLLOWERS, 5)))
    print("srem", repr(await redis.srem(FOLLOWERS, "bob")))
    print("scard", repr(await redis.scard(MUTED)))
    print("zincrby", repr(int(await redis.zincrby(SCORES, 2, "bob"))))
    print("zincrby keywords", repr(await redis.zincrby(SCORES, 1.5, "eve")))
    print("zscore", repr(await redis.zscore(SCORES, "bob")))
    print("zrank", repr(await redis.zrank(SCORES, "bob")))
    print("zrevrank", repr(await redis.zrevrank(SCORES, "bob")))
    print("zcard", repr(await redis.zcard(SCORES)))
    print("zremrangebyrank", repr(await redis.zremrangebyrank(SCORES, 0, 0)))


async def lists(redis):
    print("lpush", repr(await redis.lpush(INBOX, "m1")))
    print("rpush", repr(await redis.rpush(INBOX, "m2")))
    print("rpushx", repr(await redis.rpushx(INBOX, "m3")))
    print("lrange", repr(await redis.lrange(INBOX, 0, -1)))
    print("lindex", repr(await redis.lindex(INBOX, 1)))
    print("rpoplpush", repr(await redis.rpoplpush(INBOX, ARCHIVE)))
    print("lrem", repr(await redis.lrem(INBOX, 0, "m1")))
    print("ltrim", repr(await redis.ltrim(ARCHIVE, 0, 0)))
    print("llen", repr(await redis.llen(ARCHIVE)))


async def bits_and_logs(redis):
    print("setbit", repr(await redis.setbit(ACTIVE, 20, 1)))
    print("getbit", repr(await redis.getbit(ACTIVE, 20)))
    # aioredis searched from byte 0 when only the end was given; redis-py needs the start
    print("bitpos end only, miss", repr(await redis.bitpos(ACTIVE, 1, 0, 1)))
    print("bitpos end only, hit", repr(await redis.bitpos(ACTIVE, 1, 0, 5)))
    print("bitpos None start", repr(await redis.bitpos(ACTIVE, 1, 0, 5)))
    print("bitpos no range", repr(await redis.bitpos(ACTIVE, 1)))
    print("pfadd", repr(await redis.pfadd(VISITORS, "ada")))
    print("pfcount", repr(await redis.pfcount(VISITORS)))
    print("slowlog none", repr(await redis.slowlog_get(0)))
    print("wait", repr(await redis.wait(0, 10)))


async def main():
    redis = ra.Redis(host=HOST, port=PORT)
    try:
        await hashes(redis)
        await strings(redis)
        await sets_and_scores(redis)
        await lists(redis)
        await bits_and_logs(redis)
    finally:
        await redis.delete(*KEYS)
        await redis.close()


asyncio.run(main())
