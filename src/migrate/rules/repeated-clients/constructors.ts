import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, stringLiteralValue, unparenthesize } from "../../syntax.js";
import { FACTORIES } from "../client-creation/factory.js";

/**
 * Calls that build a new client (and with it a new connection pool) or a new pool, in aioredis 2.x spelling or
 * already in `redis.asyncio` spelling; keyed by their canonical `redis.asyncio` path.
 */
const BUILDERS = new Set([
  "redis.asyncio.from_url",
  "redis.asyncio.Redis.from_url",
  "redis.asyncio.StrictRedis.from_url",
  "redis.asyncio.ConnectionPool.from_url",
  "redis.asyncio.BlockingConnectionPool.from_url",
  "redis.asyncio.Redis",
  "redis.asyncio.StrictRedis",
  "redis.asyncio.ConnectionPool",
  "redis.asyncio.BlockingConnectionPool",
]);
/** Constructors that wrap an existing pool when given one (`Redis(connection_pool=pool)`, 1.x `Redis(pool)`). */
const CLIENT_CLASSES = new Set(["redis.asyncio.Redis", "redis.asyncio.StrictRedis"]);

export type Builder =
  /** aioredis 2.x or redis.asyncio: `from_url`, `Redis(...)`, `ConnectionPool(...)`. */
  | { readonly kind: "client"; readonly path: string }
  /** an aioredis 1.x factory (`create_redis_pool`, …), migrated by client-creation. */
  | { readonly kind: "factory"; readonly single: boolean };

/** What `call` builds, if it builds a client or a pool. */
export function builderOf(ctx: RuleContext, call: SyntaxNode, asyncioNames: ReadonlyMap<string, string>): Builder | null {
  const callee = call.childForFieldName("function");
  if (!callee) return null;
  const aioredis = ctx.facts.resolve(callee);
  const factory = aioredis ? FACTORIES.get(aioredis) : undefined;
  if (factory) return { kind: "factory", single: factory.single };
  const path = normalise(aioredis ? "redis.asyncio" + aioredis.slice("aioredis".length) : resolveAsyncio(callee, asyncioNames));
  if (!path || !BUILDERS.has(path)) return null;
  if (CLIENT_CLASSES.has(path) && wrapsAPool(call)) return null;
  return { kind: "client", path };
}

/** `redis.asyncio.client.Redis.from_url` → `redis.asyncio.Redis.from_url` (the submodules re-exported at the top). */
function normalise(path: string | undefined): string | undefined {
  return path?.replace(/^redis\.asyncio\.(client|utils|connection)\./, "redis.asyncio.");
}

/** `Redis(connection_pool=pool)`, or aioredis 1.x `Redis(pool)` (a pool or connection, never a host string). */
function wrapsAPool(call: SyntaxNode): boolean {
  const parts = callParts(call);
  if (!parts) return true;
  if (parts.keywords.has("connection_pool") || parts.hasSplat) return true;
  const first = parts.positional[0];
  return first !== undefined && stringLiteralValue(first) === null;
}

/**
 * Names that refer to `redis.asyncio` or its members, from the module's own imports: `import redis.asyncio as r`,
 * `from redis import asyncio`, `from redis.asyncio import Redis as R`, `import redis` (for `redis.asyncio.Redis`).
 * Maps each local name to the dotted path it stands for.
 */
export function asyncioImports(root: SyntaxNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const stmt of root.descendantsOfType(["import_statement", "import_from_statement"])) {
    if (stmt.type === "import_statement") {
      for (const item of stmt.childrenForFieldName("name")) {
        const dotted = (item.type === "aliased_import" ? item.childForFieldName("name")! : item).text.replace(/\s+/g, "");
        if (dotted !== "redis" && !dotted.startsWith("redis.")) continue;
        if (item.type === "aliased_import") names.set(item.childForFieldName("alias")!.text, dotted);
        else names.set("redis", "redis");
      }
      continue;
    }
    const module = stmt.childForFieldName("module_name")?.text.replace(/\s+/g, "") ?? "";
    if (module !== "redis" && !module.startsWith("redis.asyncio")) continue;
    for (const item of stmt.childrenForFieldName("name")) {
      const name = (item.type === "aliased_import" ? item.childForFieldName("name")! : item).text;
      const local = item.type === "aliased_import" ? item.childForFieldName("alias")!.text : name;
      names.set(local, `${module}.${name}`);
    }
  }
  return names;
}

function resolveAsyncio(node: SyntaxNode, names: ReadonlyMap<string, string>): string | undefined {
  const n = unparenthesize(node);
  if (n.type === "identifier") return names.get(n.text);
  if (n.type !== "attribute") return undefined;
  const base = resolveAsyncio(n.childForFieldName("object")!, names);
  return base ? `${base}.${n.childForFieldName("attribute")!.text}` : undefined;
}
