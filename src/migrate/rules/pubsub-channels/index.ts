import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { awaitingParent, callParts, insideAsyncFunction, nextStatement, statementsOf, unparenthesize } from "../../syntax.js";
import { indentUnit } from "../pipelines/indent.js";
import { messageName, payloadExpression } from "./payload.js";

const WHY_SUBSCRIBE =
  "redis-py has no Channel objects: a `PubSub` from `client.pubsub()` holds the subscriptions and yields message dicts.";
const WHY_LOOP =
  "`PubSub.listen()` yields every message dict, subscription confirmations included: keep the published ones and read their `data`.";
/** A Channel variable the rule turned into a PubSub: its pattern-ness, the client and the channel argument. */
interface ChannelInfo {
  readonly pattern: boolean;
  readonly receiver: string;
  readonly channel: string;
}

const CHANNEL_NAME = /^(ch|chan|channel|pch|sub|subscription|\w*_ch|\w*_chan|\w*channel\w*)$/i;

/**
 * Pub/sub (reference §7): `ch, = await r.subscribe("c")` → `ch = r.pubsub()` + `await ch.subscribe("c")` (the
 * channel's name now holds the PubSub); consumer loops `async for m in ch.iter()` and
 * `while await ch.wait_message(): m = await ch.get()` → `async for message in ch.listen()` with the message-shape
 * change handled; single reads → a `get_message` loop. `Receiver`, several channels in one call, and uses that
 * cannot be followed are manual steps with suggested code.
 */
export default defineRule({
  id: "pubsub-channels",
  description: "`subscribe()` Channel objects and their consumer loops → `PubSub` + `listen()` / `get_message()`",
  phase: "code",
  needsImport: false,
  triggers: ["subscribe(", ".wait_message(", ".get_json(", ".iter(", "Receiver"],
  apply(ctx) {
    const channels = new Map<string, ChannelInfo>();
    for (const call of ctx.facts.calls) {
      const parts = callParts(call);
      if (!parts?.receiver || (parts.method !== "subscribe" && parts.method !== "psubscribe")) continue;
      migrateSubscribe(ctx, call, parts.method === "psubscribe", channels);
    }
    for (const loop of ctx.tree.rootNode.descendantsOfType("for_statement")) migrateIterLoop(ctx, loop, channels);
    for (const loop of ctx.tree.rootNode.descendantsOfType("while_statement")) migrateWaitLoop(ctx, loop, channels);
    for (const call of ctx.facts.calls) migrateSingleRead(ctx, call, channels);
    for (const call of ctx.facts.calls) migrateUnsubscribe(ctx, call, channels);
    // `Receiver` itself is reported by the type-references rule (it has no redis-py class)
  },
});

/** `ch, = await r.subscribe("c")` and its spellings; records the channel name. */
function migrateSubscribe(ctx: RuleContext, call: SyntaxNode, pattern: boolean, channels: Map<string, ChannelInfo>): void {
  const parts = callParts(call)!;
  const receiver = parts.receiver!;
  const awaited = awaitingParent(call);
  if (!awaited) return;
  const kind = ctx.facts.receiverKind(receiver);
  if (kind === "pipeline" || kind === "transaction") return;
  // redis-py's PubSub.subscribe is awaited too: `await pubsub.subscribe(...)` with no result used is already migrated
  const target = subscribeTarget(awaited);
  if (!target) {
    // `await pubsub.subscribe(...)` on a redis-py PubSub (already migrated code) has no Channel result to keep
    if (channels.has(receiver.text) || /pubsub|^ps$|^p$/i.test(receiver.text)) return;
    if (!ctx.facts.isRedisReceiver(receiver, ctx.options.repositoryUsesAioredis)) return;
    ctx.manual({
      node: call,
      what: "aioredis `subscribe()` returned Channel objects; redis-py subscribes a `PubSub` object instead. Keep a `PubSub` and read messages from it.",
      suggestion: `pubsub = ${receiver.text}.pubsub()\nawait pubsub.${parts.method}${parts.args.text}\nasync for message in pubsub.listen():\n    ...`,
    });
    return;
  }
  const stmt = target.statement;
  const usesReceiverChannel = parts.positional.some((a) => /\.(channel|pattern)\(/.test(a.text));
  if (parts.positional.length !== 1 || parts.hasSplat || usesReceiverChannel) {
    ctx.manual({
      node: stmt,
      what: "This subscribes several channels (or a Receiver's) at once and keeps a Channel object for each; redis-py delivers them all through one `PubSub`. Split the consumers by `message[\"channel\"]`.",
      suggestion: `pubsub = ${receiver.text}.pubsub()\nawait pubsub.${parts.method}${parts.args.text}\nasync for message in pubsub.listen():\n    if message["type"] == "${pattern ? "pmessage" : "message"}":\n        ...  # message["channel"], message["data"]`,
    });
    return;
  }
  const name = target.name;
  const indent = ctx.source.indentAt(stmt.startIndex);
  const nl = ctx.source.newline;
  const edits = [{ start: stmt.startIndex, end: stmt.endIndex, text: `${name} = ${receiver.text}.pubsub()${nl}${indent}await ${name}.${parts.method}${parts.args.text}` }];
  if (target.pickStatement) edits.push(deleteLine(ctx, target.pickStatement));
  ctx.rewrite(edits, WHY_SUBSCRIBE);
  channels.set(name, { pattern, receiver: receiver.text, channel: parts.positional[0]!.text });
}

function deleteLine(ctx: RuleContext, stmt: SyntaxNode): { start: number; end: number; text: string } {
  const line = ctx.source.lineIndexAt(stmt.startIndex);
  return { start: ctx.source.lineStart(line), end: ctx.source.lineEndWithTerminator(ctx.source.lineIndexAt(stmt.endIndex)), text: "" };
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
  return n.type === "identifier" && ctx.options.repositoryUsesAioredis && CHANNEL_NAME.test(n.text);
}

/** `async for m in ch.iter(...)` → `async for message in ch.listen():` + filter + `m = message["data"]`. */
function migrateIterLoop(ctx: RuleContext, loop: SyntaxNode, channels: ReadonlyMap<string, ChannelInfo>): void {
  if (!loop.text.startsWith("async")) return;
  const right = loop.childForFieldName("right");
  const left = loop.childForFieldName("left");
  const body = loop.childForFieldName("body");
  const parts = right ? callParts(unparenthesize(right)) : null;
  if (!parts?.receiver || parts.method !== "iter" || !left || !body) return;
  if (!isChannel(ctx, parts.receiver, channels)) return;
  const pattern = channels.get(parts.receiver.text)?.pattern ?? false;
  const message = messageName(ctx);
  const first = statementsOf(body)[0];
  if (!first) return;
  const indent = ctx.source.indentAt(first.startIndex);
  const nl = ctx.source.newline;
  const kind = pattern ? "pmessage" : "message";
  const unit = indentUnit(ctx.source, body);
  const prologue = `if ${message}["type"] != "${kind}":${nl}${indent}${unit}continue${nl}${indent}${left.text} = ${payloadExpression(ctx, parts.call, message, pattern)}${nl}${indent}`;
  ctx.rewrite(
    [
      { start: left.startIndex, end: left.endIndex, text: message },
      { start: right!.startIndex, end: right!.endIndex, text: `${parts.receiver.text}.listen()` },
      { start: first.startIndex, end: first.startIndex, text: prologue },
    ],
    WHY_LOOP,
  );
}

/** `while await ch.wait_message(): m = await ch.get()` → `async for message in ch.listen(): …`. */
function migrateWaitLoop(ctx: RuleContext, loop: SyntaxNode, channels: ReadonlyMap<string, ChannelInfo>): void {
  const condition = loop.childForFieldName("condition");
  const body = loop.childForFieldName("body");
  const awaited = condition ? unparenthesize(condition) : null;
  const call = awaited?.type === "await" ? unparenthesize(awaited.namedChild(0)!) : null;
  const parts = call ? callParts(call) : null;
  if (!parts?.receiver || parts.method !== "wait_message" || !body) return;
  const channel = parts.receiver.text;
  const first = statementsOf(body)[0];
  const read = first ? readAssignment(first, channel) : null;
  if (!insideAsyncFunction(loop) || !read || loop.childForFieldName("alternative")) {
    ctx.manual({
      node: loop,
      what: "`wait_message()` loops have no redis-py equivalent: iterate `listen()` on the PubSub and read `message[\"data\"]` from the published messages.",
      suggestion: `async for message in ${channel}.listen():\n    if message["type"] != "message":\n        continue\n    data = message["data"]\n    ...`,
    });
    return;
  }
  const pattern = channels.get(channel)?.pattern ?? false;
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
        text: `if ${message}["type"] != "${pattern ? "pmessage" : "message"}":${nl}${indent}${indentUnit(ctx.source, body)}continue${nl}${indent}${read.target} = ${payloadExpression(ctx, read.call, message, pattern)}`,
      },
    ],
    WHY_LOOP,
  );
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
  const pattern = channels.get(channel)?.pattern ?? false;
  const message = messageName(ctx);
  const indent = ctx.source.indentAt(stmt.startIndex);
  const nl = ctx.source.newline;
  const target = expr.childForFieldName("left")!.text;
  const lines = [
    `while True:`,
    `    ${message} = await ${channel}.get_message(ignore_subscribe_messages=True, timeout=1.0)`,
    `    if ${message} is not None:`,
    `        break`,
    `${target} = ${payloadExpression(ctx, call, message, pattern)}`,
  ];
  ctx.rewrite(
    [{ start: stmt.startIndex, end: stmt.endIndex, text: lines.join(nl + indent) }],
    "A redis-py PubSub has no blocking `get()`: poll `get_message()` until a published message arrives (subscription confirmations are skipped).",
  );
}
