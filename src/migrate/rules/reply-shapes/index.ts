import { flagUses } from "../../command-calls/flags.js";
import { atLeast, commandCalls, type CommandCall } from "../../command-calls/receiver.js";
import { usesOf } from "../../command-calls/uses.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { BOOL_REPLY, CHECKS, DEBUG_REPLY, EXISTS_REPLY, NAME_REPLY, SET_REPLY, type ReplyCheck } from "./checks.js";
import { usesThroughAttributes } from "./stored.js";

const SET_COMMANDS = ["smembers", "sinter", "sunion", "sdiff"];
const BOOL_COMMANDS = ["sismember", "smove"];
const OTHER: Readonly<Record<string, ReplyCheck>> = { script_exists: EXISTS_REPLY, client_getname: NAME_REPLY, debug_object: DEBUG_REPLY };

/**
 * Replies that changed type (reference §5, §11.7): `ping`, `lset`, `save`, `time`, `lastsave`, `info`,
 * `client_list`, `client_getname`, `role`, `debug_object`, `script_exists`, `smembers`/`sinter`/`sunion`/`sdiff`,
 * `sismember`/`smove`. The calls stay as they are; code that visibly relies on the old type (also through an
 * attribute the reply is stored in) gets a manual step. `pubsub_numsub` is rewritten: `dict(...)` restores aioredis' reply.
 */
export default defineRule({
  id: "reply-shapes",
  description: "Replies that changed type (`ping`, `lset`, `time`, `info`, `smembers`, `debug_object`, …): uses that rely on the old type are reported; `pubsub_numsub` → `dict(...)`",
  phase: "code",
  triggers: ["ping(", "time(", "lastsave(", "info(", "client_list(", "role(", "smembers(", "sinter(", "sunion(", "sdiff(", "sismember(", "smove(", "pubsub_numsub(", "lset(", "save(", "script_exists(", "client_getname(", "debug_object("],
  needsImport: false,
  apply(ctx) {
    if (ctx.facts.flavour !== "1.x") return; // aioredis 2.x already had redis-py's replies
    const methods = new Set([...Object.keys(CHECKS), ...Object.keys(OTHER), ...SET_COMMANDS, ...BOOL_COMMANDS, "pubsub_numsub"]);
    for (const call of commandCalls(ctx, methods)) {
      if (!call.awaited || !atLeast(call.trust, "module")) continue;
      const m = call.parts.method;
      if (m === "pubsub_numsub") numsub(ctx, call);
      else if (m === "ping" && call.parts.positional.length > 0) continue; // `ping(msg)` echoes the message in both
      else if (m === "time" && storedTime(ctx, call)) continue;
      else check(ctx, call, CHECKS[m] ?? OTHER[m] ?? (SET_COMMANDS.includes(m) ? SET_REPLY : BOOL_REPLY));
    }
  },
});

function check(ctx: RuleContext, call: CommandCall, c: ReplyCheck): void {
  const reply = call.awaited!.text;
  flagUses(ctx, c.select(usesThroughAttributes(call.awaited!)), c.what, (u) => c.suggest(u, reply));
}

/**
 * `now = await r.time()` (or `self.now = …`) then used: one step at the assignment, which is where the float must be
 * computed. An attribute is reported even when this module does not read it.
 */
function storedTime(ctx: RuleContext, call: CommandCall): boolean {
  let n = call.awaited!;
  while (n.parent?.type === "parenthesized_expression") n = n.parent;
  const assignment = n.parent;
  const name = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
  if (!assignment || !name || (name.type !== "identifier" && name.type !== "attribute")) return false;
  if (name.type === "identifier" && usesOf(call.awaited!).length === 0) return true;
  const src = ctx.source;
  const indent = src.indentAt(assignment.startIndex);
  const line = src.lineIndexAt(assignment.startIndex);
  // a drop-in replacement when the assignment is its line's only statement
  const whole = src.lineIndexAt(assignment.endIndex) === line && src.lineText(line).trim() === assignment.text;
  ctx.manual({
    node: assignment,
    what: CHECKS.time!.what,
    suggestion: `${indent}seconds, micros = ${call.awaited!.text}\n${indent}${name.text} = seconds + micros * 1e-6`,
    replacesLines: whole ? 1 : 0,
  });
  return true;
}

/** `await r.pubsub_numsub("a")` replied `{b'a': 1}` in aioredis and `[(b'a', 1)]` in redis-py: `dict(...)` restores it. */
function numsub(ctx: RuleContext, call: CommandCall): void {
  const awaited = call.awaited!;
  const wrapped = awaited.parent?.type === "argument_list" && awaited.parent.parent?.childForFieldName("function")?.text === "dict";
  if (wrapped) return; // already `dict(await r.pubsub_numsub(...))`
  ctx.rewrite([{ start: awaited.startIndex, end: awaited.startIndex, text: "dict(" }, { start: awaited.endIndex, end: awaited.endIndex, text: ")" }], "redis-py's `pubsub_numsub` replies a list of (channel, count) pairs; aioredis replied a dict.");
}
