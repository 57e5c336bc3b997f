/**
 * aioredis 1.3.1 parameters → redis-py parameters, per method, for every method both libraries have whose
 * parameter names differ (generated from `inspect.signature` of `aioredis.Redis` 1.3.1 and `redis.asyncio.Redis`
 * 4.3.4, then checked one by one; reference §5.0 "keyword names").
 *
 * Notation: the 1.x positional-or-keyword parameters in order, then `|` and its keyword-only parameters.
 * `old>new` is renamed, a bare name keeps its name, and `old>*` must be passed positionally: its redis-py
 * parameter is `*args` (`delete(*names)`, `sadd(name, *values)`), or a positional TTL lets `set-options` convert
 * 1.x's float seconds (`expire(k, timeout=1.5)` → `expire(k, 1.5)` → `pexpire(k, 1500)`), or the redis-py name
 * changed between versions (`rpushx(name, value)` became `rpushx(name, *values)`).
 *
 * Left out on purpose: methods whose own rule rebuilds the argument list and renames its keywords (zadd, zrange*,
 * z*bylex, z*byscore, zcount, zinterstore/zunionstore, sort, linsert, blocking pops, geoadd, xadd/xtrim/xread/
 * xrange/xpending/xclaim/the xgroup commands, eval/evalsha, mset/msetnx/hmset), `ping` (renamed-commands), `select`
 * (connection-state), `watch` (watch-transactions) and keyword-only `encoding=` (call-encoding).
 */
const TABLE: Readonly<Record<string, string>> = {
  config_get: "parameter>pattern",
  config_set: "parameter>name value",
  decr: "key>name",
  decrby: "key>name decrement>amount",
  delete: "key>*",
  dump: "key>name",
  echo: "message>value | encoding",
  exists: "key>*",
  expire: "key>name timeout>*",
  expireat: "key>name timestamp>*",
  flushall: "async_op>asynchronous",
  flushdb: "async_op>asynchronous",
  geodist: "key>name member1>place1 member2>place2 unit",
  geohash: "key>name member>*",
  geopos: "key>name member>*",
  georadius: "key>name longitude latitude radius unit | with_dist with_hash with_coord count sort encoding",
  georadiusbymember: "key>name member radius unit | with_dist with_hash with_coord count sort encoding",
  get: "key>name | encoding",
  getbit: "key>name offset",
  getset: "key>name value | encoding",
  hdel: "key>name field>*",
  hexists: "key>name field>key",
  hget: "key>name field>key | encoding",
  hgetall: "key>name | encoding",
  hincrby: "key>name field>key increment>amount",
  hincrbyfloat: "key>name field>key increment>amount",
  hkeys: "key>name | encoding",
  hlen: "key>name",
  hmget: "key>name field>keys | encoding",
  hscan: "key>name cursor match count",
  hset: "key>name field>key value",
  hsetnx: "key>name field>key value",
  hstrlen: "key>name field>key",
  hvals: "key>name | encoding",
  incr: "key>name",
  incrby: "key>name increment>amount",
  incrbyfloat: "key>name increment>amount",
  lindex: "key>name index | encoding",
  llen: "key>name",
  lpop: "key>name | encoding",
  lpush: "key>name value>*",
  lpushx: "key>name value>*",
  lrange: "key>name start stop>end | encoding",
  lrem: "key>name count value",
  lset: "key>name index value",
  ltrim: "key>name start stop>end",
  migrate: "host port key>keys dest_db>destination_db timeout | copy replace",
  move: "key>name db",
  persist: "key>name",
  pexpire: "key>name timeout>time",
  pexpireat: "key>name timestamp>when",
  pfadd: "key>name value>*",
  pfcount: "key>*",
  pfmerge: "destkey>dest sourcekey>*",
  psetex: "key>name milliseconds>time_ms value",
  pttl: "key>name",
  rename: "key>src newkey>dst",
  renamenx: "key>src newkey>dst",
  restore: "key>name ttl value",
  rpop: "key>name | encoding",
  rpoplpush: "sourcekey>src destkey>dst | encoding",
  rpush: "key>name value>*",
  rpushx: "key>name value>*",
  sadd: "key>name member>*",
  scard: "key>name",
  script_exists: "digest>*",
  sdiff: "key>keys",
  sdiffstore: "destkey>dest key>keys",
  set: "key>name value | expire pexpire exist",
  setbit: "key>name offset value",
  setex: "key>name seconds>* value",
  setnx: "key>name value",
  setrange: "key>name offset value",
  sinter: "key>keys",
  sinterstore: "destkey>dest key>keys",
  sismember: "key>name member>value",
  slowlog_get: "length>num",
  smembers: "key>name | encoding",
  smove: "sourcekey>src destkey>dst member>value",
  spop: "key>name count | encoding",
  srandmember: "key>name count>number | encoding",
  srem: "key>name member>*",
  sscan: "key>name cursor match count",
  strlen: "key>name",
  sunion: "key>keys",
  sunionstore: "destkey>dest key>keys",
  swapdb: "from_index>first to_index>second",
  touch: "key>*",
  ttl: "key>name",
  type: "key>name",
  unlink: "key>*",
  wait: "numslaves>num_replicas timeout",
  xack: "stream>name group_name>groupname id>*",
  xdel: "stream>name id>*",
  xinfo_consumers: "stream>name group_name>groupname",
  xinfo_groups: "stream>name",
  xinfo_stream: "stream>name",
  xlen: "stream>name",
  zcard: "key>name",
  zincrby: "key>name increment>amount member>value",
  zpopmax: "key>name count | encoding",
  zpopmin: "key>name count | encoding",
  zrank: "key>name member>value",
  zrem: "key>name member>*",
  zremrangebyrank: "key>name start>min stop>max",
  zrevrank: "key>name member>value",
  zscan: "key>name cursor match count",
  zscore: "key>name member>value",
};

/** A redis-py parameter name, or POSITIONAL: the argument must be passed by position. */
export const POSITIONAL = "*";

export interface Signature {
  /** The 1.x positional-or-keyword parameters in order. */
  readonly params: readonly string[];
  readonly keywordOnly: readonly string[];
  /** 1.x name → redis-py name (or POSITIONAL), only for the names that differ. */
  readonly renames: ReadonlyMap<string, string>;
}

export const SIGNATURES: ReadonlyMap<string, Signature> = new Map(Object.entries(TABLE).map(([method, text]) => [method, parse(text)]));

/** Every 1.x keyword that redis-py spells differently, as `name=` (the rule's prefilter). */
export const OLD_KEYWORDS: readonly string[] = [...new Set([...SIGNATURES.values()].flatMap((s) => [...s.renames.keys()]))].map((k) => `${k}=`);

function parse(text: string): Signature {
  const [positional = "", keywordOnly = ""] = text.split("|");
  const params: string[] = [];
  const renames = new Map<string, string>();
  for (const word of positional.trim().split(/\s+/)) {
    const [old, renamed] = word.split(">");
    params.push(old!);
    if (renamed) renames.set(old!, renamed);
  }
  return { params, keywordOnly: keywordOnly.trim().split(/\s+/).filter(Boolean), renames };
}
