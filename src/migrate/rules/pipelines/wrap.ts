import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { insideAsyncFunction, statementsOf } from "../../syntax.js";
import { hasMultilineString, indentLines, indentUnit, keptLines } from "./indent.js";

/**
 * `tr = r.multi_exec()` followed by statements using `tr` → `async with r.pipeline(transaction=True) as tr:` around
 * them, so the pipeline's connection is released even when a queued command raises. Returns false when the shape
 * is not simple enough (then only the call is renamed).
 */
export function wrapTransactionInAsyncWith(ctx: RuleContext, assignment: SyntaxNode, receiverText: string): boolean {
  const stmt = assignment.parent;
  const block = stmt?.parent;
  const target = assignment.childForFieldName("left");
  if (!stmt || stmt.type !== "expression_statement" || !block || block.type !== "block" || target?.type !== "identifier") return false;
  if (!insideAsyncFunction(stmt)) return false;
  const name = target.text;
  const siblings = statementsOf(block);
  const at = siblings.findIndex((s) => s.id === stmt.id);
  let last = -1;
  for (let i = at + 1; i < siblings.length; i++) if (usesName(siblings[i]!, name)) last = i;
  if (last === -1) return false;
  const src = ctx.source;
  const firstLine = src.lineIndexAt(stmt.startIndex);
  const lastLine = src.lineIndexAt(siblings[last]!.endIndex);
  const bodyStart = src.lineEndWithTerminator(firstLine);
  const bodyEnd = src.lineContentEnd(lastLine);
  if (bodyStart >= bodyEnd || hasMultilineString(block, bodyStart, bodyEnd, src)) return false;
  const unit = indentUnit(src, block);
  const nl = src.newline;
  const oldBody = src.text.slice(bodyStart, bodyEnd);
  const body = indentLines(oldBody, unit);
  const restOfFirstLine = src.text.slice(stmt.endIndex, src.lineContentEnd(firstLine));
  const header = `async with ${receiverText}.pipeline(transaction=True) as ${name}:${restOfFirstLine}`;
  // each body line keeps its position (findings and later rewrites inside the block map to their own lines)
  const kept = keptLines(oldBody, unit, bodyStart - stmt.startIndex, header.length + nl.length);
  ctx.rewrite(
    [{ start: stmt.startIndex, end: bodyEnd, text: header + nl + body, kept }],
    "aioredis `multi_exec()` is redis-py's transactional pipeline; `async with` releases its connection even when a command fails.",
  );
  return true;
}

function usesName(node: SyntaxNode, name: string): boolean {
  return node.descendantsOfType("identifier").some((id) => id.text === name);
}
