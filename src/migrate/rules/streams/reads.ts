import { ArgumentEdits } from "../../command-calls/arguments.js";
import { bindArguments, type Binding } from "../../command-calls/bind.js";
import { numberLiteral } from "../../command-calls/literals.js";
import type { CommandCall, Trust } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { unparenthesize } from "../../syntax.js";
import type { StreamPlan } from "./plan.js";

const XREAD = ["streams", "timeout", "count", "latest_ids"];
const XREAD_GROUP = ["group_name", "consumer_name", "streams", "timeout", "count", "latest_ids", "no_ack"];
const RENAMES: Readonly<Record<string, string>> = { group_name: "groupname", consumer_name: "consumername", no_ack: "noack" };

export interface ReadPlan extends StreamPlan {
  /** The `block=` value the call ends up with ("0" waits forever; null: no block). */
  readonly block: string | null;
  /** `xread_group` without `latest_ids`: aioredis sent `$`, which Redis rejects for XREADGROUP. */
  readonly defaultGroupIds: boolean;
}

/**
 * `xread(streams, timeout=0, count=None, latest_ids=None)` → `xread({stream: id, …}, block=, count=)` and
 * `xread_group(group, consumer, streams, …, no_ack=)` → `xreadgroup(group, consumer, {stream: id}, block=, count=, noack=)`.
 * aioredis' timeout is redis-py's block, in ms; its default 0 blocked forever, so an omitted timeout becomes `block=0`.
 */
export function planStreamRead(ctx: RuleContext, call: CommandCall): ReadPlan | null {
  const group = call.parts.method === "xread_group";
  const b = bindArguments(call.parts, group ? XREAD_GROUP : XREAD);
  const streams = b?.get("streams");
  if (!b || !streams) return null;
  if (["dictionary", "dictionary_comprehension"].includes(unparenthesize(streams.value).type)) return null; // redis-py's shape
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  let trust: Trust = group || isList(streams.value) ? "repository" : "module";
  if (group) {
    const attr = call.parts.callee.childForFieldName("attribute")!;
    edits.replace(attr, "xreadgroup");
  }
  const ids = b.get("latest_ids");
  const fill = group ? '">"' : '"$"';
  const mapping = streamMapping(streams.value, ids?.value ?? null, fill);
  if (mapping === null) return null;
  edits.replace(streams.value, mapping);
  if (ids) (trust = "repository"), edits.remove(ids.arg);
  for (const [old, name] of Object.entries(RENAMES)) {
    const arg = b.get(old);
    if (!arg) continue;
    if (arg.keyword) edits.renameKeyword(arg.arg, name);
    else if (old === "no_ack") edits.insertAt(arg.arg.startIndex, `${name}=`);
  }
  const block = timeoutToBlock(edits, b);
  if (b.get("timeout")?.keyword) trust = "repository";
  const count = b.get("count");
  if (count && !count.keyword) edits.insertAt(count.arg.startIndex, "count=");
  return {
    edits,
    trust,
    why: "redis-py's xread/xreadgroup take a `{stream: id}` dict and `block=` (ms; aioredis called it `timeout`, and its default 0 blocked forever), and return the messages grouped per stream.",
    block,
    defaultGroupIds: group && !ids,
  };
}

function isList(node: SyntaxNode): boolean {
  return ["list", "tuple"].includes(unparenthesize(node).type);
}

/** `["a", "b"]` + `["0", "$"]` → `{"a": "0", "b": "$"}`; variables go through `dict(zip(…))` / `dict.fromkeys(…)`. */
function streamMapping(streams: SyntaxNode, ids: SyntaxNode | null, fill: string): string | null {
  const names = listItems(streams);
  const idItems = ids ? listItems(ids) : null;
  if (names && (idItems || !ids)) {
    if (idItems && idItems.length !== names.length) return null; // aioredis raised ValueError
    return `{${names.map((n, i) => `${n.text}: ${idItems ? idItems[i]!.text : fill}`).join(", ")}}`;
  }
  if (!ids) return `dict.fromkeys(${streams.text}, ${fill})`;
  return `dict(zip(${streams.text}, ${ids.text}))`;
}

function listItems(node: SyntaxNode): SyntaxNode[] | null {
  const n = unparenthesize(node);
  if (!isList(n)) return null;
  const items = n.namedChildren.filter((c) => c.type !== "comment");
  return items.some((i) => i.type === "list_splat") ? null : items;
}

/** Renames/converts `timeout` to `block`, adding `block=0` when aioredis' default applied. Returns the block text. */
function timeoutToBlock(edits: ArgumentEdits, b: Binding): string | null {
  const timeout = b.get("timeout");
  if (!timeout) {
    edits.append("block=0");
    return "0";
  }
  if (timeout.value.text === "None") {
    edits.remove(timeout.arg); // aioredis sent no BLOCK; neither does redis-py's default
    return null;
  }
  if (timeout.keyword) edits.renameKeyword(timeout.arg, "block");
  else edits.insertAt(timeout.arg.startIndex, "block=");
  return numberLiteral(timeout.value) ?? timeout.value.text;
}
