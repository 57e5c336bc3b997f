import type { SyntaxNode } from "../../parser.js";
import { enclosingStatement, insideAsyncFunction, keywordValue, type CallParts } from "../../syntax.js";
import type { Step } from "./steps.js";

/** aioredis 1.x pools held at most `maxsize=10` connections unless told otherwise (§3.3). */
export const AIOREDIS_DEFAULT_MAXSIZE = 10;

/** What the migrated pool no longer does that the aioredis 1.x pool did (reference §3.2 `minsize`, §3.3). */
export interface PoolDifferences {
  /** `minsize=` was given: that many connections were opened by the factory, so it failed on an unreachable server. */
  readonly eagerConnect: boolean;
  /** No `maxsize=`: aioredis capped the pool at 10 connections; redis-py's default pool is unbounded. */
  readonly unbounded: boolean;
}

/**
 * The pool differences worth a person's decision for a `create_redis_pool` / `create_pool` call, or null. A call
 * spreading `**kwargs` is left to the step that asks to check its keys.
 */
export function poolDifferences(parts: CallParts, expr: SyntaxNode): PoolDifferences | null {
  if (parts.hasSplat) return null;
  const minsize = parts.keywords.get("minsize");
  // In a `try` body the `exceptions` rule reports the handlers that expect the factory to fail (and suggests the ping).
  const eagerConnect = minsize !== undefined && keywordValue(minsize).text !== "0" && !inTryBody(expr);
  const unbounded = !parts.keywords.has("maxsize");
  return eagerConnect || unbounded ? { eagerConnect, unbounded } : null;
}

/** Whether the statement of `expr` is one of the statements of a `try` body that has `except` clauses. */
function inTryBody(expr: SyntaxNode): boolean {
  const block = enclosingStatement(expr).parent;
  const statement = block?.parent;
  return block?.type === "block" && statement?.type === "try_statement" && statement.childForFieldName("body")?.id === block.id &&
    statement.namedChildren.some((c) => c.type === "except_clause" || c.type === "except_group_clause");
}

/** Calls that only waited for the factory's coroutine: the synchronous client replaces them too. */
const WAITERS = /(^|\.)(run_until_complete|wait_for|shield)$/;

/** The expression whose value is the client: `expr`, or the `[await] loop.run_until_complete(expr)` around it. */
function clientExpression(expr: SyntaxNode): SyntaxNode {
  let top = expr;
  for (;;) {
    while (top.parent?.type === "parenthesized_expression") top = top.parent;
    const args = top.parent;
    const waiter = args?.type === "argument_list" ? args.parent : null;
    const first = args?.namedChildren.find((c) => c.type !== "comment");
    if (!waiter || waiter.type !== "call" || first?.id !== top.id || !WAITERS.test(waiter.childForFieldName("function")!.text)) return top;
    top = waiter.parent?.type === "await" ? waiter.parent : waiter;
  }
}

/** Where the new client goes: the assignment target (`app["redis"]`), or a `return`. */
function holderOf(expr: SyntaxNode): { readonly target: string | null; readonly returned: boolean } {
  const top = clientExpression(expr);
  const parent = top.parent;
  if (parent?.type === "assignment" && parent.childForFieldName("right")?.id === top.id) {
    const left = parent.childForFieldName("left");
    if (left && ["identifier", "attribute", "subscript"].includes(left.type)) return { target: left.text, returned: false };
  }
  return { target: null, returned: parent?.type === "return_statement" };
}

/**
 * One step per pool factory call for both differences. `created` is the migrated call (or, for an unbounded pool,
 * the same call with aioredis' default bound), `expr` the factory call with its `await`.
 */
export function poolSizingStep(call: SyntaxNode, expr: SyntaxNode, diff: PoolDifferences, created: string): Step {
  const { target, returned } = holderOf(expr);
  const name = target ?? "client";
  const ping = insideAsyncFunction(call) ? `await ${name}.ping()` : `asyncio.get_event_loop().run_until_complete(${name}.ping())`;
  const lines = diff.eagerConnect || target ? [`${name} = ${created}`] : [created];
  if (diff.eagerConnect) lines.push(ping);
  if (diff.eagerConnect && returned) lines.push(`return ${name}`);

  const connect = `Add \`${ping}\` after creating this client if startup must fail when Redis is unreachable`;
  const cap = `capped ${diff.eagerConnect ? "the pool" : "it"} at ${AIOREDIS_DEFAULT_MAXSIZE} connections (callers waited for a free one)`;
  const choice = "Keep it unbounded, or pass `max_connections=` to a `BlockingConnectionPool` as suggested, so callers wait for a free connection as in aioredis (mind that a pipeline, a PubSub or a `client()` block each hold a connection of their own).";
  let what: string;
  if (diff.eagerConnect && diff.unbounded) {
    what = `${connect}, and choose a size for its connection pool: aioredis opened the \`minsize\` connections here and ${cap}, while redis-py connects on the first command and its pool is unbounded. ${choice}`;
  } else if (diff.eagerConnect) {
    what = `${connect}: aioredis opened the \`minsize\` connections here, while redis-py connects on the first command, so connection errors now surface there.`;
  } else {
    what = `Choose a size for this connection pool: aioredis ${cap}, while redis-py's pool is unbounded and opens a new connection whenever all are busy. ${choice}`;
  }
  return { node: call, what, suggestion: lines.join("\n") };
}
