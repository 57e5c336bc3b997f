import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { expressionKey, unparenthesize } from "../../syntax.js";
import { confidence, isSure, methodCall, type MethodStatement } from "./receiver.js";

const WHY_ACLOSE = "redis-py 5.0.1 renamed the close coroutine to `aclose()`; `close()` is deprecated.";
const WHY_PUBSUB_ACLOSE = "redis-py 5.0.1 renamed the PubSub close coroutine to `aclose()`; `close()` and `reset()` are deprecated aliases.";
const WHY_FROM_URL_POOL =
  "On redis-py 4.2–4.6 a `from_url` client does not own its connection pool: `close()` leaves the pool's sockets open (fixed in 5.0.0); `close_connection_pool=True` closes them.";

/** aioredis 2.x `from_url` spellings. redis-py builds the same client, which owns its pool only from 5.0.0 on. */
const FROM_URL = new Set(["aioredis.from_url", "aioredis.Redis.from_url", "aioredis.StrictRedis.from_url", "aioredis.utils.from_url"]);

/**
 * Awaited closes that already have redis-py's shape (aioredis 2.x code, reference §12): on the 5.0.1 target a
 * client's or PubSub's `await X.close()` (and the PubSub's `reset()`) becomes `aclose()`; on the 4.2 target a
 * `from_url` client's `await X.close()` asks for its pool to be closed too.
 */
export function migrateAwaitedCloses(ctx: RuleContext, closes: readonly MethodStatement[], resets: readonly MethodStatement[]): void {
  const pubsubs = pubsubReceivers(ctx);
  const isPubSub = (m: MethodStatement): boolean => pubsubs.has(expressionKey(m.receiver));
  if (ctx.options.target === "4.2") {
    const fromUrl = fromUrlClients(ctx);
    for (const close of closes.filter((c) => c.awaited && fromUrl.has(expressionKey(c.receiver)))) {
      const args = close.call.childForFieldName("arguments")!;
      ctx.rewrite([{ start: args.startIndex, end: args.endIndex, text: "(close_connection_pool=True)" }], WHY_FROM_URL_POOL);
    }
    return;
  }
  for (const close of closes.filter((c) => c.awaited)) {
    if (isPubSub(close)) renameToAclose(ctx, close, WHY_PUBSUB_ACLOSE);
    else if (isSure(confidence(ctx, close.receiver))) renameToAclose(ctx, close, WHY_ACLOSE);
  }
  for (const reset of resets.filter((r) => r.awaited && isPubSub(r))) renameToAclose(ctx, reset, WHY_PUBSUB_ACLOSE);
}

function renameToAclose(ctx: RuleContext, m: MethodStatement, why: string): void {
  ctx.rewrite([{ start: m.methodNode.startIndex, end: m.methodNode.endIndex, text: "aclose" }], why);
}

/** The values assigned to each expression of the module (`r = …`, `self.redis = …`), by expression key. */
function assignedValues(ctx: RuleContext): Map<string, SyntaxNode[]> {
  const values = new Map<string, SyntaxNode[]>();
  for (const a of ctx.tree.rootNode.descendantsOfType("assignment")) {
    const left = a.childForFieldName("left");
    const right = a.childForFieldName("right");
    if (!left || !right || !["identifier", "attribute", "subscript"].includes(left.type)) continue;
    const key = expressionKey(left);
    values.set(key, [...(values.get(key) ?? []), unparenthesize(right)]);
  }
  return values;
}

/** Expressions assigned only values `made` accepts (and `None`, as in `self.redis = None` before connecting). */
function onlyAssigned(ctx: RuleContext, made: (value: SyntaxNode) => boolean): Set<string> {
  const keys = new Set<string>();
  for (const [key, values] of assignedValues(ctx)) {
    if (values.some(made) && values.every((v) => v.type === "none" || made(v))) keys.add(key);
  }
  return keys;
}

/** Expressions holding an aioredis 2.x `from_url(...)` client. */
function fromUrlClients(ctx: RuleContext): Set<string> {
  return onlyAssigned(ctx, (v) => v.type === "call" && FROM_URL.has(ctx.facts.resolve(v.childForFieldName("function")!) ?? ""));
}

/**
 * Expressions holding a PubSub: assigned from `X.pubsub(...)`, or bound by `async with X.pubsub() as ps`,
 * where X surely is a client.
 */
function pubsubReceivers(ctx: RuleContext): Set<string> {
  const isPubsubCall = (v: SyntaxNode): boolean => {
    const m = v.type === "call" ? methodCall(v, v, false) : null;
    return m !== null && m.method === "pubsub" && isSure(confidence(ctx, m.receiver));
  };
  const keys = onlyAssigned(ctx, isPubsubCall);
  for (const pattern of ctx.tree.rootNode.descendantsOfType("as_pattern")) {
    const alias = pattern.childForFieldName("alias");
    const value = pattern.namedChild(0);
    if (pattern.parent?.type === "with_item" && alias && value && isPubsubCall(unparenthesize(value))) keys.add(expressionKey(alias));
  }
  return keys;
}
