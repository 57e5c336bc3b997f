import { applyEdits, type TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import type { NamePlan } from "../../plan.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { awaitingParent } from "../../syntax.js";
import { planFactoryCall } from "../client-creation/factory.js";
import { perCallCreation } from "../client-creation/per-call.js";
import { asyncioImports, builderOf, type Builder } from "./constructors.js";
import { configuredByCaller, poolHandedOn } from "./factories.js";
import { perIterationCreation } from "./loops.js";

/**
 * The files this rule has already looked at. It reports on the code as written, in the first round only: later
 * rounds hold client-creation's own `Redis.from_url(...)` rewrites of aioredis 1.x factories, which that rule reports
 * itself. One `NamePlan` lives for exactly one file's migration.
 */
const seen = new WeakSet<NamePlan>();

/**
 * Clients (and pools) built over and over (reference §3.1 "called once per request", §11.5, §13 third claim): an
 * aioredis 2.x `from_url(...)` / `Redis(...)` / `ConnectionPool(...)` — or the same call already spelled with
 * `redis.asyncio` — inside a function that runs per request or per call, or inside a loop, builds a new connection
 * pool every time (redis-py never shares pools between `from_url` calls; on 4.x closing such a client also leaves its
 * sockets open). Reported as a manual step: create one client at startup, share it, close it at shutdown.
 * "Runs per call" is client-creation's notion (`per-call.ts`: not a startup hook, factory or test, and the client is
 * neither returned nor stored), which also reports aioredis 1.x factories in such functions; this rule adds those
 * factories only where they sit in a loop.
 */
export default defineRule({
  id: "repeated-clients",
  description: "aioredis 2.x / redis.asyncio clients and pools created per request or in a loop: one shared client instead (manual step)",
  phase: "code",
  triggers: ["from_url", "Redis(", "ConnectionPool(", "create_redis", "create_pool", "create_connection"],
  needsImport: true,
  apply(ctx) {
    if (seen.has(ctx.names)) return;
    seen.add(ctx.names);
    const asyncioNames = asyncioImports(ctx.tree.rootNode);
    for (const call of ctx.facts.calls) {
      const builder = builderOf(ctx, call, asyncioNames);
      if (!builder) continue;
      const expr = awaitingParent(call) ?? call;
      const perCall = perCallCreation(expr);
      // an aioredis 1.x factory in a per-call function: client-creation reports it
      if (perCall && builder.kind === "factory") continue;
      const loop = perIterationCreation(expr, call);
      if (loop) report(ctx, call, builder, "this loop builds the same client and a new connection pool on every iteration", loop.local);
      else if (perCall && !configuredByCaller(call) && !(perCall.local && poolHandedOn(call, perCall.local)))
        report(ctx, call, builder, `\`${perCall.functionName}()\` builds a new client and connection pool on every call`, perCall.local);
    }
  },
});

function report(ctx: RuleContext, call: SyntaxNode, builder: Builder, where: string, local: string | null): void {
  const name = local ?? "redis_client";
  // redis-py 4.x: a `from_url` client's plain `close()` leaves its pool's sockets open
  const close = ctx.options.target === "4.2" ? "close(close_connection_pool=True)" : "aclose()";
  const pool = builder.kind === "client" && /ConnectionPool/.test(builder.path);
  const what = pool
    ? `Create this connection pool once at startup and share it: ${where.replace(/(the same|a new) client and (a new )?connection pool/, "a new connection pool")}. Every pool opens its own sockets; build one at startup, pass it to the clients with \`connection_pool=\`, and disconnect it at shutdown.`
    : `Create this client once at startup and share it: ${where}. redis-py never shares a pool between two \`from_url\`/\`Redis(...)\` calls, so connections pile up (on redis-py 4.x closing a \`from_url\` client even leaves its pool's sockets open); create it in the application's startup hook (or at module level), use it everywhere, and close it at shutdown.`;
  const shutdown = pool ? `await ${name}.disconnect()` : `await ${name}.${close}`;
  ctx.manual({
    node: call,
    what,
    suggestion: `# at startup (module level, or the application's startup/lifespan hook):\n${name} = ${migratedText(ctx, call, builder)}\n# at shutdown:\n${shutdown}`,
  });
}

/** The call as it reads after migration: aioredis' module name replaced, a 1.x factory as client-creation writes it. */
function migratedText(ctx: RuleContext, call: SyntaxNode, builder: Builder): string {
  if (builder.kind === "factory") {
    const node = awaitingParent(call) ?? call;
    const plan = planFactoryCall(ctx, call, builder.single);
    // a client shared by concurrent tasks needs its pool, not one dedicated connection
    return (plan.rewrite ? textOf(ctx, node, plan.rewrite.edits) : node.text).replace(/,\s*single_connection_client=True/, "");
  }
  let root = call.childForFieldName("function")!;
  while (root.type === "attribute") root = root.childForFieldName("object")!;
  const binding = root.type === "identifier" ? ctx.facts.bindings.get(root.text) : undefined;
  if (binding?.kind !== "module" || binding.target !== "aioredis") return call.text;
  return ctx.names.moduleAlias + call.text.slice(root.endIndex - call.startIndex);
}

function textOf(ctx: RuleContext, node: SyntaxNode, edits: readonly TextEdit[]): string {
  const inside = edits
    .filter((e) => e.start >= node.startIndex && e.end <= node.endIndex)
    .map((e) => ({ ...e, start: e.start - node.startIndex, end: e.end - node.startIndex }));
  return applyEdits(ctx.source.text.slice(node.startIndex, node.endIndex), inside);
}
