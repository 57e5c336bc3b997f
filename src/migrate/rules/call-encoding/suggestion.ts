import type { ArgumentEdits } from "../../command-calls/arguments.js";
import type { SyntaxNode } from "../../parser.js";
import type { SourceText } from "../../source.js";
import type { CallParts } from "../../syntax.js";

const ONE_VALUE = new Set(["get", "getset", "getrange", "hget", "lindex", "lpop", "rpop", "rpoplpush", "brpoplpush", "echo", "randomkey", "client_getname", "ping"]);
const VALUES = new Set(["keys", "hkeys", "hvals", "lrange", "smembers", "zrange", "zrevrange", "zrangebyscore", "zrevrangebyscore", "zrangebylex", "zrevrangebylex", "command_getkeys", "cluster_get_keys_in_slots"]);
const MAYBE_NONE = new Set(["mget", "hmget"]);

/**
 * Code that decodes the reply at the call site, in the shape of that command's reply: one value (None when the
 * key is missing), a list of values, or a hash. Other replies (blocking pops, geo, scores) get a generic line.
 */
export function decodeSuggestion(
  parts: CallParts,
  edits: ArgumentEdits,
  awaited: SyntaxNode | null,
  codec: { readonly text: string; readonly literal: boolean },
  source: SourceText,
): string {
  const call = edits.preview(parts.call).replace(/\r\n/g, "\n");
  const reply = awaited ? `await ${call}` : call;
  const enc = codec.literal ? JSON.stringify(codec.text) : codec.text;
  const m = parts.method;
  const target = assignedName(awaited ?? parts.call);
  if (isOneValue(m, { parts })) {
    if (target) {
      const indent = source.indentAt(target.startIndex);
      return `${indent}${target.text} = ${reply}\n${indent}${target.text} = ${target.text}.decode(${enc}) if ${target.text} is not None else None`;
    }
    return `(${reply}).decode(${enc})  # the reply is None when there is nothing to decode`;
  }
  const scores = parts.keywords.get("withscores");
  if (scores && scores.childForFieldName("value")?.text !== "False") return `${reply}  # decode the members in this reply with .decode(${enc})`;
  if (VALUES.has(m) || m === "spop" || m === "srandmember") return `[v.decode(${enc}) for v in ${reply}]`;
  if (MAYBE_NONE.has(m)) return `[v.decode(${enc}) if v is not None else None for v in ${reply}]`;
  if (m === "hgetall") return `{k.decode(${enc}): v.decode(${enc}) for k, v in (${reply}).items()}`;
  return `${reply}  # decode the bytes in this reply with .decode(${enc})`;
}

function assignedName(expr: SyntaxNode): SyntaxNode | null {
  let n = expr;
  while (n.parent?.type === "parenthesized_expression") n = n.parent;
  const p = n.parent;
  if (p?.type !== "assignment" || p.childForFieldName("right")?.id !== n.id) return null;
  const left = p.childForFieldName("left")!;
  return left.type === "identifier" ? left : null;
}

/** Commands whose reply is one value (or None): `get`, `hget`, `spop(key)` without a count, … */
export function isOneValue(method: string, call: { readonly parts: CallParts }): boolean {
  if (method === "spop" || method === "srandmember") return call.parts.positional.length < 2 && !call.parts.keywords.has("count");
  return ONE_VALUE.has(method);
}
