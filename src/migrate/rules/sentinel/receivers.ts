import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { awaitingParent, callParts, enclosingFunction, expressionKey, unparenthesize } from "../../syntax.js";

/** aioredis 1.x `create_sentinel` (also spelled `aioredis.sentinel.create_sentinel`, folded by `names.ts`). */
export const CREATE_SENTINEL = "aioredis.create_sentinel";
/** The low-level pool factory: no redis-py twin. */
export const SENTINEL_POOL_FACTORIES = new Set(["aioredis.sentinel.create_sentinel_pool", "aioredis.sentinel.pool.create_sentinel_pool"]);
const SENTINEL_TYPES = new Set(["aioredis.RedisSentinel", "aioredis.sentinel.commands.RedisSentinel"]);

/**
 * The expressions (by whitespace-free text: `s`, `self.sentinel`, `app["sentinel"]`) that hold an aioredis
 * `RedisSentinel` in this module: results of `create_sentinel(...)`, names annotated `aioredis.RedisSentinel`, and
 * names assigned from those. On later rounds, where the factory is already rewritten, a call of the `Sentinel` name
 * this run imports counts as well.
 */
export function sentinelReceivers(ctx: RuleContext): Set<string> {
  const keys = new Set<string>();
  const root = ctx.tree.rootNode;
  const migratedName = ctx.names.fromImports.find((f) => f.module === "redis.asyncio.sentinel" && f.name === "Sentinel")?.local;
  const makesSentinel = (value: SyntaxNode): boolean => {
    let v = unparenthesize(value);
    if (v.type === "await") v = unparenthesize(v.namedChild(0)!);
    if (v.type === "call") {
      const callee = v.childForFieldName("function")!;
      if (ctx.facts.resolve(callee) === CREATE_SENTINEL) return true;
      if (migratedName !== undefined && callee.type === "identifier" && callee.text === migratedName) return true;
      return false;
    }
    return keys.has(expressionKey(v));
  };
  const isSentinelType = (type: SyntaxNode): boolean =>
    [type, ...type.descendantsOfType(["attribute", "identifier"])].some((n) => SENTINEL_TYPES.has(ctx.facts.resolve(n) ?? ""));

  for (const typed of root.descendantsOfType(["typed_parameter", "typed_default_parameter"])) {
    const type = typed.childForFieldName("type");
    const name = typed.type === "typed_parameter" ? typed.namedChild(0) : typed.childForFieldName("name");
    if (type && name?.type === "identifier" && isSentinelType(type)) keys.add(name.text);
  }
  const assignments = root.descendantsOfType("assignment");
  // two passes: `s = await create_sentinel(...)`, then `self.sentinel = s`
  for (let pass = 0; pass < 2; pass++) {
    for (const a of assignments) {
      const left = a.childForFieldName("left");
      if (!left || !["identifier", "attribute", "subscript"].includes(left.type)) continue;
      const right = a.childForFieldName("right");
      const type = a.childForFieldName("type");
      if ((right && makesSentinel(right)) || (type && isSentinelType(type))) keys.add(expressionKey(left));
    }
  }
  return keys;
}

/** `create_sentinel(...)` calls (of aioredis 1.x) in the module, each with its `await` if awaited. */
export function createSentinelCalls(ctx: RuleContext): { call: SyntaxNode; awaited: SyntaxNode | null }[] {
  return ctx.facts.calls
    .filter((c) => ctx.facts.resolve(c.childForFieldName("function")!) === CREATE_SENTINEL && callParts(c) !== null)
    .map((call) => ({ call, awaited: awaitingParent(call) }));
}

/**
 * What holds the clients of `<sentinel>.master_for(...)` / `slave_for(...)` (to close them instead of the sentinel):
 * names assigned in the same function as `near`, and attributes or items (`self.master`) anywhere in the module.
 */
export function clientsFrom(ctx: RuleContext, sentinel: string, near: SyntaxNode): string[] {
  const out: string[] = [];
  const scope = enclosingFunction(near)?.id;
  for (const a of ctx.tree.rootNode.descendantsOfType("assignment")) {
    const left = a.childForFieldName("left");
    const right = a.childForFieldName("right");
    if (!left || !right || !["identifier", "attribute", "subscript"].includes(left.type)) continue;
    if (left.type === "identifier" && enclosingFunction(a)?.id !== scope) continue;
    const v = unparenthesize(right);
    if (v.type !== "call") continue;
    const parts = callParts(v);
    if (!parts?.receiver || !["master_for", "slave_for"].includes(parts.method)) continue;
    if (expressionKey(parts.receiver) === sentinel && !out.includes(left.text)) out.push(left.text);
  }
  return out;
}
