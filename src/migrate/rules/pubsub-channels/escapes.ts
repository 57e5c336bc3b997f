import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts } from "../../syntax.js";
import type { ConvertedChannel } from "./channels.js";

/** Calls that only print or log what they are given. */
const HARMLESS_CALLS = /^(print|repr|str|id|len|type|isinstance|format)$|\.(debug|info|warning|warn|error|exception|critical|log)$/;

/**
 * A converted channel that leaves the code this rule can see — returned, yielded, stored on an object, or handed to a
 * function not defined in the module — still meets the aioredis Channel API over there: the receiving code must be
 * told that it gets a `PubSub` now. `followed` are the calls whose consumer was followed (`reader(ch)`).
 */
export function reportEscapes(ctx: RuleContext, owners: readonly ConvertedChannel[], followed: ReadonlySet<number>): void {
  for (const channel of owners) {
    const escape = channel.scope
      .descendantsOfType("identifier")
      .find((id) => id.startIndex >= channel.from && id.text === channel.name && escapes(id, followed));
    if (!escape) continue;
    const ps = channel.name;
    const close = ctx.options.target === "4.2" ? "close" : "aclose";
    ctx.manual({
      node: escape,
      what: `\`${ps}\` is a redis-py \`PubSub\` now, not an aioredis Channel: the code that receives it here must read it with \`${ps}.get_message()\` or \`${ps}.listen()\` (message dicts: the payload is \`message["data"]\`) and close it with an awaited \`${close}()\`. It has no \`get()\`, \`get_json()\`, \`iter()\`, \`wait_message()\`, \`is_active\` or \`name\`.`,
      suggestion: `async for message in ${ps}.listen():\n    if message["type"] != "${channel.info.pattern ? "pmessage" : "message"}":\n        continue\n    data = message["data"]`,
    });
  }
}

function escapes(id: SyntaxNode, followed: ReadonlySet<number>): boolean {
  let n = id;
  // `return ch, other` / `[ch]`: the container carries it out
  while (n.parent && ["tuple", "expression_list", "list", "parenthesized_expression"].includes(n.parent.type)) n = n.parent;
  const parent = n.parent;
  if (!parent) return false;
  if (parent.type === "return_statement" || parent.type === "yield") return true;
  if (parent.type === "assignment" && parent.childForFieldName("right")?.id === n.id) {
    const left = parent.childForFieldName("left")!;
    return left.type === "attribute" || left.type === "subscript";
  }
  const args = parent.type === "keyword_argument" ? parent.parent : parent;
  const call = args?.type === "argument_list" ? args.parent : null;
  const parts = call ? callParts(call) : null;
  if (!parts || followed.has(parts.call.id)) return false;
  return !HARMLESS_CALLS.test(parts.callee.text);
}
