import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { awaitingParent, callParts } from "../../syntax.js";
import type { Reference } from "./reference.js";

const WHAT =
  "aioredis 1.x `execute()` raised `MultiExecError` for a WATCH conflict, never `WatchVariableError`, so this handler did not run; redis-py raises `WatchError` and this handler now runs on every conflict. Check that it should (a retry, or a silent skip), or let the error propagate as before.";

/**
 * `except WatchVariableError` around `await tr.execute()` (reference §8): dead code in aioredis 1.x (the conflict
 * surfaced as `MultiExecError`), live after the rename to `WatchError`. Not reported when the same `try` also
 * catches `MultiExecError`/`PipelineError`, which handled the conflict before and still does.
 */
export function reportWatchHandlers(ctx: RuleContext, refs: readonly Reference[]): void {
  for (const ref of refs) {
    if (!ctx.facts.resolve(ref.node)?.endsWith(".WatchVariableError")) continue;
    const tryStmt = handlingTry(ref.node);
    const body = tryStmt?.childForFieldName("body");
    if (!tryStmt || !body || !awaitsExecute(body)) continue;
    const caughtElsewhere = refs.some(
      (r) =>
        r.node.startIndex > body.endIndex && r.node.endIndex <= tryStmt.endIndex &&
        /\.(MultiExecError|PipelineError)$/.test(ctx.facts.resolve(r.node) ?? ""),
    );
    if (!caughtElsewhere) ctx.manual({ node: ref.node, what: WHAT, suggestion: "" });
  }
}

/** The `try` whose `except` clause header names `node`. */
function handlingTry(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "except_clause") return p.parent?.type === "try_statement" ? p.parent : null;
    if (p.type === "block") return null;
  }
  return null;
}

/** `await x.execute()` (a pipeline or transaction run; the 1.x connection's `execute(cmd, …)` takes arguments). */
function awaitsExecute(body: SyntaxNode): boolean {
  return body.descendantsOfType("call").some((call) => {
    const parts = callParts(call);
    return parts?.method === "execute" && parts.args.namedChildren.length === 0 && awaitingParent(call) !== null;
  });
}
