import { CHANNEL_LIKE_NAME } from "../../names.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { awaitingParent, callParts, enclosingFunction, insideAsyncFunction, nextStatement, removeLinesKeepingComments, statementsOf, unparenthesize } from "../../syntax.js";
import { indentUnit } from "../pipelines/indent.js";
import { channelInfo, consumersOf, pubsubsFromEarlierRounds, scopeOf, type ChannelInfo, type ConvertedChannel } from "./channels.js";
import { reportEscapes } from "./escapes.js";
import { migrateLeftoverUses, waitForMessage } from "./leftover-uses.js";
import { encodesBack, messageName, payloadExpression, WHY_ENCODED_BACK } from "./payload.js";

const WHY_SUBSCRIBE =
  "redis-py has no Channel objects: a `PubSub` from `client.pubsub()` holds the subscriptions and yields message dicts.";
const WHY_LOOP =
  "`PubSub.listen()` yields every message dict, subscription confirmations included: keep the published ones and read their `data`.";

/**
 * Pub/sub (reference §7): `ch, = await r.subscribe("c")` → `ch = r.pubsub()` + `await ch.subscribe("c")` (the
 * channel's name now holds the PubSub); consumer loops `async for m in ch.iter()` and
 * `while await ch.wait_message(): m = await ch.get()` → `async for message in ch.listen()` with the message-shape
 * change handled; single reads → a `get_message` loop. Channel methods left on a converted channel (or on the
 * parameter of a consumer it is passed to) are rewritten when redis-py has a certain spelling, else reported.
 * `Receiver`, several channels in one call, and uses that cannot be followed are manual steps with suggested code.
 */
export default defineRule({
  id: "pubsub-channels",
  description: "`subscribe()` Channel objects and their consumer loops → `PubSub` + `listen()` / `get_message()`",
  phase: "code",
  needsImport: false,
  triggers: ["subscribe(", ".wait_message(", ".get_json(", ".iter(", "Receiver"],
  apply(outer) {
    const { ctx, covers } = trackingContext(outer);
    // the subscribing PubSubs by name (unsubscribe goes to them), and every name known to hold a converted channel
    const owners = new Map<string, ChannelInfo>();
    const converted: ConvertedChannel[] = pubsubsFromEarlierRounds(ctx);
    for (const c of converted) owners.set(c.name, c.info);
    // converted on this round: code already written for a PubSub (an earlier round, or by hand) may hand it on
    const madeNow: ConvertedChannel[] = [];
    for (const call of ctx.facts.calls) {
      const parts = callParts(call);
      if (!parts?.receiver || (parts.method !== "subscribe" && parts.method !== "psubscribe")) continue;
      const made = migrateSubscribe(ctx, call, parts.method === "psubscribe", owners);
      if (made) madeNow.push(made);
    }
    converted.push(...madeNow);
    const owned = [...converted];
    const followed = new Set<number>();
    converted.push(...owned.flatMap((c) => consumersOf(ctx, c, followed)));
    const channels = new Map<string, ChannelInfo>(owners);
    for (const c of converted) if (!channels.has(c.name)) channels.set(c.name, c.info);
    for (const loop of ctx.tree.rootNode.descendantsOfType("for_statement")) {
      const receiver = migrateIterLoop(ctx, loop, channels);
      if (receiver) converted.push(...guessedChannel(loop, receiver, channels));
    }
    for (const loop of ctx.tree.rootNode.descendantsOfType("while_statement")) {
      const receiver = migrateWaitLoop(ctx, loop, channels);
      if (receiver) converted.push(...guessedChannel(loop, receiver, channels));
    }
    for (const call of ctx.facts.calls) migrateSingleRead(ctx, call, channels);
    for (const call of ctx.facts.calls) migrateUnsubscribe(ctx, call, owners);
    migrateLeftoverUses(ctx, converted, covers);
    reportEscapes(ctx, madeNow, followed);
    // `Receiver` itself is reported by the type-references rule (it has no redis-py class)
  },
});

/** The rule's context, remembering what it rewrote or reported: leftover Channel uses inside those are taken care of. */
function trackingContext(ctx: RuleContext): { ctx: RuleContext; covers: (node: SyntaxNode) => boolean } {
  const ranges: (readonly [number, number])[] = [];
  const tracked: RuleContext = {
    ...ctx,
    rewrite(edits, why) {
      for (const e of edits) ranges.push([e.start, e.end]);
      ctx.rewrite(edits, why);
    },
    replace(node, text, why) {
      ranges.push([node.startIndex, node.endIndex]);
      ctx.replace(node, text, why);
    },
    manual(finding) {
      ranges.push([finding.node.startIndex, finding.node.endIndex]);
      ctx.manual(finding);
    },
  };
  const covers = (node: SyntaxNode): boolean => ranges.some(([s, e]) => s < e && s <= node.startIndex && node.endIndex <= e);
  return { ctx: tracked, covers };
}

/**
 * A consumer loop rewritten on a channel known only by its name (`async def consume(channel)` in a module that never
 * subscribes): its other Channel uses in the same function are now on a PubSub too.
 */
function guessedChannel(loop: SyntaxNode, receiver: SyntaxNode, channels: ReadonlyMap<string, ChannelInfo>): ConvertedChannel[] {
  const scope = enclosingFunction(loop);
  if (receiver.type !== "identifier" || channels.has(receiver.text) || !scope) return [];
  // what it subscribed (and whether to a pattern) is decided elsewhere: unknown here
  const info: ChannelInfo = { pattern: false, receiver: "", channel: "", codec: null };
  return [{ name: receiver.text, scope, from: scope.startIndex, info }];
}

/** `ch, = await r.subscribe("c")` and its spellings; records the channel name. */
function migrateSubscribe(ctx: RuleContext, call: SyntaxNode, pattern: boolean, channels: Map<string, ChannelInfo>): ConvertedChannel | null {
  const parts = callParts(call)!;
  const receiver = parts.receiver!;
  const awaited = awaitingParent(call);
  if (!awaited) return null;
  const kind = ctx.facts.receiverKind(receiver);
  if (kind === "pipeline" || kind === "transaction") return null;
  // redis-py's PubSub.subscribe is awaited too: `await pubsub.subscribe(...)` with no result used is already migrated
  const target = subscribeTarget(awaited);
  if (!target) {
    // `await pubsub.subscribe(...)` on a redis-py PubSub (already migrated code) has no Channel result to keep
    if (channels.has(receiver.text) || /pubsub|^ps$|^p$/i.test(receiver.text)) return null;
    if (!ctx.facts.isRedisReceiver(receiver, ctx.options.repositoryUsesAioredis)) return null;
    ctx.manual({
      node: call,
      what: "aioredis `subscribe()` returned Channel objects; redis-py subscribes a `PubSub` object instead. Keep a `PubSub` and read messages from it.",
      suggestion: `pubsub = ${receiver.text}.pubsub()\nawait pubsub.${parts.method}${parts.args.text}\nasync for message in pubsub.listen():\n    ...`,
    });
    return null;
  }
  const stmt = target.statement;
  const usesReceiverChannel = parts.positional.some((a) => /\.(channel|pattern)\(/.test(a.text));
  if (parts.positional.length !== 1 || parts.hasSplat || usesReceiverChannel) {
    ctx.manual({
      node: stmt,
      what: "This subscribes several channels (or a Receiver's) at once and keeps a Channel object for each; redis-py delivers them all through one `PubSub`. Split the consumers by `message[\"channel\"]`.",
      suggestion: `pubsub = ${receiver.text}.pubsub()\nawait pubsub.${parts.method}${parts.args.text}\nasync for message in pubsub.listen():\n    if message["type"] == "${pattern ? "pmessage" : "message"}":\n        ...  # message["channel"], message["data"]`,
    });
    return null;
  }
  const name = target.name;
  const indent = ctx.source.indentAt(stmt.startIndex);
  const nl = ctx.source.newline;
  const edits = [{ start: stmt.startIndex, end: stmt.endIndex, text: `${name} = ${receiver.text}.pubsub()${nl}${indent}await ${name}.${parts.method}${parts.args.text}` }];
  if (target.pickStatement) edits.push(deleteLine(ctx, target.pickStatement));
  ctx.rewrite(edits, WHY_SUBSCRIBE);
  const info = channelInfo(ctx, receiver, pattern, parts.positional[0]!);
  channels.set(name, info);
  return { name, scope: scopeOf(ctx, stmt), from: (target.pickStatement ?? stmt).endIndex, info };
}

function deleteLine(ctx: RuleContext, stmt: SyntaxNode): { start: number; end: number; text: string } {
  return removeLinesKeepingComments(ctx.source, stmt);
}

/** `await r.unsubscribe("c")` on the client that subscribed → on the PubSub that holds "c". */
function migrateUnsubscribe(ctx: RuleContext, call: SyntaxNode, channels: ReadonlyMap<string, ChannelInfo>): void {
  const parts = callParts(call);
  if (!parts?.receiver || (parts.method !== "unsubscribe" && parts.method !== "punsubscribe") || !awaitingParent(call)) return;
  if (channels.has(parts.receiver.text)) return; // already on the PubSub
  const owner = [...channels.entries()].find(
    ([, c]) => c.receiver === parts.receiver!.text && parts.positional.length === 1 && c.channel === parts.positional[0]!.text,
  );
  if (!owner) {
    if (!ctx.facts.isRedisReceiver(parts.receiver, ctx.options.repositoryUsesAioredis) || channels.size === 0) return;
    ctx.manual({
      node: call,
      what: `In redis-py, unsubscribe on the \`PubSub\` that subscribed (\`${[...channels.keys()].join("`, `")}\`), not on the client.`,
      suggestion: `await ${[...channels.keys()][0]}.${parts.method}${parts.args.text}`,
    });
    return;
  }
  ctx.replace(parts.receiver, owner[0], "Subscriptions live on the redis-py `PubSub` object, so unsubscribe there.");
}

/** `ch, = await …`, `[ch] = await …`, `ch = (await …)[0]`, `res = await …` followed by `ch = res[0]`. */
function subscribeTarget(awaited: SyntaxNode): { name: string; statement: SyntaxNode; pickStatement?: SyntaxNode } | null {
  let node = awaited;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  let holder = node.parent;
  if (holder?.type === "subscript" && holder.childForFieldName("subscript")?.text === "0") {
    node = holder;
    holder = node.parent;
  }
  if (holder?.type !== "assignment" || holder.childForFieldName("right")?.id !== node.id) return null;
  const left = holder.childForFieldName("left")!;
  const stmt = holder.parent;
  if (stmt?.type !== "expression_statement") return null;
  if (node.type === "subscript" && left.type === "identifier") return { name: left.text, statement: stmt };
  if (left.type === "identifier") {
    const pick = pickFirst(stmt, left.text);
    return pick ? { name: pick.name, statement: stmt, pickStatement: pick.statement } : null;
  }
  if ((left.type === "pattern_list" || left.type === "list_pattern" || left.type === "tuple_pattern") && left.namedChildCount === 1) {
    const only = left.namedChild(0)!;
    if (only.type === "identifier") return { name: only.text, statement: stmt };
  }
  return null;
}

/** The statement right after `res = await r.subscribe(…)` that reads `ch = res[0]`, when `res` is used nowhere else. */
function pickFirst(stmt: SyntaxNode, list: string): { name: string; statement: SyntaxNode } | null {
  const next = nextStatement(stmt);
  const expr = next?.type === "expression_statement" ? unparenthesize(next.namedChild(0)!) : null;
  if (expr?.type !== "assignment") return null;
  const left = expr.childForFieldName("left");
  const right = expr.childForFieldName("right");
  if (left?.type !== "identifier" || right?.type !== "subscript") return null;
  if (right.childForFieldName("value")?.text !== list || right.childForFieldName("subscript")?.text !== "0") return null;
  const scope = stmt.parent!;
  const uses = scope.descendantsOfType("identifier").filter((id) => id.text === list).length;
  return uses === 2 ? { name: left.text, statement: next! } : null;
}

function isChannel(ctx: RuleContext, node: SyntaxNode, channels: ReadonlyMap<string, ChannelInfo>): boolean {
  const n = unparenthesize(node);
  if (channels.has(n.text)) return true;
  return n.type === "identifier" && ctx.options.repositoryUsesAioredis && CHANNEL_LIKE_NAME.test(n.text);
}

/** `async for m in ch.iter(...)` → `async for message in ch.listen():` + filter + `m = message["data"]`; returns `ch`. */
function migrateIterLoop(ctx: RuleContext, loop: SyntaxNode, channels: ReadonlyMap<string, ChannelInfo>): SyntaxNode | null {
  if (!loop.text.startsWith("async")) return null;
  const right = loop.childForFieldName("right");
  const left = loop.childForFieldName("left");
  const body = loop.childForFieldName("body");
  const parts = right ? callParts(unparenthesize(right)) : null;
  if (!parts?.receiver || parts.method !== "iter" || !left || !body) return null;
  if (!isChannel(ctx, parts.receiver, channels)) return null;
  const channel = channels.get(parts.receiver.text);
  const pattern = channel?.pattern ?? false;
  const message = messageName(ctx);
  const first = statementsOf(body)[0];
  if (!first) return null;
  const indent = ctx.source.indentAt(first.startIndex);
  const nl = ctx.source.newline;
  const kind = pattern ? "pmessage" : "message";
  const unit = indentUnit(ctx.source, body);
  const prologue = `if ${message}["type"] != "${kind}":${nl}${indent}${unit}continue${nl}${indent}${left.text} = ${payloadExpression(ctx, parts.call, message, channel)}${nl}${indent}`;
  ctx.rewrite(
    [
      { start: left.startIndex, end: left.endIndex, text: message },
      { start: right!.startIndex, end: right!.endIndex, text: `${parts.receiver.text}.listen()` },
      { start: first.startIndex, end: first.startIndex, text: prologue },
    ],
    WHY_LOOP + (encodesBack(parts.call, channel) ? WHY_ENCODED_BACK : ""),
  );
  return parts.receiver;
}

/** `while await ch.wait_message(): m = await ch.get()` → `async for message in ch.listen(): …`; returns `ch` if rewritten. */
function migrateWaitLoop(ctx: RuleContext, loop: SyntaxNode, channels: ReadonlyMap<string, ChannelInfo>): SyntaxNode | null {
  const condition = loop.childForFieldName("condition");
  const body = loop.childForFieldName("body");
  const awaited = condition ? unparenthesize(condition) : null;
  const call = awaited?.type === "await" ? unparenthesize(awaited.namedChild(0)!) : null;
  const parts = call ? callParts(call) : null;
  if (!parts?.receiver || parts.method !== "wait_message" || !body) return null;
  const channel = parts.receiver.text;
  const first = statementsOf(body)[0];
  const read = first ? readAssignment(first, channel) : null;
  if (!insideAsyncFunction(loop) || !read || loop.childForFieldName("alternative")) {
    ctx.manual({
      node: loop,
      what: "`wait_message()` loops have no redis-py equivalent: iterate `listen()` on the PubSub and read `message[\"data\"]` from the published messages.",
      suggestion: `async for message in ${channel}.listen():\n    if message["type"] != "message":\n        continue\n    data = message["data"]\n    ...`,
    });
    return null;
  }
  const info = channels.get(channel);
  const pattern = info?.pattern ?? false;
  const message = messageName(ctx);
  const indent = ctx.source.indentAt(first!.startIndex);
  const nl = ctx.source.newline;
  const headerEnd = body.startIndex;
  const colon = ctx.source.text.lastIndexOf(":", headerEnd);
  ctx.rewrite(
    [
      { start: loop.startIndex, end: colon, text: `async for ${message} in ${channel}.listen()` },
      {
        start: first!.startIndex,
        end: first!.endIndex,
        text: `if ${message}["type"] != "${pattern ? "pmessage" : "message"}":${nl}${indent}${indentUnit(ctx.source, body)}continue${nl}${indent}${read.target} = ${payloadExpression(ctx, read.call, message, info)}`,
      },
    ],
    WHY_LOOP + (encodesBack(read.call, info) ? WHY_ENCODED_BACK : ""),
  );
  return parts.receiver;
}

function readAssignment(stmt: SyntaxNode, channel: string): { target: string; call: SyntaxNode } | null {
  const expr = stmt.type === "expression_statement" ? unparenthesize(stmt.namedChild(0)!) : null;
  if (expr?.type !== "assignment") return null;
  const right = unparenthesize(expr.childForFieldName("right")!);
  const call = right.type === "await" ? unparenthesize(right.namedChild(0)!) : null;
  const parts = call ? callParts(call) : null;
  if (!parts || parts.receiver?.text !== channel || (parts.method !== "get" && parts.method !== "get_json")) return null;
  return { target: expr.childForFieldName("left")!.text, call: call! };
}

/** `m = await ch.get()` outside a loop → wait for the next published message with `get_message`. */
function migrateSingleRead(ctx: RuleContext, call: SyntaxNode, channels: ReadonlyMap<string, ChannelInfo>): void {
  const parts = callParts(call);
  if (!parts?.receiver || (parts.method !== "get" && parts.method !== "get_json")) return;
  if (parts.method === "get" && !channels.has(parts.receiver.text)) return;
  if (parts.method === "get_json" && !isChannel(ctx, parts.receiver, channels)) return;
  const awaited = awaitingParent(call);
  const expr = awaited?.parent;
  const stmt = expr?.parent;
  if (!awaited || expr?.type !== "assignment" || stmt?.type !== "expression_statement" || stmt.parent?.type !== "block") return;
  if (stmt.parent.parent?.type === "while_statement" && /wait_message/.test(stmt.parent.parent.childForFieldName("condition")?.text ?? "")) return;
  const channel = parts.receiver.text;
  const info = channels.get(channel);
  const message = messageName(ctx);
  const indent = ctx.source.indentAt(stmt.startIndex);
  const nl = ctx.source.newline;
  const target = expr.childForFieldName("left")!.text;
  const lines = [...waitForMessage(channel, message), `${target} = ${payloadExpression(ctx, call, message, info)}`];
  ctx.rewrite(
    [{ start: stmt.startIndex, end: stmt.endIndex, text: lines.join(nl + indent) }],
    "A redis-py PubSub has no blocking `get()`: poll `get_message()` until a published message arrives (subscription confirmations are skipped)." +
      (encodesBack(call, info) ? WHY_ENCODED_BACK : ""),
  );
}
