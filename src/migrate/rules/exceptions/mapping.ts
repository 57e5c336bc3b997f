/** Where an aioredis exception class went in redis-py (reference §8, §2 second table). */
export interface ExceptionTarget {
  /** redis-py class names, in `redis.exceptions` unless `module` says otherwise. Two names: catch both. */
  readonly names: readonly string[];
  readonly module?: string;
  /** Why the mapping loses information; reported as a manual step at catch sites. */
  readonly lossy?: string;
  /** No usable equivalent: report, do not rewrite. */
  readonly manual?: string;
  /**
   * aioredis raised this class for a command on a client after its `close()`; a redis-py client reconnects instead
   * (`after-close.ts`). `broader`: the redis-py class also catches failures this class did not.
   */
  readonly afterClose?: { readonly broader: boolean };
}

const SENTINEL = "redis.asyncio.sentinel";

/** aioredis 1.3.1 `aioredis.errors` (also re-exported at the top level). */
const V1: Record<string, ExceptionTarget> = {
  RedisError: { names: ["RedisError"] },
  ProtocolError: { names: ["InvalidResponse"] },
  ReplyError: { names: ["ResponseError"] },
  MaxClientsError: {
    names: ["ConnectionError"],
    lossy: "`MaxClientsError` was a reply error; redis-py raises a plain `ConnectionError` for it, so this handler also catches every other connection failure.",
  },
  AuthError: { names: ["AuthenticationError"] },
  BusyGroupError: {
    names: ["ResponseError"],
    lossy: "redis-py has no BUSYGROUP class: this now catches every `ResponseError`; check `str(e).startswith(\"BUSYGROUP\")` and re-raise the others.",
  },
  PipelineError: {
    names: ["ResponseError"],
    lossy: "redis-py raises only the first failing command of a pipeline as `ResponseError` (aioredis raised `PipelineError` with all of them); use `execute(raise_on_error=False)` to inspect every reply.",
  },
  MultiExecError: {
    names: ["WatchError", "ResponseError"],
    lossy: "`MultiExecError` covered both a WATCH conflict and a failed command; redis-py raises `WatchError` for the first and `ResponseError` for the second — split this handler if it treats them differently.",
  },
  WatchVariableError: { names: ["WatchError"] },
  ChannelClosedError: {
    names: [],
    manual: "redis-py has no `ChannelClosedError`: after an unsubscribe `PubSub.get_message()` just returns None, so end the consumer loop on that (or on an `unsubscribe` message) instead of catching an exception.",
  },
  ConnectionClosedError: { names: ["ConnectionError"], afterClose: { broader: false } },
  ConnectionForcedCloseError: {
    names: ["ConnectionError"],
    lossy: "redis-py does not distinguish a connection closed on purpose: `ConnectionError` also covers every other connection failure.",
  },
  PoolClosedError: { names: ["ConnectionError"], afterClose: { broader: true } },
  ReadOnlyError: { names: ["ReadOnlyError"] },
  MasterNotFoundError: { names: ["MasterNotFoundError"], module: SENTINEL },
  SlaveNotFoundError: { names: ["SlaveNotFoundError"], module: SENTINEL },
  MasterReplyError: {
    names: ["ResponseError"],
    lossy: "redis-py has no class for error replies from a Sentinel-managed master: `ResponseError` covers every error reply.",
  },
  SlaveReplyError: {
    names: ["ResponseError"],
    lossy: "redis-py has no class for error replies from a Sentinel-managed replica: `ResponseError` covers every error reply.",
  },
};

/** aioredis 2.x `aioredis.exceptions`: the same names as `redis.exceptions`. */
const V2_SAME_NAME = [
  "RedisError", "ConnectionError", "TimeoutError", "AuthenticationError", "AuthenticationWrongNumberOfArgsError",
  "BusyLoadingError", "InvalidResponse", "ResponseError", "DataError", "PubSubError", "WatchError", "NoScriptError",
  "ExecAbortError", "ReadOnlyError", "NoPermissionError", "ModuleError", "LockError", "LockNotOwnedError",
  "ChildDeadlockedError",
];

const TIMEOUT_NOTE =
  "aioredis 2.x `TimeoutError` was also an `asyncio.TimeoutError`; redis-py's is not, so `except asyncio.TimeoutError` around Redis calls no longer catches it.";

/** The redis-py target of a canonical aioredis name (`aioredis.ReplyError`, `aioredis.errors.BusyGroupError`, `aioredis.exceptions.ResponseError`). */
export function exceptionTarget(canonical: string): ExceptionTarget | undefined {
  const short = canonical.slice(canonical.lastIndexOf(".") + 1);
  const prefix = canonical.slice(0, canonical.lastIndexOf("."));
  if (prefix === "aioredis.exceptions") {
    if (!V2_SAME_NAME.includes(short)) return undefined;
    return short === "TimeoutError" ? { names: [short], lossy: TIMEOUT_NOTE } : { names: [short] };
  }
  if (prefix !== "aioredis" && prefix !== "aioredis.errors") return undefined;
  if (V1[short]) return V1[short];
  // 2.x top-level re-exports (`aioredis.ConnectionError`, `aioredis.WatchError`, …)
  if (prefix === "aioredis" && V2_SAME_NAME.includes(short)) {
    return short === "TimeoutError" ? { names: [short], lossy: TIMEOUT_NOTE } : { names: [short] };
  }
  return undefined;
}

/** Bases of the redis-py exception classes below `RedisError` (redis-py 4.3.4, unchanged up to 8.x). */
const REDIS_BASES: Record<string, readonly string[]> = {
  ConnectionError: ["RedisError"],
  AuthenticationError: ["ConnectionError", "RedisError"],
  BusyLoadingError: ["ConnectionError", "RedisError"],
  TimeoutError: ["RedisError"],
  InvalidResponse: ["RedisError"],
  ResponseError: ["RedisError"],
  DataError: ["RedisError"],
  PubSubError: ["RedisError"],
  WatchError: ["RedisError"],
  LockError: ["RedisError"],
  LockNotOwnedError: ["LockError", "RedisError"],
  NoScriptError: ["ResponseError", "RedisError"],
  ExecAbortError: ["ResponseError", "RedisError"],
  ReadOnlyError: ["ResponseError", "RedisError"],
  NoPermissionError: ["ResponseError", "RedisError"],
  ModuleError: ["ResponseError", "RedisError"],
  AuthenticationWrongNumberOfArgsError: ["ResponseError", "RedisError"],
};

/**
 * The redis-py bases of a class given by its path (`redis.exceptions.AuthenticationError` →
 * `redis.exceptions.ConnectionError`, `redis.exceptions.RedisError`); the asyncio Sentinel discovery errors are
 * `ConnectionError`s. Nearest first.
 */
export function redisBases(path: string): string[] {
  const short = path.slice(path.lastIndexOf(".") + 1);
  const module = path.slice(0, path.lastIndexOf("."));
  if (module === "redis.asyncio.sentinel" && (short === "MasterNotFoundError" || short === "SlaveNotFoundError"))
    return ["redis.exceptions.ConnectionError", "redis.exceptions.RedisError"];
  if (module !== "redis.exceptions") return [];
  return (REDIS_BASES[short] ?? []).map((base) => `redis.exceptions.${base}`);
}
