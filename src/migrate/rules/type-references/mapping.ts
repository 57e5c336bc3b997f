/**
 * aioredis classes and functions → their redis-py twins (reference §2 both tables, §9.3), keyed by canonical name
 * (`names.ts`: `aioredis.pool.ConnectionsPool` is looked up as `aioredis.ConnectionsPool`). Exceptions and the
 * `create_*` factories belong to other rules and are deliberately absent.
 */

export interface Target {
  /** Module that defines the redis-py name. `redis.asyncio` names go through `names.asyncio`, others through `fromModule`. */
  readonly module: string;
  readonly name: string;
  /** aioredis 1.x class whose constructor differs from the redis-py one: calls are reported, not renamed. */
  readonly v1Constructor?: boolean;
  /** Renamed, plus a note for the reviewer (Auto+flag rows). */
  readonly flag?: string;
  /** A standard-library module reached through `import <module>` (`asyncio.Lock`). */
  readonly plain?: boolean;
}

const asyncio = (name: string, extra: Partial<Target> = {}): Target => ({ module: "redis.asyncio", name, ...extra });
const from = (module: string, name: string, extra: Partial<Target> = {}): Target => ({ module, name, ...extra });

const CONNECTION_FLAG =
  "A 1.x connection only had `execute()`; redis-py application code rarely holds a `Connection`. If this value is used to run commands, annotate it as `Redis` (e.g. from `client.client()`).";

export const RENAMES: ReadonlyMap<string, Target> = new Map<string, Target>([
  // aioredis 1.x (§2, §9.3)
  ["aioredis.Redis", asyncio("Redis")],
  ["aioredis.commands.ContextRedis", asyncio("Redis", { v1Constructor: true })],
  ["aioredis.ConnectionsPool", asyncio("ConnectionPool", { v1Constructor: true })],
  ["aioredis.abc.AbcPool", asyncio("ConnectionPool", { v1Constructor: true })],
  ["aioredis.RedisConnection", asyncio("Connection", { v1Constructor: true, flag: CONNECTION_FLAG })],
  ["aioredis.abc.AbcConnection", asyncio("Connection", { v1Constructor: true, flag: CONNECTION_FLAG })],
  ["aioredis.commands.Pipeline", from("redis.asyncio.client", "Pipeline", { v1Constructor: true })],
  ["aioredis.commands.MultiExec", from("redis.asyncio.client", "Pipeline", { v1Constructor: true })],
  ["aioredis.commands.transaction.Pipeline", from("redis.asyncio.client", "Pipeline", { v1Constructor: true })],
  ["aioredis.commands.transaction.MultiExec", from("redis.asyncio.client", "Pipeline", { v1Constructor: true })],
  ["aioredis.RedisSentinel", from("redis.asyncio.sentinel", "Sentinel", { v1Constructor: true })],
  ["aioredis.sentinel.commands.RedisSentinel", from("redis.asyncio.sentinel", "Sentinel", { v1Constructor: true })],
  // aioredis 2.x: the same names in redis.asyncio (§2 second table)
  ["aioredis.from_url", asyncio("from_url")],
  ["aioredis.StrictRedis", asyncio("StrictRedis")],
  ["aioredis.ConnectionPool", asyncio("ConnectionPool")],
  ["aioredis.BlockingConnectionPool", asyncio("BlockingConnectionPool")],
  ["aioredis.Connection", asyncio("Connection")],
  ["aioredis.SSLConnection", asyncio("SSLConnection")],
  ["aioredis.UnixDomainSocketConnection", asyncio("UnixDomainSocketConnection")],
  ...["Pipeline", "PubSub", "Monitor", "CaseInsensitiveDict"].map((n): [string, Target] => [`aioredis.client.${n}`, from("redis.asyncio.client", n)]),
  ...["PythonParser", "HiredisParser", "BaseParser", "Encoder"].map((n): [string, Target] => [`aioredis.connection.${n}`, from("redis.asyncio.connection", n)]),
  ...["Sentinel", "SentinelConnectionPool", "SentinelManagedConnection", "SentinelManagedSSLConnection"].map(
    (n): [string, Target] => [`aioredis.sentinel.${n}`, from("redis.asyncio.sentinel", n)],
  ),
  ["aioredis.lock.Lock", from("redis.asyncio.lock", "Lock")],
  // 1.x `aioredis.locks.Lock` is not a Redis lock: it subclasses asyncio.Lock to fix waiter cancellation (§9.2).
  ["aioredis.locks.Lock", from("asyncio", "Lock", { plain: true })],
  ["aioredis.utils.from_url", from("redis.asyncio.utils", "from_url")],
  ["aioredis.utils.str_if_bytes", from("redis.utils", "str_if_bytes")],
  ["aioredis.utils.safe_str", from("redis.utils", "safe_str")],
]);

/** Dotted path of a target, for messages and string suggestions: `redis.asyncio.client.Pipeline`. */
export function targetPath(t: Target): string {
  return `${t.module}.${t.name}`;
}

export interface Advice {
  readonly what: string;
  readonly suggestion: string;
}

const PUBSUB = "redis.asyncio.client.PubSub  # pubsub = client.pubsub(); await pubsub.subscribe(...); messages from pubsub.listen()";

/** References with no direct redis-py twin: left in place and reported (§2 Manual rows, §5.8, §9). */
export const MANUAL: ReadonlyMap<string, (ref: string) => Advice> = new Map<string, (ref: string) => Advice>([
  ["aioredis.Channel", (r) => ({ what: `\`${r}\` has no redis-py equivalent: there is no per-channel object, every subscription lives on one \`PubSub\` object.`, suggestion: PUBSUB })],
  ["aioredis.abc.AbcChannel", (r) => ({ what: `\`${r}\` has no redis-py equivalent: there is no per-channel object, every subscription lives on one \`PubSub\` object.`, suggestion: PUBSUB })],
  ["aioredis.pubsub.Receiver", (r) => ({ what: `\`${r}\` has no redis-py equivalent: subscribe several channels on one \`PubSub\` object, or pass handler callbacks to \`subscribe()\`.`, suggestion: PUBSUB })],
  ["aioredis.GeoPoint", (r) => ({ what: `\`${r}\` does not exist in redis-py: \`geopos()\` returns plain \`(longitude, latitude)\` tuples. Define a local namedtuple if attribute access is needed.`, suggestion: 'GeoPoint = collections.namedtuple("GeoPoint", "longitude latitude")' })],
  ["aioredis.GeoMember", (r) => ({ what: `\`${r}\` does not exist in redis-py: \`georadius()\` with \`with*\` flags returns lists whose length depends on the flags. Define a local namedtuple if attribute access is needed.`, suggestion: 'GeoMember = collections.namedtuple("GeoMember", "member dist hash coord")' })],
  ["aioredis.sentinel.SentinelPool", (r) => ({ what: `\`${r}\` has no drop-in twin: redis-py's Sentinel builds its pools itself (\`Sentinel(...).master_for(name)\`).`, suggestion: "redis.asyncio.sentinel.SentinelConnectionPool" })],
  ["aioredis.sentinel.pool.ManagedPool", (r) => ({ what: `\`${r}\` has no drop-in twin: redis-py's Sentinel builds its pools itself (\`Sentinel(...).master_for(name)\`).`, suggestion: "redis.asyncio.sentinel.SentinelConnectionPool" })],
  ["aioredis.sentinel.pool.SentinelPool", (r) => ({ what: `\`${r}\` has no drop-in twin: redis-py's Sentinel builds its pools itself (\`Sentinel(...).master_for(name)\`).`, suggestion: "redis.asyncio.sentinel.SentinelConnectionPool" })],
  ["aioredis.parser.Reader", (r) => ({ what: `\`${r}\` has no equivalent: redis-py picks its parser with \`parser_class=\` on the connection pool.`, suggestion: "parser_class=redis.asyncio.connection.PythonParser" })],
]);

/** Whole modules of aioredis internals (§2: util, abc, compat): every name in them is reported. */
export const MANUAL_MODULES: ReadonlyMap<string, (ref: string) => Advice> = new Map<string, (ref: string) => Advice>([
  ["aioredis.util", (r) => ({ what: `\`${r}\` is a private helper of aioredis with no redis-py equivalent: inline what it did.`, suggestion: utilSuggestion(r) })],
  ["aioredis.abc", (r) => ({ what: `\`${r}\` only mattered for custom \`connection_cls\` / \`pool_cls\`: subclass redis-py's \`Connection\` / \`ConnectionPool\` instead.`, suggestion: "redis.asyncio.Connection" })],
  ["aioredis.compat", (r) => ({ what: `\`${r}\` (aioredis 2.x compatibility shims) has no redis-py equivalent: use the standard library directly.`, suggestion: "" })],
]);

function utilSuggestion(ref: string): string {
  const name = ref.split(".").pop() ?? "";
  if (name === "decode") return "value.decode(encoding) if isinstance(value, bytes) else value";
  if (name === "_NOTSET") return "_NOTSET = object()";
  if (name === "parse_url") return "redis.asyncio.connection.parse_url(url)  # returns connection keywords, not (address, options)";
  return "";
}
