import { ArgumentEdits } from "../../command-calls/arguments.js";
import { bindArguments } from "../../command-calls/bind.js";
import { stringLiteral } from "../../command-calls/literals.js";
import type { CommandCall, Trust } from "../../command-calls/receiver.js";
import type { RuleContext } from "../../rule.js";
import { unparenthesize } from "../../syntax.js";
import type { StreamPlan } from "./plan.js";

const PARAMS: Readonly<Record<string, readonly string[]>> = {
  xgroup_create: ["stream", "group_name", "latest_id", "mkstream"],
  xgroup_setid: ["stream", "group_name", "latest_id"],
  xgroup_destroy: ["stream", "group_name"],
  xgroup_delconsumer: ["stream", "group_name", "consumer_name"],
  xpending: ["stream", "group_name", "start", "stop", "count", "consumer"],
  xrange: ["stream", "start", "stop", "count"],
  xrevrange: ["stream", "start", "stop", "count"],
};
const RENAMES: Readonly<Record<string, string>> = {
  stream: "name",
  group_name: "groupname",
  consumer_name: "consumername",
  latest_id: "id",
  consumer: "consumername",
};
/** xrange/xpending ranges are `min`/`max`; xrevrange reads from `max` down to `min`. */
const RANGE_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  xrange: { start: "min", stop: "max" },
  xpending: { start: "min", stop: "max" },
  xrevrange: { start: "max", stop: "min" },
};

/**
 * Keyword renames of the group and range commands (`latest_id` → `id`, `group_name` → `groupname`, xrange's
 * `start`/`stop` → `min`/`max`), `xgroup_setid`'s now-required id, and `xpending` with a range → `xpending_range`.
 */
export function planGroupCommand(ctx: RuleContext, call: CommandCall): StreamPlan | null {
  const method = call.parts.method;
  const b = bindArguments(call.parts, PARAMS[method]!);
  if (!b) return null;
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  const renames = { ...RENAMES, ...(RANGE_RENAMES[method] ?? {}) };
  for (const [old, bound] of b) {
    const name = renames[old];
    if (bound.keyword && name) edits.renameKeyword(bound.arg, name);
  }
  let trust: Trust | null = edits.isEmpty ? null : "repository";
  if (method === "xgroup_setid" && !b.has("latest_id")) {
    // aioredis defaulted to "$"; redis-py requires the id
    const group = b.get("group_name");
    if (group) edits.insertAfter(group.arg, group.keyword ? 'id="$"' : '"$"');
    trust = "repository";
  }
  if (method === "xpending" && (b.has("start") || b.has("stop") || b.has("count"))) {
    edits.replace(call.parts.callee.childForFieldName("attribute")!, "xpending_range");
    trust = "repository";
  }
  return trust === null ? null : { edits, trust, why: WHY[method] ?? WHY.default! };
}

const WHY: Readonly<Record<string, string>> = {
  xpending: "redis-py's `xpending` only summarises; the range form (start, stop, count) is `xpending_range(name, groupname, min, max, count, consumername=)`.",
  xgroup_setid: "redis-py's `xgroup_setid` requires the id (aioredis defaulted to `$`) and names it `id`.",
  xrange: "redis-py names xrange's bounds `min`/`max` (aioredis 1.x: `start`/`stop`).",
  xrevrange: "redis-py names xrevrange's bounds `max`/`min` (aioredis 1.x: `start` was the upper bound, `stop` the lower).",
  default: "redis-py names these arguments `name`, `groupname`, `consumername` and `id` (aioredis 1.x: `stream`, `group_name`, `consumer_name`, `latest_id`).",
};

/** `xclaim(stream, group, consumer, min_idle_time, id, *ids)` → the ids as one list `[id, *ids]`. */
export function planClaim(ctx: RuleContext, call: CommandCall): StreamPlan | null {
  const pos = call.parts.positional;
  const ids = pos.slice(4);
  if (ids.length === 0 || call.parts.keywords.size > 0) return null;
  if (["list", "tuple"].includes(unparenthesize(ids[0]!).type)) return null; // redis-py's shape
  // a string id is invalid in redis-py (message_ids must be a list); a variable could be either
  const trust: Trust = stringLiteral(ids[0]!) ? "repository" : "module";
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  edits.insertAt(ids[0]!.startIndex, "[").insertAt(ids[ids.length - 1]!.endIndex, "]");
  return { edits, trust, why: "redis-py's `xclaim` takes the message ids as one list (`message_ids`); aioredis 1.x took them as separate arguments." };
}
