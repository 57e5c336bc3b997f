import { ArgumentEdits } from "../../command-calls/arguments.js";
import { reportByStatement, type Finding } from "../../command-calls/flags.js";
import { constantName } from "../../command-calls/literals.js";
import { atLeast, type CommandCall } from "../../command-calls/receiver.js";
import { elementUses, patternSlots, usesOf, type Use } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { keywordValue, unparenthesize } from "../../syntax.js";

const SHUTDOWN: Record<string, string> = { SHUTDOWN_SAVE: "save=True", SHUTDOWN_NOSAVE: "nosave=True" };

/** `shutdown(save=r.SHUTDOWN_SAVE)` → `shutdown(save=True)`; `SHUTDOWN_NOSAVE` → `nosave=True`; `save=None` → dropped. */
export function shutdown(ctx: RuleContext, call: CommandCall): void {
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

/**
 * `bitpos(k, bit, end=n)` → `bitpos(k, bit, start=0, end=n)`: aioredis 1.x sent `0 n` when only `end` was given,
 * redis-py raises DataError ("start argument is not set, when end is specified"). With `end=None` both send no
 * range, and `start=0` alone searches the whole string as no range does, so the rewrite is safe for any `end`.
 * A literal `None` start (`bitpos(k, 1, None, 5)`) becomes `0` likewise.
 */
export function bitpos(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  if (parts.hasSplat || !atLeast(call.trust, "repository")) return;
  const end = parts.keywords.get("end") ?? parts.positional[3];
  if (!end || isNone(end.type === "keyword_argument" ? keywordValue(end) : end)) return;
  const start = parts.keywords.get("start") ?? parts.positional[2];
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  if (!start) {
    if (parts.positional.length !== 2) return;
    edits.insertBefore(end, "start=0");
  } else if (start.type === "keyword_argument" && isNone(keywordValue(start))) edits.replace(keywordValue(start), "0");
  else if (start.type !== "keyword_argument" && isNone(start)) edits.replace(start, "0");
  else return;
  ctx.rewrite(edits.build(), "aioredis 1.x searched from byte 0 when only `end` was given; redis-py raises DataError unless `start` is set.");
}

/**
 * `bgsave()` → `bgsave(schedule=False)`: redis-py sends `BGSAVE SCHEDULE` by default (queued behind a running AOF
 * rewrite instead of failing; refused by servers before 3.2.2), aioredis 1.x sent a plain `BGSAVE`.
 */
export function bgsave(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  // `bgsave()` is valid in redis-py and means something else: only on a client the module's aioredis makes
  if (parts.args.namedChildren.some((c) => c.type !== "comment") || !atLeast(call.trust, "module")) return;
  ctx.rewrite(new ArgumentEdits(parts.args, ctx.source.text).append("schedule=False").build(), "redis-py's `bgsave()` sends BGSAVE SCHEDULE; `schedule=False` sends the plain BGSAVE aioredis 1.x sent.");
}

/** redis-py's slowlog entry keys by aioredis 1.x position (`client_address`/`client_name` only from redis-py 4.4 on). */
const SLOWLOG_KEYS = ["id", "start_time", "duration", "command", "client_address", "client_name"];

/**
 * `slowlog_get()` entries are dicts in redis-py (`command` one space-joined string) where aioredis 1.x returned the
 * raw lists: reports the code that reads an entry by position (`entry[0]`, `for id_, ts, *_ in …`).
 */
export function slowlogEntries(ctx: RuleContext, call: CommandCall): void {
  if (!call.awaited || !atLeast(call.trust, "module")) return;
  const results = usesOf(call.awaited);
  const byPosition = [
    ...results.filter((u) => (u.kind === "iterate" || u.kind === "unpack") && u.target && u.target.type !== "identifier"),
    ...elementUses(results).filter((u) => u.kind === "index" || u.kind === "unpack" || u.kind === "slice"),
  ];
  reportByStatement(
    ctx,
    byPosition.map((use) => finding(use)),
    "redis-py's `slowlog_get` returns dicts (`id`, `start_time`, `duration`, `command` as one space-joined string) where aioredis 1.x returned lists, and this code reads an entry by position: read it by key.",
  );
}

/** `entry[2]` → `entry["duration"]` in its line; an unpacking gets a free-standing suggestion. */
function finding(use: Use): Finding {
  const key = use.kind === "index" ? SLOWLOG_KEYS[Number(use.detail)] : undefined;
  if (key) return { use, replacement: { node: use.site, text: `${use.node.text}["${key}"]` } };
  return { use, suggestion: suggestKey(use) };
}

/** `a, b = entry` → `a, b = entry["id"], entry["start_time"]`; a loop keeps one name. */
function suggestKey(use: Use): string {
  const slots = use.target ? patternSlots(use.target) : [];
  const end = slots.indexOf(null);
  const names = (end < 0 ? slots : slots.slice(0, end)).map((n) => n!.text);
  const values = (entry: string): string => names.map((_, i) => `${entry}["${SLOWLOG_KEYS[i] ?? "?"}"]`).join(", ");
  if (use.kind === "iterate") return `for entry in ${use.node.text}:\n    ${names.join(", ")} = ${values("entry")}`;
  if (use.kind === "unpack") return `${names.join(", ")} = ${values(use.node.text)}`;
  return "";
}

function isNone(node: SyntaxNode): boolean {
  return unparenthesize(node).type === "none";
}
