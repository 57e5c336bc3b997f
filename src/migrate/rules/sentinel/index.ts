import { callParts, expressionKey } from "../../syntax.js";
import { defineRule } from "../../rule.js";
import { planCreateSentinel } from "./create.js";
import { SENTINEL_METHODS, sentinelMethod } from "./methods.js";
import { createSentinelCalls, SENTINEL_POOL_FACTORIES, sentinelReceivers } from "./receivers.js";

/**
 * aioredis 1.x Sentinel (reference §9.1): `await create_sentinel(...)` → redis-py's synchronous `Sentinel(...)`
 * (keywords mapped, see create.ts), `await s.master_address(name)` → `discover_master(name)`; `master_for` /
 * `slave_for` stay. The admin methods (`masters()`, `slaves()`, …), `close()`/`wait_closed()`, `master_for()` called
 * per request and `create_sentinel_pool()` are reported with the redis-py code to use. Every migrated
 * `create_sentinel` also gets a step: aioredis 1.3.1's Sentinel cannot run on Python ≥ 3.11 (reference §1), so the
 * migration cannot be checked against the old library there.
 */
export default defineRule({
  id: "sentinel",
  description: "`await create_sentinel(...)` → `Sentinel(...)`; `master_address` → `discover_master`; sentinel admin calls and `close()` reported",
  phase: "code",
  triggers: ["sentinel", "Sentinel"],
  needsImport: true,
  apply(ctx) {
    for (const { call, awaited } of createSentinelCalls(ctx)) {
      const plan = planCreateSentinel(ctx, call, awaited);
      if (plan.rewrite) ctx.rewrite(plan.rewrite.edits, plan.rewrite.why);
      for (const step of plan.steps) ctx.manual(step);
    }
    for (const call of ctx.facts.calls) {
      const resolved = ctx.facts.resolve(call.childForFieldName("function")!);
      if (resolved && SENTINEL_POOL_FACTORIES.has(resolved)) {
        const first = callParts(call)?.positional[0]?.text ?? '[("localhost", 26379)]';
        ctx.manual({
          node: call,
          what: "aioredis' `create_sentinel_pool()` has no redis-py twin: build a `Sentinel(...)` (synchronously) and get clients with `master_for(name)` / `slave_for(name)`, whose pools it manages.",
          suggestion: `redis.asyncio.sentinel.Sentinel(${first}, sentinel_kwargs={"socket_timeout": 0.2})`,
        });
      }
    }
    const receivers = sentinelReceivers(ctx);
    if (receivers.size === 0) return;
    const closed = new Set<string>();
    for (const call of ctx.facts.calls) {
      const parts = callParts(call);
      if (!parts?.receiver || !SENTINEL_METHODS.has(parts.method) || !receivers.has(expressionKey(parts.receiver))) continue;
      sentinelMethod(ctx, { ...parts, receiver: parts.receiver }, closed);
    }
    for (const attr of ctx.tree.rootNode.descendantsOfType("attribute")) {
      if (attr.childForFieldName("attribute")?.text !== "closed") continue;
      const obj = attr.childForFieldName("object");
      if (!obj || !receivers.has(expressionKey(obj))) continue;
      ctx.manual({
        node: attr,
        what: `redis-py's \`Sentinel\` has no \`closed\` property: keep your own flag, set where the clients from \`${obj.text}.master_for()\` are closed.`,
        suggestion: `${obj.text.replace(/\W+/g, "_")}_closed = True  # next to the close calls; test it instead of ${attr.text}`,
      });
    }
  },
});
