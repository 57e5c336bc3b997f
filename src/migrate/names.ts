/**
 * Canonical names of the aioredis API. References are resolved to a dotted path such as
 * `aioredis.errors.ReplyError`; `canonicalName` folds the submodule paths that aioredis re-exports at the top level
 * so rules can match one spelling (`aioredis.ReplyError`).
 */

/** Submodules whose public names are re-exported by `aioredis/__init__.py` (1.3.1) or are the 2.x home of a top-level name. */
const REEXPORTING_SUBMODULES = [
  "aioredis.errors",
  "aioredis.commands",
  "aioredis.connection",
  "aioredis.pool",
  "aioredis.pubsub",
  "aioredis.sentinel",
  "aioredis.client",
];

/** Top-level names of aioredis 1.3.1 (`dir(aioredis)`) and 2.0.1. */
export const AIOREDIS_TOP_LEVEL = new Set([
  // 1.3.1
  "AuthError", "Channel", "ChannelClosedError", "ConnectionClosedError", "ConnectionForcedCloseError",
  "ConnectionsPool", "GeoMember", "GeoPoint", "MasterNotFoundError", "MasterReplyError", "MaxClientsError",
  "MultiExecError", "PipelineError", "PoolClosedError", "ProtocolError", "ReadOnlyError", "Redis",
  "RedisConnection", "RedisError", "RedisSentinel", "ReplyError", "SlaveNotFoundError", "SlaveReplyError",
  "WatchVariableError", "create_connection", "create_pool", "create_redis", "create_redis_pool", "create_sentinel",
  // 2.0.1
  "StrictRedis", "from_url", "ConnectionPool", "BlockingConnectionPool", "Connection", "SSLConnection",
  "UnixDomainSocketConnection", "AuthenticationError", "AuthenticationWrongNumberOfArgsError", "BusyLoadingError",
  "ChildDeadlockedError", "ConnectionError", "DataError", "InvalidResponse", "PubSubError", "ResponseError",
  "TimeoutError", "WatchError",
]);

export function canonicalName(qualified: string): string {
  for (const sub of REEXPORTING_SUBMODULES) {
    if (qualified.startsWith(sub + ".")) {
      const rest = qualified.slice(sub.length + 1);
      if (!rest.includes(".") && AIOREDIS_TOP_LEVEL.has(rest)) return "aioredis." + rest;
    }
  }
  return qualified;
}

/**
 * Names that exist only on aioredis 1.x objects and read as aioredis wherever they appear: the rules act on them
 * whatever the object is called, once the repository uses aioredis (`x.hmset_dict(…)`, `r.SET_IF_EXIST`).
 */
export const AIOREDIS_1X_DISTINCT_NAMES = [
  "hmset_dict",
  "multi_exec",
  "iscan",
  "ihscan",
  "isscan",
  "izscan",
  "publish_json",
  "wait_message",
  "xread_group",
  "SET_IF_NOT_EXIST",
  "SET_IF_EXIST",
  "ZSET_IF_NOT_EXIST",
  "ZSET_IF_EXIST",
  "ZSET_EXCLUDE_MIN",
  "ZSET_EXCLUDE_MAX",
  "ZSET_EXCLUDE_BOTH",
  "ZSET_AGGREGATE",
  "SHUTDOWN_SAVE",
  "SHUTDOWN_NOSAVE",
  "create_redis",
  "bitop_and",
  "bitop_or",
  "bitop_xor",
  "bitop_not",
  "object_refcount",
  "object_encoding",
  "object_idletime",
  "debug_sleep",
  "migrate_keys",
  "cluster_",
] as const;

/**
 * 1.x spellings that are just as common outside aioredis: asyncio's `writer.wait_closed()` and
 * `loop.create_connection`, `gather(…, return_exceptions=True)`, Flask's `request.get_json()`, asyncpg's
 * `create_pool`, `expire=` keywords of other libraries. The rules act on them only on an object the facts take for
 * an aioredis one: named like a client or a channel (`CLIENT_LIKE_NAME`, `CHANNEL_LIKE_NAME`), or known from the data
 * flow, which without an aioredis import starts from such a name too. The prefilter checks for such a name before a
 * file with only these spellings is parsed (prefilter.ts).
 * `zadd(` is not 1.x-only as a name, but its 1.x shape `zadd(key, score, member)` is a different call in redis-py
 * (whose third positional is `nx`), so a file calling it may need the zadd-mapping rule; the rule decides.
 */
export const AIOREDIS_1X_SHARED_SPELLINGS = [
  "wait_closed",
  "get_json",
  "create_pool",
  "create_connection",
  "hmset(",
  "zadd(",
  "expire=",
  "pexpire=",
  "exist=",
  "async_op=",
  "keys=[",
  "with_dist=",
  "with_coord=",
  "latest_ids=",
  "message_id=",
  "return_exceptions=",
] as const;

/**
 * Names that exist only on aioredis 1.x objects. A file that contains one of them may use an aioredis client it
 * never imports (a parameter, `app["redis"]`, `self.redis`), so once the repository is known to use aioredis such
 * files are parsed too (by the prefilter, and statement by statement by the regions engine).
 */
export const AIOREDIS_1X_ONLY_NAMES = [...AIOREDIS_1X_DISTINCT_NAMES, ...AIOREDIS_1X_SHARED_SPELLINGS] as const;

/**
 * The last name of an expression the facts take for a Redis client without data flow, once the module or the
 * repository uses aioredis (`redis`, `self._redis`, `app["redis"]`, `conn`, `pool`, `pipe`, `tr`, `cache`).
 */
export const CLIENT_LIKE_NAME = /^(r|rc|rd|redis\w*|\w*_redis|aredis|client|redis_client|conn|connection|pool|redis_pool|pipe|pipeline|tr|tx|transaction|multi|cache|store|db|broker|red)$/i;

/** A name the pub/sub rule takes for an aioredis 1.x channel without data flow, once the repository uses aioredis. */
export const CHANNEL_LIKE_NAME = /^(ch|chan|channel|pch|sub|subscription|\w*_ch|\w*_chan|\w*channel\w*)$/i;

/**
 * `CLIENT_LIKE_NAME` as a pattern that finds such a name in a text (case-insensitive): `\w*_redis` is looked for as
 * `_redis` (a leading `\w*` made a scan several times slower). A test keeps the two in step.
 */
export const CLIENT_LIKE_WORD = String.raw`(?:\b(?:r|rc|rd|redis\w*|aredis|client|conn|connection|pool|pipe|pipeline|tr|tx|transaction|multi|cache|store|db|broker|red)|_redis)\b`;
