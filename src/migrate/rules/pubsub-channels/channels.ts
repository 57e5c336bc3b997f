import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, enclosingFunction, nextStatement, unparenthesize } from "../../syntax.js";
import { clientEncoding, type ClientEncoding } from "../call-encoding/client.js";

/** A Channel variable the rule turned into a PubSub: its pattern-ness, the client, the channel argument, the client's codec. */
export interface ChannelInfo {
  readonly pattern: boolean;
  readonly receiver: string;
  /** The channel argument's text ("" when unknown). */
  readonly channel: string;
  /** How the subscribing client decodes replies, when the module creates it (aioredis Channels never decoded). */
  readonly codec: ClientEncoding;
}

/** A name that holds such a PubSub after offset `from` (the end of the subscribe), inside `scope` (the function, or a consumer the channel is passed to). */
export interface ConvertedChannel {
  readonly name: string;
  readonly scope: SyntaxNode;
  readonly from: number;
  readonly info: ChannelInfo;
}

export function channelInfo(ctx: RuleContext, receiver: SyntaxNode, pattern: boolean, channel: SyntaxNode): ChannelInfo {
  return { pattern, receiver: receiver.text, channel: channel.text, codec: clientEncoding(ctx, receiver) };
}

/** Where a name bound by `stmt` lives: its function (subscribing needs `await`, so there is one) or the module. */
export function scopeOf(ctx: RuleContext, stmt: SyntaxNode): SyntaxNode {
  return enclosingFunction(stmt) ?? ctx.tree.rootNode;
}

/**
 * `ch = r.pubsub()` followed by `await ch.subscribe("c")`: what this rule writes for `ch, = await r.subscribe("c")`.
 * Recognised on later rounds, so rewrites that waited for a round (conflicting edits) still know the channel.
 */
export function pubsubsFromEarlierRounds(ctx: RuleContext): ConvertedChannel[] {
  const found: ConvertedChannel[] = [];
  for (const call of ctx.facts.calls) {
    const parts = callParts(call);
    if (!parts?.receiver || parts.method !== "pubsub" || parts.args.namedChildCount !== 0) continue;
    const assignment = call.parent;
    const stmt = assignment?.parent;
    const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
    if (left?.type !== "identifier" || stmt?.type !== "expression_statement") continue;
    const next = nextStatement(stmt);
    const awaited = next?.type === "expression_statement" ? unparenthesize(next.namedChild(0)!) : null;
    const subscribe = awaited?.type === "await" ? callParts(unparenthesize(awaited.namedChild(0)!)) : null;
    if (!subscribe || subscribe.receiver?.text !== left.text || subscribe.positional.length !== 1 || subscribe.hasSplat) continue;
    if (subscribe.method !== "subscribe" && subscribe.method !== "psubscribe") continue;
    found.push({
      name: left.text,
      scope: scopeOf(ctx, stmt),
      from: next!.endIndex,
      info: channelInfo(ctx, parts.receiver, subscribe.method === "psubscribe", subscribe.positional[0]!),
    });
  }
  return found;
}

/**
 * The consumers a converted channel is handed to in the module: `reader(ch)` / `create_task(reader(ch))` with
 * `async def reader(channel)` defined once at module level makes `channel` a PubSub inside `reader`. The calls
 * followed go into `followed`.
 */
export function consumersOf(ctx: RuleContext, converted: ConvertedChannel, followed: Set<number>): ConvertedChannel[] {
  const found: ConvertedChannel[] = [];
  const functions = moduleFunctions(ctx.tree.rootNode);
  for (const call of converted.scope.descendantsOfType("call")) {
    if (call.startIndex < converted.from) continue;
    const parts = callParts(call);
    if (!parts || parts.receiver || parts.hasSplat) continue;
    const index = parts.positional.findIndex((a) => a.type === "identifier" && a.text === converted.name);
    if (index === -1) continue;
    const defs = functions.filter((f) => f.childForFieldName("name")?.text === parts.method);
    const param = defs.length === 1 ? positionalParameter(defs[0]!, index) : null;
    if (!param) continue;
    followed.add(call.id);
    found.push({ name: param, scope: defs[0]!, from: defs[0]!.startIndex, info: converted.info });
  }
  return found;
}

function moduleFunctions(root: SyntaxNode): SyntaxNode[] {
  return root.namedChildren.flatMap((c) => {
    const def = c.type === "decorated_definition" ? c.childForFieldName("definition") : c;
    return def?.type === "function_definition" ? [def] : [];
  });
}

/** The name of the `index`-th positional parameter (`ch`, `ch: Channel`, `ch=None`), or null for `*args` and beyond. */
function positionalParameter(def: SyntaxNode, index: number): string | null {
  // `/` takes no argument
  const params = def.childForFieldName("parameters")?.namedChildren.filter((p) => p.type !== "comment" && p.type !== "positional_separator") ?? [];
  // a `*` or `*args` before it makes the rest keyword-only
  if (params.slice(0, index + 1).some((p) => p.type === "keyword_separator" || p.type === "list_splat_pattern")) return null;
  const p = params[index];
  if (!p) return null;
  if (p.type === "identifier") return p.text;
  if (p.type === "typed_parameter") return p.namedChild(0)?.type === "identifier" ? p.namedChild(0)!.text : null;
  if (p.type === "default_parameter" || p.type === "typed_default_parameter") return p.childForFieldName("name")?.text ?? null;
  return null;
}
