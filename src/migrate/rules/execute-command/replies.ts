/**
 * aioredis 1.x `execute()` returned raw replies; redis-py's `execute_command()` runs the response callback registered
 * for the command name (`Redis.RESPONSE_CALLBACKS`, redis-py 4.3.4). These are the single-word commands whose reply
 * changes shape that way; integer replies passed through `int` are left out. Checked with `execute_command` against
 * redis-server 7.0 (PING, HGETALL, SMEMBERS, SET, SCAN, GEORADIUS, OBJECT, XPENDING, XRANGE, INFO, ZMSCORE, LASTSAVE).
 */
const SHAPES: ReadonlyArray<readonly [string, string]> = [
  ["PING", "`True` (was `b'PONG'`)"],
  ["HGETALL", "a dict (was a flat list)"],
  ["SMEMBERS SINTER SUNION SDIFF", "a set (was a list)"],
  ["BLPOP BRPOP", "a tuple or None (was a list)"],
  ["BZPOPMIN BZPOPMAX", "a `(key, member, float)` tuple (was a list)"],
  ["GEOHASH", "a list of str (was bytes)"],
  ["GEOPOS", "a list of `(float, float)` tuples"],
  ["TIME", "an `(int, int)` tuple"],
  ["BGSAVE BGREWRITEAOF", "`True`"],
  ["AUTH COPY EXPIRE EXPIREAT HEXISTS HMSET MOVE MSETNX PERSIST PEXPIRE PEXPIREAT PSETEX RENAMENX SETEX SETNX SISMEMBER SMOVE", "a bool (was an int or `b'OK'`)"],
  ["ASKING FLUSHALL FLUSHDB LSET LTRIM MSET PFMERGE QUIT READONLY READWRITE RENAME SAVE SELECT SHUTDOWN SLAVEOF SWAPDB UNWATCH WATCH", "`True` (was `b'OK'`)"],
  ["SET", "`True` or None (was `b'OK'` or None)"],
  ["HINCRBYFLOAT INCRBYFLOAT", "a float (was bytes)"],
  ["GEODIST ZINCRBY ZSCORE", "a float or None (was bytes)"],
  ["ZMSCORE", "a list of floats (was bytes)"],
  ["INFO", "a dict (was the raw text)"],
  ["COMMAND", "a dict keyed by command name (was a list)"],
  ["SCAN SSCAN", "an `(int, list)` tuple (was `[b'cursor', list]`)"],
  ["HSCAN", "an `(int, dict)` tuple (was `[b'cursor', flat list]`)"],
  ["ZSCAN", "an `(int, [(member, float)])` tuple (was `[b'cursor', flat list]`)"],
  ["XRANGE XREVRANGE", "a list of `(id, dict)` tuples (was nested lists)"],
  ["XREAD XREADGROUP", "nested lists of `(id, dict)` tuples (was flat field lists)"],
  ["XPENDING", "a dict (was a list)"],
  ["XCLAIM XAUTOCLAIM", "`(id, dict)` tuples (was nested lists)"],
  ["LASTSAVE", "a datetime (was an int)"],
  ["RESET", "a str (was bytes)"],
  ["STRALGO", "a str or a dict (was bytes or a list)"],
  ["OBJECT", "an error: its callback needs the subcommand (`TypeError: parse_object()`); call `object(infotype, key)`"],
  ["GEORADIUS GEORADIUSBYMEMBER GEOSEARCH", "an error: its callback needs keywords (`KeyError: 'store'`); call the `georadius()` / `geosearch()` method"],
];

export const CONVERTED_REPLIES: ReadonlyMap<string, string> = new Map(
  SHAPES.flatMap(([names, shape]) => names.split(" ").map((n): [string, string] => [n, shape])),
);

const RESTORE: ReadonlyArray<readonly [string, (call: string) => string]> = [
  ["PING", (c) => `b"PONG" if ${c} else None`],
  ["HGETALL", (c) => `[x for pair in (${c}).items() for x in pair]`],
  ["SMEMBERS SINTER SUNION SDIFF BLPOP BRPOP", (c) => `list(${c} or [])`],
  ["AUTH COPY EXPIRE EXPIREAT HEXISTS MOVE MSETNX PERSIST PEXPIRE PEXPIREAT RENAMENX SETNX SISMEMBER SMOVE", (c) => `int(${c})`],
  ["ASKING FLUSHALL FLUSHDB LSET LTRIM MSET PFMERGE READONLY READWRITE RENAME SAVE SELECT SWAPDB UNWATCH WATCH SET", (c) => `b"OK" if ${c} else None`],
];

const RESTORERS: ReadonlyMap<string, (call: string) => string> = new Map(
  RESTORE.flatMap(([names, f]) => names.split(" ").map((n): [string, (call: string) => string] => [n, f])),
);

/** An expression that gives back the aioredis 1.x shape of the reply, where one exists (`list(await …)`). */
export function restoreOldShape(command: string, awaitedCall: string): string {
  return RESTORERS.get(command)?.(awaitedCall) ?? "";
}
