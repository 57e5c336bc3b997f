import { commandCalls, usesAioredis, type CommandCall } from "../../command-calls/receiver.js";
import { isOwnMethod, renameMethod } from "../../command-rewrites/methods.js";
import { ArgumentEdits } from "../../command-calls/arguments.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { bgsave, bitpos, shutdown, slowlogEntries } from "./commands.js";
import { renameKeywords } from "./keywords.js";
import { OLD_KEYWORDS, SIGNATURES } from "./signatures.js";

const COMMANDS: Readonly<Record<string, (ctx: RuleContext, call: CommandCall) => void>> = { shutdown, bitpos, bgsave };

/**
 * aioredis 1.x keyword names → redis-py's for every method both libraries have (`hincrby(k, field=f, increment=2)`
 * → `hincrby(k, key=f, amount=2)`, `get(key=k)` → `get(name=k)`, `sadd(key=k, member=m)` → `sadd(k, m)`; the table
 * is in signatures.ts), `migrate_keys(...)` → `migrate(...)`, `shutdown(save=SHUTDOWN_SAVE)` → `save=True`,
 * `bitpos(k, bit, end=n)` → `start=0`, `bgsave()` → `bgsave(schedule=False)`, and `slowlog_get()` entries read by
 * position are reported (they are dicts now).
 */
export default defineRule({
  id: "keyword-renames",
  description: "aioredis 1.x keyword names → redis-py's (`field=` → `key=`, `member=` → `value=`, `async_op=` → `asynchronous=`, …), `bitpos(end=)` → `start=0`, `bgsave(schedule=False)`, `shutdown(save=SHUTDOWN_SAVE)`",
  phase: "code",
  triggers: [...OLD_KEYWORDS, "migrate_keys", "SHUTDOWN_", "bitpos(", "bgsave(", "slowlog_get("],
  needsImport: false,
  apply(ctx) {
    if (ctx.facts.flavour === "2.x") return; // aioredis 2.x already spelled redis-py's keywords
    for (const call of commandCalls(ctx, new Set([...SIGNATURES.keys(), ...Object.keys(COMMANDS), "migrate_keys"]))) {
      const { method } = call.parts;
      if (method === "migrate_keys") migrateKeys(ctx, call);
      else if (method in COMMANDS) COMMANDS[method]!(ctx, call);
      else renameKeywords(ctx, call);
      if (method === "slowlog_get") slowlogEntries(ctx, call);
    }
  },
});

/** `migrate_keys(host, port, keys, dest_db=0, …)` → `migrate(host, port, keys, destination_db=0, …)`; the name exists only in aioredis. */
function migrateKeys(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  if (!usesAioredis(ctx) || isOwnMethod(parts)) return;
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  const destDb = parts.keywords.get("dest_db");
  if (destDb) edits.renameKeyword(destDb, "destination_db");
  ctx.rewrite([renameMethod(parts, "migrate"), ...edits.build()], "redis-py's `migrate` takes a list of keys; aioredis' `migrate_keys` is gone, and `dest_db=` is `destination_db=`.");
}
