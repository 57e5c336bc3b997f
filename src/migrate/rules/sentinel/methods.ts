import { linesWith } from "../../command-calls/flags.js";
import { usesOf } from "../../command-calls/uses.js";
import { renameMethod } from "../../command-rewrites/methods.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { awaitingParent, expressionKey, type CallParts } from "../../syntax.js";
import { perCallCreation } from "../client-creation/per-call.js";
import { clientsFrom } from "./receivers.js";

/** aioredis 1.x `RedisSentinel` admin methods → redis-py's `sentinel_*` commands on one sentinel connection. */
const ADMIN: Readonly<Record<string, string>> = {
  masters: "sentinel_masters",
  master: "sentinel_master",
  slaves: "sentinel_slaves",
  sentinels: "sentinel_sentinels",
  monitor: "sentinel_monitor",
  remove: "sentinel_remove",
  set: "sentinel_set",
  failover: "sentinel_failover",
  check_quorum: "sentinel_ckquorum",
  ping: "ping",
  execute: "execute_command",
};

/** What differs, per admin method, besides where it is called. */
const ADMIN_NOTES: Readonly<Record<string, string>> = {
  masters: " The dict of masters keeps its shape, but each state's `flags` is a comma-separated str (aioredis: a frozenset), with `is_master`/`is_sdown`/… booleans added.",
  master: " Its `flags` is a comma-separated str (aioredis: a frozenset), with `is_master`/`is_sdown`/… booleans added.",
  slaves: " Each state's `flags` is a comma-separated str (aioredis: a frozenset).",
  sentinels: " Note that `Sentinel.sentinels` is now the list of sentinel connections itself, so `s.sentinels(name)` raises TypeError.",
  check_quorum: " It replies True/False in redis-py (aioredis: the raw `OK …` reply).",
  ping: " It replies True in redis-py (aioredis: b'PONG').",
  execute: " `execute_command` does not prefix SENTINEL: pass it first.",
};

export const SENTINEL_METHODS = new Set([...Object.keys(ADMIN), "master_address", "master_for", "slave_for", "close", "wait_closed"]);

/** One method call on a `RedisSentinel` (`parts.receiver` is known to hold one). */
export function sentinelMethod(ctx: RuleContext, parts: CallParts & { readonly receiver: SyntaxNode }, closed: Set<string>): void {
  const m = parts.method;
  const recv = parts.receiver.text;
  if (m === "master_address") return masterAddress(ctx, parts);
  if (m === "master_for" || m === "slave_for") return perCallClient(ctx, parts);
  if (m === "close" || m === "wait_closed") {
    const key = expressionKey(parts.receiver);
    if (closed.has(key)) return;
    closed.add(key);
    return closeSentinel(ctx, parts);
  }
  const target = ADMIN[m]!;
  const args = parts.args.text.slice(1, -1);
  const call = m === "execute" ? `${recv}.sentinels[0].execute_command("SENTINEL"${args ? ", " + args : ""})` : `${recv}.sentinels[0].${target}(${args})`;
  ctx.manual({
    node: parts.call,
    what: `redis-py's \`Sentinel\` has no \`${m}()\`: sentinel commands are methods of the sentinel connections (\`${recv}.sentinels[0].${target}()\`), which ask one sentinel where aioredis asked the first one it had reached.${ADMIN_NOTES[m] ?? ""}`,
    suggestion: linesWith(ctx.source, [{ node: parts.call, text: call }]).trim(),
  });
}

/** `await s.master_address(name)` → `await s.discover_master(name)`; a missing master now raises instead of giving None. */
function masterAddress(ctx: RuleContext, parts: CallParts): void {
  const awaited = awaitingParent(parts.call);
  if (!awaited) return;
  ctx.rewrite(
    [renameMethod(parts, "discover_master")],
    "redis-py's Sentinel finds a master's `(host, port)` with `discover_master(name)`; aioredis called it `master_address(name)`.",
  );
  const checksNone = usesOf(awaited).filter((u) => u.kind === "truth" || (u.kind === "compare" && /\bNone\b/.test(u.site.text)));
  for (const u of checksNone.slice(0, 1)) {
    ctx.manual({
      node: u.site,
      what: "`discover_master()` raises `MasterNotFoundError` when no sentinel knows the master, where aioredis' `master_address()` returned None: catch the exception instead of testing for None.",
      suggestion: `try:\n    address = await ${parts.receiver!.text}.discover_master(${parts.args.text.slice(1, -1)})\nexcept redis.asyncio.sentinel.MasterNotFoundError:\n    address = None`,
    });
  }
}

/** `s.master_for(name)` in a function that runs per call: a new pool each time in redis-py. */
function perCallClient(ctx: RuleContext, parts: CallParts): void {
  const perCall = perCallCreation(parts.call);
  if (!perCall) return;
  ctx.manual({
    node: parts.call,
    what: `Get this client once at startup and share it: \`${perCall.functionName}()\` calls \`${parts.method}()\` on every call, and redis-py builds a new client and connection pool each time (aioredis cached one pool per service).`,
    suggestion: `# once, next to the Sentinel (module level or the application's startup hook):\n${perCall.local ?? "client"} = ${parts.call.text}`,
  });
}

/** `s.close()` / `await s.wait_closed()`: a redis-py Sentinel has nothing to close; its clients do. */
function closeSentinel(ctx: RuleContext, parts: CallParts & { readonly receiver: SyntaxNode }): void {
  const recv = parts.receiver.text;
  const close = ctx.options.target === "4.2" ? "close" : "aclose";
  const clients = clientsFrom(ctx, expressionKey(parts.receiver), parts.call);
  const suggestion = clients.length > 0
    ? clients.map((c) => `await ${c}.${close}()`).join("\n")
    : `await client.${close}()  # for each client from ${recv}.master_for() / ${recv}.slave_for()`;
  ctx.manual({
    node: parts.call,
    what: `redis-py's \`Sentinel\` has no \`close()\`/\`wait_closed()\`: close the clients from \`${recv}.master_for()\`/\`slave_for()\` instead (aioredis closed them with the sentinel), then remove these calls.`,
    suggestion,
  });
}
