import type { TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { awaitingParent, expressionKey, insideAsyncFunction } from "../../syntax.js";
import { migrateAwaitedCloses } from "./awaited-close.js";
import { confidence, deleteStatement, isSentinel, isSure, lineWith, methodCall, methodStatements, type MethodStatement } from "./receiver.js";

/** Names that hold asyncio streams and servers, which also have `close()` + `wait_closed()`. */
const STREAM_LIKE = /(writer|server|transport|stream|sock|socket|ws|websocket)$/i;

const WHY_PAIR =
  "aioredis 1.x closed the client and its connections in two steps (`close()`, `await wait_closed()`); redis-py does it in one awaited call, which closes the pool only when asked.";
const WHY_WAIT = "`wait_closed()` does not exist in redis-py: awaiting the close call already waits for the connections to close.";
const WHY_CLOSE = "redis-py's close is a coroutine: without `await` the client is never closed, and it closes the pool only when asked.";
const WHY_CLEAR = "`pool.clear()` (close the idle connections) is `disconnect(inuse_connections=False)` on the client's connection pool in redis-py.";

function closeMethod(ctx: RuleContext): string {
  return ctx.options.target === "4.2" ? "close" : "aclose";
}

/**
 * aioredis 1.x `close()` closed every connection of the client, pool included. redis-py closes the pool only for
 * clients that own it: not for `Redis(connection_pool=...)` (what `create_redis` / `create_pool` become), nor for
 * `from_url` clients before 5.0 (verified: one socket stays open after `close()` on 4.3.4). Asking for it keeps 1.x.
 */
const CLOSE_POOL_ARGS = "(close_connection_pool=True)";

/** `await X.aclose(close_connection_pool=True)` (or `close(...)` for 4.2), with X's own text. */
function awaitedClose(ctx: RuleContext, receiver: SyntaxNode): string {
  return `await ${receiver.text}.${closeMethod(ctx)}${CLOSE_POOL_ARGS}`;
}

/** Turns the statement `X.close()` into `await X.aclose(close_connection_pool=True)` (keeps spacing and comments). */
function awaitCloseEdits(ctx: RuleContext, close: MethodStatement): TextEdit[] {
  const args = close.call.childForFieldName("arguments")!;
  const edits: TextEdit[] = [{ start: close.call.startIndex, end: close.call.startIndex, text: "await " }];
  if (close.method !== closeMethod(ctx)) edits.push({ start: close.methodNode.startIndex, end: close.methodNode.endIndex, text: closeMethod(ctx) });
  edits.push({ start: args.startIndex, end: args.endIndex, text: CLOSE_POOL_ARGS });
  return edits;
}

/**
 * `X.close()` + `await X.wait_closed()` → `await X.aclose()`; lone `await X.wait_closed()` → removed; lone `X.close()`
 * → awaited (inside `async def`) or reported; 2.x `await X.close()` → see `awaited-close.ts`.
 */
export function migrateClose(ctx: RuleContext): void {
  const waits = methodStatements(ctx, "wait_closed").filter((w) => w.awaited);
  const handled = new Set<number>(); // `wait_closed()` calls already migrated with their `close()`
  const closes = methodStatements(ctx, "close");
  for (const close of closes.filter((c) => !c.awaited)) {
    if (!migratePair(ctx, close, waits, handled)) migrateLoneClose(ctx, close);
  }
  removeLoneWaits(ctx, waits, handled);
  reportOtherWaitClosed(ctx, handled);
  migrateAwaitedCloses(ctx, closes, methodStatements(ctx, "reset"));
  migrateClear(ctx);
}

/**
 * `X.close()` followed in the same block by `await X.wait_closed()` (→ one awaited close where the close was), or by
 * another use of `X.wait_closed()` such as `loop.run_until_complete(X.wait_closed())` or `gather(...)` (→ the close
 * coroutine takes its place, the `close()` line goes). Returns whether the pair was found.
 */
function migratePair(ctx: RuleContext, close: MethodStatement, waits: readonly MethodStatement[], handled: Set<number>): boolean {
  const key = expressionKey(close.receiver);
  const wait = waits.find((w) => followsInBlock(close.statement, w.statement) && expressionKey(w.receiver) === key);
  const embedded = wait ? null : embeddedWait(close, key);
  if (!wait && !embedded) return false;
  handled.add((wait ?? embedded)!.call.id);
  if (confidence(ctx, close.receiver) === "none") {
    reportUnknownPair(ctx, close);
    return true;
  }
  if (wait) {
    ctx.rewrite([...awaitCloseEdits(ctx, close), ...deleteStatement(ctx, wait.statement)], WHY_PAIR);
  } else {
    const args = embedded!.call.childForFieldName("arguments")!;
    ctx.rewrite(
      [
        ...deleteStatement(ctx, close.statement),
        { start: embedded!.methodNode.startIndex, end: embedded!.methodNode.endIndex, text: closeMethod(ctx) },
        { start: args.startIndex, end: args.endIndex, text: CLOSE_POOL_ARGS },
      ],
      WHY_PAIR,
    );
  }
  return true;
}

/** The first `X.wait_closed()` call inside a later statement of the close's block. */
function embeddedWait(close: MethodStatement, key: string): MethodStatement | null {
  for (let s = close.statement.nextNamedSibling; s; s = s.nextNamedSibling) {
    for (const call of s.descendantsOfType("call")) {
      const m = methodCall(call, s, awaitingParent(call) !== null);
      if (m && m.method === "wait_closed" && m.argCount === 0 && expressionKey(m.receiver) === key) return m;
    }
  }
  return null;
}

/** `X.close()` alone: awaited inside `async def` when X surely is a client, else reported. */
function migrateLoneClose(ctx: RuleContext, close: MethodStatement): void {
  const sure = confidence(ctx, close.receiver);
  if (sure === "none") return;
  const suggestion = awaitedClose(ctx, close.receiver);
  if (!insideAsyncFunction(close.statement)) {
    ctx.manual({
      node: close.call,
      what: `\`${close.receiver.text}.close()\` is a coroutine in redis-py and this function is not \`async\`, so it cannot be awaited here. Await it from async code (a shutdown handler), or use \`asyncio.run(...)\` / the event loop.`,
      suggestion,
    });
  } else if (isSure(sure)) {
    ctx.rewrite(awaitCloseEdits(ctx, close), WHY_CLOSE);
  } else {
    const line = lineWith(ctx, close.statement, close.call, suggestion);
    ctx.manual({
      node: close.call,
      what: `If \`${close.receiver.text}\` is an aioredis client, its close must be awaited in redis-py. Other objects keep \`close()\`.`,
      suggestion: line ?? suggestion,
      replacesLines: line === null ? 0 : 1,
    });
  }
}

/** `await X.wait_closed()` whose close happened elsewhere: the statement goes (awaiting the close already waits). */
function removeLoneWaits(ctx: RuleContext, waits: readonly MethodStatement[], handled: Set<number>): void {
  for (const wait of waits) {
    if (handled.has(wait.call.id)) continue;
    handled.add(wait.call.id);
    const sure = confidence(ctx, wait.receiver);
    if (isSure(sure) || sure === "likely") ctx.rewrite(deleteStatement(ctx, wait.statement), WHY_WAIT);
    else if (ctx.facts.importsAioredis && !STREAM_LIKE.test(expressionKey(wait.receiver)) && !isSentinel(ctx, wait.receiver)) {
      ctx.manual({
        node: wait.call,
        what: `If \`${wait.receiver.text}\` is an aioredis client, delete this line: redis-py has no \`wait_closed()\`, awaiting its close is enough.`,
        suggestion: "",
      });
    }
  }
}

function reportUnknownPair(ctx: RuleContext, close: MethodStatement): void {
  if (!ctx.facts.importsAioredis || STREAM_LIKE.test(expressionKey(close.receiver)) || isSentinel(ctx, close.receiver)) return;
  ctx.manual({
    node: close.call,
    what: `If \`${close.receiver.text}\` is an aioredis client, replace \`close()\` + \`wait_closed()\` by one awaited close. Streams and servers keep both calls.`,
    suggestion: awaitedClose(ctx, close.receiver),
  });
}

/** `wait_closed()` used other than as `await X.wait_closed()` (`asyncio.wait_for(r.wait_closed(), 5)`, `gather(...)`). */
function reportOtherWaitClosed(ctx: RuleContext, handled: ReadonlySet<number>): void {
  for (const call of ctx.facts.calls) {
    if (handled.has(call.id)) continue;
    const m = methodCall(call, call, awaitingParent(call) !== null);
    if (!m || m.method !== "wait_closed" || m.argCount !== 0) continue;
    if (!isSure(confidence(ctx, m.receiver)) && confidence(ctx, m.receiver) !== "likely") continue;
    ctx.manual({
      node: call,
      what: `redis-py has no \`wait_closed()\`: use the close coroutine itself here (and drop the separate \`${m.receiver.text}.close()\`).`,
      suggestion: call.text.replace(/\.wait_closed\s*\(\s*\)$/, `.${closeMethod(ctx)}${CLOSE_POOL_ARGS}`),
    });
  }
}

/** `await X.clear()` → `await X.connection_pool.disconnect(inuse_connections=False)`. */
function migrateClear(ctx: RuleContext): void {
  for (const clear of methodStatements(ctx, "clear").filter((c) => c.awaited)) {
    // 1.x `redis.connection` was the pool itself: clear it through the client.
    let owner = clear.receiver;
    if (owner.type === "attribute" && owner.childForFieldName("attribute")!.text === "connection") owner = owner.childForFieldName("object")!;
    const sure = confidence(ctx, owner);
    if (sure === "none") continue;
    const replacement = `${owner.text}.connection_pool.disconnect(inuse_connections=False)`;
    if (isSure(sure)) {
      ctx.rewrite([{ start: clear.call.startIndex, end: clear.call.endIndex, text: replacement }], WHY_CLEAR);
    } else {
      ctx.manual({
        node: clear.call,
        what: `If \`${clear.receiver.text}\` is an aioredis pool or client, \`clear()\` becomes \`connection_pool.disconnect(inuse_connections=False)\` in redis-py.`,
        suggestion: `await ${replacement}`,
      });
    }
  }
}

/** Whether `later` is a statement after `earlier` in the same block. */
function followsInBlock(earlier: SyntaxNode, later: SyntaxNode): boolean {
  return earlier.parent !== null && later.parent?.id === earlier.parent.id && later.startIndex > earlier.endIndex;
}
