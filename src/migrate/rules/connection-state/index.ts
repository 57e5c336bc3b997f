import { defineRule } from "../../rule.js";
import type { SyntaxNode } from "../../parser.js";
import { awaitingParent, callParts, enclosingFunction } from "../../syntax.js";

const ADVICE: Record<string, { what: string; suggestion: (receiver: string, args: string) => string }> = {
  select: {
    what: "`select()` on a pooled redis-py client switches only the connection that ran it, which then goes back to the pool: pass `db=` when creating the client (one client per database) instead.",
    suggestion: (r, args) => `${r} = redis.asyncio.Redis.from_url("redis://localhost:6379", db=${args})  # one client per database`,
  },
  auth: {
    what: "`auth()` on a pooled redis-py client authenticates only the connection that ran it: pass `password=` (and `username=` for ACL users) when creating the client instead.",
    suggestion: (r, args) => `${r} = redis.asyncio.Redis.from_url("redis://localhost:6379", password=${args})`,
  },
  unwatch: {
    // redis-py 4.3–8.x: the client's `unwatch()` only warns "Call UNWATCH from a Pipeline object" and returns None
    what: "`unwatch()` on a redis-py client sends no UNWATCH (it only warns \"Call UNWATCH from a Pipeline object\"): the WATCH it cancels must be on the pipeline that executes MULTI/EXEC. Call `unwatch()` on that pipeline (leaving its `async with` block also resets it), or delete this line.",
    suggestion: (r) => `async with ${r}.pipeline(transaction=True) as pipe:\n    await pipe.watch(...)\n    ...\n    await pipe.unwatch()`,
  },
};

function watchedEarlier(call: SyntaxNode, receiver: string): boolean {
  const scope = enclosingFunction(call) ?? call.tree.rootNode;
  return scope.text.slice(0, call.startIndex - scope.startIndex).includes(`${receiver}.watch(`);
}

/**
 * Connection-scoped commands on a pooled client (reference §3.3, §5.1, §6.2): aioredis 1.x applied `select()` and
 * `auth()` to its whole pool; redis-py runs them on one pooled connection only, and its client-level `unwatch()`
 * is no transaction command. They need a person (constructor arguments, or the pipeline), so each is reported.
 */
export default defineRule({
  id: "connection-state",
  description: "`select()` / `auth()` / a lone `unwatch()` on a pooled client → reported (constructor `db=`/`password=`, pipeline)",
  phase: "code",
  needsImport: false,
  triggers: [".select(", ".auth(", ".unwatch("],
  apply(ctx) {
    if (ctx.facts.flavour === "2.x") return;
    for (const call of ctx.facts.calls) {
      const parts = callParts(call);
      const advice = parts ? ADVICE[parts.method] : undefined;
      if (!parts?.receiver || !advice || !awaitingParent(call)) continue;
      const kind = ctx.facts.receiverKind(parts.receiver);
      if (kind === "pipeline" || kind === "transaction") continue;
      if (kind !== "client" && kind !== "connection" && !ctx.facts.isRedisReceiver(parts.receiver, ctx.options.repositoryUsesAioredis)) continue;
      // an UNWATCH that follows a WATCH on the same receiver belongs to the watch-transactions rule
      if (parts.method === "unwatch" && watchedEarlier(call, parts.receiver.text)) continue;
      ctx.manual({ node: call, what: advice.what, suggestion: advice.suggestion(parts.receiver.text, parts.args.text.slice(1, -1)) });
    }
  },
});
