import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { FACTORIES, planFactoryCall } from "./factory.js";
import { planWrap } from "./wrap-pool.js";

/**
 * aioredis 1.x built clients with awaited factories (`create_redis`, `create_redis_pool`, `create_connection`,
 * `create_pool`); redis-py builds one lazy `Redis` client with its own pool, synchronously. This rule rewrites the
 * factory calls (address, keywords, `await`), the 1.x `Redis(pool)` wrapper, and reports what needs a person:
 * non-URL addresses, SSL contexts, custom classes, `**kwargs`, and clients created anew on every call.
 * aioredis 2.x `Redis(...)` / `from_url(...)` are plain renames, left to the `type-references` rule.
 */
export default defineRule({
  id: "client-creation",
  description: "`create_redis`/`create_redis_pool`/`create_connection`/`create_pool` → one `redis.asyncio.Redis` client",
  phase: "code",
  needsImport: true,
  apply(ctx) {
    const migrated = new Set<number>();
    const fixedConstants = new Set<number>();
    for (const call of ctx.facts.calls) {
      const factory = FACTORIES.get(ctx.facts.resolve(call.childForFieldName("function")!) ?? "");
      if (!factory) continue;
      const plan = planFactoryCall(ctx, call, factory.single);
      if (plan.rewrite) {
        migrated.add(call.id);
        ctx.rewrite(plan.rewrite.edits, plan.rewrite.why);
      }
      if (plan.constantFix && !fixedConstants.has(plan.constantFix.key)) {
        fixedConstants.add(plan.constantFix.key);
        ctx.rewrite(
          [plan.constantFix.edit],
          "redis-py rejects aioredis' `?timeout=`/`?ssl=true` URL options (now `?socket_connect_timeout=` and `rediss://`).",
        );
      }
      for (const step of plan.steps) ctx.manual(step);
    }
    for (const call of ctx.facts.calls) {
      if (ctx.facts.resolve(call.childForFieldName("function")!) !== "aioredis.Redis") continue;
      const plan = planWrap(ctx, call, migrated);
      if (plan.kind === "rewrite") ctx.rewrite(plan.edits, plan.why);
      else if (plan.kind === "manual") ctx.manual({ node: call, what: plan.what, suggestion: plan.suggestion });
    }
    reportFactoryValues(ctx);
  },
});

/** A factory passed around as a value (`functools.partial(create_redis_pool, …)`, `factory=aioredis.create_redis`). */
function reportFactoryValues(ctx: RuleContext): void {
  for (const node of ctx.tree.rootNode.descendantsOfType(["identifier", "attribute"])) {
    const parent = node.parent;
    if (parent?.type === "call" && parent.childForFieldName("function")?.id === node.id) continue;
    if (parent?.type === "attribute") continue;
    const name = ctx.facts.resolve(node);
    if (!name || !FACTORIES.has(name)) continue;
    ctx.manual({
      node,
      what: `Replace \`${node.text}\` here: aioredis' client factories are gone. redis-py builds a client synchronously with \`Redis.from_url(url, ...)\` or \`Redis(host=..., port=...)\`, and nothing is awaited.`,
      suggestion: factoryValueSuggestion(node),
    });
  }
}

function factoryValueSuggestion(node: SyntaxNode): string {
  return node.parent?.type === "argument_list" || node.parent?.type === "keyword_argument"
    ? "redis.asyncio.Redis.from_url"
    : "redis.asyncio.Redis.from_url(url)";
}
