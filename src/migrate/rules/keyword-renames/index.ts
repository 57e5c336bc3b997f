import { ArgumentEdits } from "../../command-calls/arguments.js";
import { constantName } from "../../command-calls/literals.js";
import { atLeast, commandCalls, usesAioredis, type CommandCall } from "../../command-calls/receiver.js";
import { isOwnMethod, renameMethod } from "../../command-rewrites/methods.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, unparenthesize } from "../../syntax.js";

/** aioredis 1.x keyword → redis-py keyword, per method (reference §5.1, 5.2, 5.5, 5.10). */
const RENAMES: Record<string, Record<string, string>> = {
  flushdb: { async_op: "asynchronous" },
  flushall: { async_op: "asynchronous" },
  incrby: { increment: "amount" },
  incrbyfloat: { increment: "amount" },
  decrby: { decrement: "amount" },
  srandmember: { count: "number" },
  migrate: { key: "keys", dest_db: "destination_db" },
  migrate_keys: { dest_db: "destination_db" },
};
const SHUTDOWN: Record<string, string> = { SHUTDOWN_SAVE: "save=True", SHUTDOWN_NOSAVE: "nosave=True" };
const WHY = "redis-py spells these keyword arguments differently; `**kwargs` methods would otherwise run the command and then fail on the old keyword.";

/**
 * Keyword renames of aioredis 1.x commands: `flushdb/flushall(async_op=)` → `asynchronous=`, `incrby(increment=)`,
 * `decrby(decrement=)` → `amount=`, `srandmember(count=)` → `number=`, `migrate(dest_db=)` → `destination_db=`,
 * `migrate_keys(...)` → `migrate(...)`, `shutdown(save=r.SHUTDOWN_SAVE / SHUTDOWN_NOSAVE)` → `save=True` / `nosave=True`.
 */
export default defineRule({
  id: "keyword-renames",
  description: "`flushdb(async_op=)`, `incrby(increment=)`, `srandmember(count=)`, `migrate(dest_db=)`, `shutdown(save=SHUTDOWN_SAVE)` → redis-py keywords",
  phase: "code",
  triggers: ["async_op", "increment", "decrement", "count=", "dest_db", "migrate_keys", "SHUTDOWN_"],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set([...Object.keys(RENAMES), "shutdown"]))) {
      if (call.parts.method === "shutdown") shutdown(ctx, call);
      else rename(ctx, call);
    }
  },
});

function rename(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const table = RENAMES[parts.method]!;
  const old = [...parts.keywords.keys()].filter((k) => k in table);
  const methodOnly = parts.method === "migrate_keys";
  if (old.length === 0 && !methodOnly) return;
  // each old keyword is invalid in redis-py, and `migrate_keys` exists only in aioredis
  if (methodOnly ? !usesAioredis(ctx) || isOwnMethod(parts) : !atLeast(call.trust, "repository")) return;
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  for (const k of old) edits.renameKeyword(parts.keywords.get(k)!, table[k]!);
  const extra = methodOnly ? [renameMethod(parts, "migrate")] : [];
  ctx.rewrite([...extra, ...edits.build()], WHY);
}

/** `shutdown(save=r.SHUTDOWN_SAVE)` → `shutdown(save=True)`; `SHUTDOWN_NOSAVE` → `nosave=True`; `save=None` → dropped. */
function shutdown(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const kw = parts.keywords.get("save");
  const arg = kw ?? (parts.positional.length === 1 ? parts.positional[0]! : null);
  if (!arg) return;
  const value = kw ? keywordValue(kw) : arg;
  const name = constantName(value, Object.keys(SHUTDOWN));
  const none = unparenthesize(value).type === "none";
  if (!name && !none) return;
  if (!atLeast(call.trust, name ? "repository" : "module")) return;
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  if (name) edits.replace(arg, SHUTDOWN[name]!);
  else edits.remove(arg);
  ctx.rewrite(edits.build(), "redis-py's `shutdown` takes `save=True` / `nosave=True` instead of aioredis' SHUTDOWN_SAVE / SHUTDOWN_NOSAVE constants.");
}
