import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { awaitingParent, callParts, enclosingStatement, insideAsyncFunction } from "../../syntax.js";
import type { ConvertedChannel } from "./channels.js";
import { messageName, payloadExpression } from "./payload.js";

/** The public API of an aioredis 1.x `Channel` (aioredis/pubsub.py): a redis-py `PubSub` has none of it. */
const CHANNEL_ONLY = new Set(["name", "is_pattern", "is_active", "get", "get_json", "iter", "wait_message", "put_nowait", "close"]);

const WHY_IS_ACTIVE =
  "A redis-py `PubSub` has no `is_active`; `subscribed` is true while it holds a subscription, and this PubSub holds only the channel the aioredis Channel stood for.";
const WHY_IS_PATTERN = "A redis-py `PubSub` has no `is_pattern`; it is a pattern subscription when `patterns` is not empty.";
const STATEMENTS = new Set(["expression_statement", "return_statement"]);

/**
 * Uses of a converted channel that no consumer rewrite covered (`covered`): the ones with a certain redis-py
 * spelling are rewritten (`is_active` → `subscribed`, `is_pattern` → `bool(patterns)`, a sync `close()` → an awaited
 * close); every other Channel-only method or attribute is a manual step with suggested code, never left silently.
 */
export function migrateLeftoverUses(ctx: RuleContext, converted: readonly ConvertedChannel[], covered: (node: SyntaxNode) => boolean): void {
  const seen = new Set<number>();
  for (const channel of converted) {
    const until = reboundAt(channel);
    for (const attr of channel.scope.descendantsOfType("attribute")) {
      const object = attr.childForFieldName("object");
      const name = attr.childForFieldName("attribute")?.text ?? "";
      if (attr.startIndex < channel.from || attr.startIndex > until || seen.has(attr.id) || !CHANNEL_ONLY.has(name)) continue;
      if (object?.type !== "identifier" || object.text !== channel.name || covered(attr) || shadowed(attr, channel)) continue;
      seen.add(attr.id);
      migrateUse(ctx, attr, name, channel);
    }
  }
}

function migrateUse(ctx: RuleContext, attr: SyntaxNode, name: string, channel: ConvertedChannel): void {
  const call = attr.parent?.type === "call" && attr.parent.childForFieldName("function")?.id === attr.id ? attr.parent : null;
  const ps = channel.name;
  if (name === "is_active" && !call) ctx.replace(attr.childForFieldName("attribute")!, "subscribed", WHY_IS_ACTIVE);
  else if (name === "is_pattern" && !call) ctx.replace(attr, `bool(${ps}.patterns)`, WHY_IS_PATTERN);
  else if (name === "close") closeChannel(ctx, call ?? attr, ps, call !== null);
  else if ((name === "get" || name === "get_json") && call) reportRead(ctx, call, name, channel);
  else if (name === "wait_message" && call) reportWait(ctx, call, channel);
  else if (name === "iter" && call) reportIter(ctx, call, channel);
  else if (name === "name" && !call) reportName(ctx, attr, channel);
  else
    ctx.manual({
      node: attr,
      what: `A redis-py \`PubSub\` has no \`${name}\` (aioredis Channel API): rewrite this use of \`${ps}\` with the PubSub's \`get_message()\`, \`listen()\`, \`subscribed\`, \`channels\`/\`patterns\` or \`${ctx.options.target === "4.2" ? "close" : "aclose"}()\`.`,
    });
}

/** `ch.name`: the subscribed channel (or pattern) is a key of the PubSub's `channels` (`patterns`). */
function reportName(ctx: RuleContext, attr: SyntaxNode, channel: ConvertedChannel): void {
  const ps = channel.name;
  const set = channel.info.pattern ? "patterns" : "channels";
  const kind = channel.info.pattern ? "pattern" : "channel";
  const subscribed = channel.info.channel
    ? `\`${ps}\` subscribed the ${kind} ${channel.info.channel} (also \`next(iter(${ps}.${set}))\`)`
    : `the ${kind} \`${ps}\` subscribed is \`next(iter(${ps}.${set}))\``;
  ctx.manual({
    node: attr,
    what: `A redis-py \`PubSub\` has no \`name\`: ${subscribed}. aioredis gave the name as bytes; the PubSub's keys are bytes, or str when the client decodes responses.`,
    suggestion: `next(iter(${ps}.${set}))`,
  });
}

/**
 * aioredis' `ch.close()` was synchronous; the PubSub's close is a coroutine (`aclose()` from redis-py 5.0.1). `use` is
 * the call, or the bare `ch.close` handed on as a callback (`called` false).
 */
function closeChannel(ctx: RuleContext, use: SyntaxNode, ps: string, called: boolean): void {
  if (awaitingParent(use)) return; // already redis-py's coroutine: the lifecycle rule renames it
  const close = ctx.options.target === "4.2" ? "close" : "aclose";
  if (!called) {
    ctx.manual({
      node: use,
      what: `\`${ps}.close\` is a coroutine function on a redis-py \`PubSub\`: called as a callback it only creates a coroutine and never closes anything. Schedule \`${ps}.${close}()\` as a task instead.`,
      suggestion: `lambda: asyncio.ensure_future(${ps}.${close}())`,
    });
    return;
  }
  const call = use;
  const alone = call.parent?.type === "expression_statement" && callParts(call)?.args.namedChildCount === 0;
  if (alone && insideAsyncFunction(call)) {
    ctx.replace(call, `await ${ps}.${close}()`, `aioredis' \`Channel.close()\` was synchronous; a redis-py PubSub is closed by awaiting \`${close}()\`, which also drops its subscriptions and returns its connection to the pool.`);
    return;
  }
  ctx.manual({
    node: call,
    what: `Close the redis-py \`PubSub\` \`${ps}\` with an awaited \`${ps}.${close}()\` (from sync code: \`asyncio.ensure_future(${ps}.${close}())\`): its close is a coroutine, so this synchronous call would not run.`,
    suggestion: insideAsyncFunction(call) ? `await ${ps}.${close}()` : `asyncio.ensure_future(${ps}.${close}())`,
  });
}

/** `print(await ch.get())` and other reads the consumer rewrites do not take: the get_message loop, then the statement. */
function reportRead(ctx: RuleContext, call: SyntaxNode, method: string, channel: ConvertedChannel): void {
  const message = messageName(ctx);
  const ps = channel.name;
  const stmt = enclosingStatement(call);
  const awaited = awaitingParent(call);
  const payload = payloadExpression(ctx, call, message, channel.info);
  const simple = awaited !== null && STATEMENTS.has(stmt.type) && insideAsyncFunction(call);
  const use = simple
    ? stmt.text.slice(0, awaited.startIndex - stmt.startIndex) + payload + stmt.text.slice(awaited.endIndex - stmt.startIndex)
    : `data = ${payload}`;
  const oneLine = ctx.source.lineIndexAt(stmt.startIndex) === ctx.source.lineIndexAt(stmt.endIndex);
  ctx.manual({
    node: call,
    what: `A redis-py \`PubSub\` has no \`${method}()\`: wait for the next published message with \`${ps}.get_message()\` and read its \`"data"\`. One \`get_message()\` returns None on timeout and for the subscription confirmation, hence the loop; the message is a dict (\`${message}["data"]\` is the payload${channel.info.pattern ? `, \`${message}["channel"]\` the channel` : ""}).`,
    suggestion: [...waitForMessage(ps, message), use].join("\n"),
    replacesLines: simple && oneLine ? 1 : 0,
  });
}

/** `if await ch.wait_message():` and other waits outside the `while … get()` loop the rule rewrites. */
function reportWait(ctx: RuleContext, call: SyntaxNode, channel: ConvertedChannel): void {
  const message = messageName(ctx);
  const ps = channel.name;
  ctx.manual({
    node: call,
    what: `A redis-py \`PubSub\` has no \`wait_message()\`: \`await ${ps}.get_message(timeout=…)\` waits for the next message itself and returns None when none came in time.`,
    suggestion: [
      `${message} = await ${ps}.get_message(ignore_subscribe_messages=True, timeout=1.0)`,
      `if ${message} is not None:`,
      `    data = ${payloadExpression(ctx, call, message, channel.info)}`,
    ].join("\n"),
  });
}

/** `it = ch.iter()`, `[m async for m in ch.iter()]`: only the plain `async for` loop is rewritten. */
function reportIter(ctx: RuleContext, call: SyntaxNode, channel: ConvertedChannel): void {
  const message = messageName(ctx);
  const ps = channel.name;
  ctx.manual({
    node: call,
    what: `A redis-py \`PubSub\` has no \`iter()\`: iterate \`${ps}.listen()\`, which also yields the (un)subscribe confirmations, and keep the published messages' \`"data"\`.`,
    suggestion: [
      `async for ${message} in ${ps}.listen():`,
      `    if ${message}["type"] != "${channel.info.pattern ? "pmessage" : "message"}":`,
      `        continue`,
      `    data = ${payloadExpression(ctx, call, message, channel.info)}`,
      `    ...`,
    ].join("\n"),
  });
}

/** Lines that poll `get_message()` until a published message arrives (subscription confirmations skipped). */
export function waitForMessage(ps: string, message: string): string[] {
  return [
    `while True:`,
    `    ${message} = await ${ps}.get_message(ignore_subscribe_messages=True, timeout=1.0)`,
    `    if ${message} is not None:`,
    `        break`,
  ];
}

/** Binding targets: `x = …`, `x, y = …`, `for x in …`, `with … as x`, `except … as x`. */
const TARGET_PARENTS = new Set(["assignment", "augmented_assignment", "pattern_list", "tuple_pattern", "list_pattern", "for_statement", "as_pattern_target", "as_pattern"]);

/** Where the name is bound to something else after the subscribe (its later uses are not the PubSub's), else Infinity. */
function reboundAt(channel: ConvertedChannel): number {
  for (const id of channel.scope.descendantsOfType("identifier")) {
    if (id.startIndex < channel.from || id.text !== channel.name || !TARGET_PARENTS.has(id.parent?.type ?? "")) continue;
    const parent = id.parent!;
    const left = parent.type === "assignment" || parent.type === "augmented_assignment" || parent.type === "for_statement" ? parent.childForFieldName("left") : id;
    if (left?.id === id.id) return id.startIndex;
  }
  return Infinity;
}

/** A nested function or lambda between the use and the channel's scope rebinds the name as a parameter. */
function shadowed(attr: SyntaxNode, channel: ConvertedChannel): boolean {
  for (let p = attr.parent; p && p.id !== channel.scope.id; p = p.parent) {
    if (p.type !== "function_definition" && p.type !== "lambda") continue;
    const params = p.childForFieldName("parameters");
    if (params?.descendantsOfType("identifier").some((id) => id.text === channel.name && id.parent?.type !== "attribute")) return true;
  }
  return false;
}
