import { ArgumentEdits } from "../../command-calls/arguments.js";
import { bindArguments } from "../../command-calls/bind.js";
import { boolLiteral, operand } from "../../command-calls/literals.js";
import type { CommandCall, Trust } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import type { StreamPlan } from "./plan.js";

/**
 * `xadd(stream, fields, message_id=, max_len=, exact_len=)` → `xadd(name, fields, id=, maxlen=, approximate=)` and
 * `xtrim(stream, max_len, exact_len)` → `xtrim(name, maxlen, approximate=)`: `approximate` is the opposite of
 * `exact_len` (both default to trimming with `~`).
 */
export function planTrimmingWrite(ctx: RuleContext, call: CommandCall): StreamPlan | null {
  const params = call.parts.method === "xadd" ? ["stream", "fields", "message_id", "max_len", "exact_len"] : ["stream", "max_len", "exact_len"];
  const b = bindArguments(call.parts, params);
  if (!b) return null;
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  let trust: Trust | null = null;
  const renames: Record<string, string> = { stream: "name", message_id: "id", max_len: "maxlen" };
  for (const [old, name] of Object.entries(renames)) {
    const arg = b.get(old);
    if (arg?.keyword) (trust = "repository"), edits.renameKeyword(arg.arg, name);
  }
  const exact = b.get("exact_len");
  if (exact) {
    trust ??= exact.keyword ? "repository" : "module";
    if (exact.keyword) trust = "repository";
    const approximate = invert(exact.value);
    if (approximate === "True" && exact.keyword) edits.remove(exact.arg);
    else edits.replace(exact.arg, `approximate=${approximate}`);
  }
  return trust === null ? null : { edits, trust, why: WHY };
}

const WHY =
  "redis-py names xadd/xtrim's arguments `id`, `maxlen` and `approximate` (aioredis 1.x: `message_id`, `max_len` and `exact_len`, which means the opposite of `approximate`).";

function invert(value: SyntaxNode): string {
  const b = boolLiteral(value);
  if (b !== null) return b ? "False" : "True";
  return `not ${operand(value)}`;
}
