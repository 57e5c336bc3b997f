import { AIOREDIS_1X_ONLY_NAMES } from "../../names.js";
import type { SyntaxNode } from "../../parser.js";
import { callParts, statementsOf, unparenthesize } from "../../syntax.js";
import type { Advice } from "./mapping.js";

/** What to do with a call of `aioredis.Redis`: rename it, leave it to `client-creation`, or report it. */
export type RedisCallPlan = "rename" | "client-creation" | "report";

/**
 * `aioredis.Redis(...)` with keywords only is the 2.x constructor, identical to redis-py's (keyword-only as well).
 * One positional argument is the 1.x `Redis(pool_or_conn)` wrapper, which `client-creation` rewrites or reports —
 * unless it is a host (a literal or a module constant), which that rule leaves here. Other shapes are reported.
 */
export function planRedisCall(root: SyntaxNode, call: SyntaxNode): RedisCallPlan {
  const parts = callParts(call);
  if (!parts) return "report";
  if (parts.positional.length === 0 && !parts.keywords.has("pool_or_conn")) return "rename";
  const single = parts.positional.length === 1 && parts.keywords.size === 0 && !parts.hasSplat;
  return single && !isHostLike(root, parts.positional[0]!) ? "client-creation" : "report";
}

function isLiteralHost(n: SyntaxNode | null | undefined): boolean {
  const t = n ? unparenthesize(n).type : "";
  return t === "string" || t === "concatenated_string" || t === "integer";
}

/** A literal, or a name assigned a literal at module level (`HOST = "localhost"`). */
function isHostLike(root: SyntaxNode, arg: SyntaxNode): boolean {
  if (isLiteralHost(arg)) return true;
  const n = unparenthesize(arg);
  if (n.type !== "identifier") return false;
  return statementsOf(root).some((stmt) => {
    const a = stmt.type === "expression_statement" ? stmt.namedChild(0) : null;
    return a?.type === "assignment" && a.childForFieldName("left")?.text === n.text && isLiteralHost(a.childForFieldName("right"));
  });
}

function firstArgument(call: SyntaxNode): string | null {
  const parts = callParts(call);
  if (!parts) return null;
  const kw = parts.keywords.get("pool_or_conn") ?? parts.keywords.get("address");
  const first = parts.positional[0] ?? kw?.childForFieldName("value");
  return first ? first.text : null;
}

/** A call of a 1.x class whose constructor has no redis-py twin: what to build instead, from the call's own arguments. */
export function constructorAdvice(canonical: string, call: SyntaxNode): Advice {
  const arg = firstArgument(call) ?? "...";
  const callee = call.childForFieldName("function")!.text;
  if (canonical === "aioredis.Redis" && isLiteralHost(callParts(call)?.positional[0])) {
    return {
      what: `redis-py's \`Redis\` takes keyword arguments only: pass the host as \`host=\`.`,
      suggestion: `redis.asyncio.Redis(host=${arg})`,
    };
  }
  if (canonical === "aioredis.Redis" || canonical === "aioredis.commands.ContextRedis") {
    return {
      what: `\`${callee}(${arg})\` wrapped an aioredis pool or connection; redis-py's \`Redis\` takes \`connection_pool=\` (its first positional parameter is \`host\`).`,
      suggestion: `redis.asyncio.Redis(connection_pool=${arg})`,
    };
  }
  if (canonical === "aioredis.ConnectionsPool" || canonical === "aioredis.abc.AbcPool") {
    return {
      what: `\`${callee}(...)\` takes aioredis 1.x arguments (address, minsize, maxsize): build a redis-py pool instead.`,
      suggestion: `redis.asyncio.ConnectionPool.from_url(${arg})`,
    };
  }
  if (canonical === "aioredis.RedisConnection" || canonical === "aioredis.abc.AbcConnection") {
    return {
      what: `\`${callee}(...)\` built a raw aioredis connection; in redis-py use a client bound to one connection.`,
      suggestion: "redis.asyncio.Redis(..., single_connection_client=True)",
    };
  }
  if (canonical.endsWith("MultiExec") || canonical.endsWith("Pipeline")) {
    const transaction = canonical.endsWith("MultiExec");
    return {
      what: `\`${callee}(...)\` is built by the client in redis-py: call \`pipeline()\` on it (MULTI/EXEC ${transaction ? "on" : "off"}).`,
      suggestion: `client.pipeline(transaction=${transaction ? "True" : "False"})`,
    };
  }
  return {
    what: `\`${callee}(...)\` takes aioredis 1.x arguments: build redis-py's \`Sentinel\` from the sentinel addresses instead.`,
    suggestion: "redis.asyncio.sentinel.Sentinel([(host, port)], socket_timeout=0.2)",
  };
}

/** Class constants of 1.x `Redis` become keywords in redis-py (§5.0); their suggested spelling where one exists. */
const CONSTANT_KEYWORDS: Record<string, string> = {
  SET_IF_NOT_EXIST: "nx=True",
  SET_IF_EXIST: "xx=True",
  ZSET_IF_NOT_EXIST: "nx=True",
  ZSET_IF_EXIST: "xx=True",
  ZSET_EXCLUDE_MIN: 'f"({min}"  # an exclusive bound is written into the bound itself',
  ZSET_EXCLUDE_MAX: 'f"({max}"  # an exclusive bound is written into the bound itself',
  ZSET_EXCLUDE_BOTH: 'f"({min}", f"({max}"  # exclusive bounds are written into the bounds themselves',
  ZSET_AGGREGATE_SUM: 'aggregate="SUM"',
  ZSET_AGGREGATE_MIN: 'aggregate="MIN"',
  ZSET_AGGREGATE_MAX: 'aggregate="MAX"',
  SHUTDOWN_SAVE: "save=True",
  SHUTDOWN_NOSAVE: "nosave=True",
};

/** redis-py methods that replace aioredis 1.x-only ones (§5). */
const METHOD_TWINS: Record<string, string> = {
  hmset_dict: "hset(name, mapping=...)",
  iscan: "scan_iter(match=..., count=...)",
  ihscan: "hscan_iter(name, match=..., count=...)",
  isscan: "sscan_iter(name, match=..., count=...)",
  izscan: "zscan_iter(name, match=..., count=...)",
  multi_exec: "pipeline(transaction=True)",
  wait_closed: "aclose()",
};

/** `aioredis.Redis.SET_IF_EXIST` or a 1.x-only method: the renamed class would not have the attribute. */
export function suffixAdvice(prefix: string, attribute: string): Advice | undefined {
  if ((AIOREDIS_1X_ONLY_NAMES as readonly string[]).includes(attribute) && !/^[A-Z]/.test(attribute)) {
    return {
      what: `\`${prefix}.${attribute}\` exists only in aioredis 1.x: refer to the redis-py method that replaces it.`,
      suggestion: METHOD_TWINS[attribute] ?? "",
    };
  }
  if (!/^[A-Z][A-Z0-9_]+$/.test(attribute)) return undefined;
  return {
    what: `\`${prefix}.${attribute}\` has no twin on the redis-py class: redis-py takes a keyword or the bound syntax instead.`,
    suggestion: CONSTANT_KEYWORDS[attribute] ?? "",
  };
}
