import type { TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { awaitingParent, callParts, insideAsyncFunction, statementsOf, unparenthesize } from "../../syntax.js";
import { hasMultilineString, indentLines, indentUnit, keptLines } from "../pipelines/indent.js";

const REVIEW =
  "Optimistic transaction (WATCH … MULTI/EXEC): check that the retry loop is bounded and that everything between WATCH and EXEC can safely run again after a conflict.";

/** One WATCH … multi_exec() … execute() sequence in a block. */
interface WatchSequence {
  readonly watchStmt: SyntaxNode;
  readonly receiver: SyntaxNode;
  readonly multiStmt: SyntaxNode;
  readonly pipeName: string;
  readonly lastStmt: SyntaxNode;
  readonly between: readonly SyntaxNode[];
}

/**
 * WATCH-based optimistic locking (reference §6.2, §11.1). aioredis 1.x watched on the client (possibly another
 * pooled connection than the MULTI/EXEC) and signalled conflicts with `MultiExecError`; redis-py watches on the
 * pipeline itself, reads in immediate mode until `multi()`, and raises `WatchError` from `execute()`.
 *
 * `await r.watch(k)` … `v = await r.get(k)` … `tr = r.multi_exec()` … `tr.set(…)` … `await tr.execute()` becomes
 * `async with r.pipeline(transaction=True) as tr:` / `await tr.watch(k)` / `v = await tr.get(k)` / `tr.multi()` / …
 * The exception classes are mapped by the exceptions rule. Every sequence is also a manual step: a person must check
 * the retry bound and the side effects between WATCH and EXEC.
 */
export default defineRule({
  id: "watch-transactions",
  description: "WATCH + multi_exec optimistic transactions → redis-py pipeline with watch()/multi()/execute()",
  phase: "code",
  needsImport: false,
  triggers: [".watch("],
  apply(ctx) {
    for (const call of ctx.facts.calls) {
      const parts = callParts(call);
      if (!parts?.receiver || parts.method !== "watch") continue;
      const awaited = awaitingParent(call);
      const stmt = awaited?.parent;
      if (!awaited || stmt?.type !== "expression_statement") continue;
      if (ctx.facts.receiverKind(parts.receiver) === "pipeline") continue; // already redis-py shaped
      if (!ctx.facts.isRedisReceiver(parts.receiver, ctx.options.repositoryUsesAioredis)) continue;
      const seq = findSequence(stmt, parts.receiver);
      if (!seq) {
        ctx.manual({
          node: stmt,
          what: "WATCH on a client: in redis-py, WATCH must run on the pipeline that later executes MULTI/EXEC. Rewrite this block to the pipeline form.",
          suggestion: canonicalLoop(parts.receiver.text, parts.args.text.slice(1, -1)),
        });
        continue;
      }
      const rewritten = rewriteSequence(ctx, seq);
      ctx.manual({
        node: stmt,
        what: `${REVIEW} ${loopAdvice(seq.watchStmt)}`.trim(),
        suggestion: rewritten ?? canonicalLoop(parts.receiver.text, parts.args.text.slice(1, -1)),
      });
    }
  },
});

function findSequence(watchStmt: SyntaxNode, receiver: SyntaxNode): WatchSequence | null {
  const block = watchStmt.parent;
  if (!block || block.type !== "block") return null;
  const siblings = statementsOf(block);
  const at = siblings.findIndex((s) => s.id === watchStmt.id);
  for (let i = at + 1; i < siblings.length; i++) {
    const s = siblings[i]!;
    const expr = s.type === "expression_statement" ? unparenthesize(s.namedChild(0)!) : null;
    if (expr?.type !== "assignment") continue;
    const left = expr.childForFieldName("left");
    const parts = callParts(unparenthesize(expr.childForFieldName("right")!));
    if (left?.type !== "identifier" || parts?.method !== "multi_exec" || parts.receiver?.text !== receiver.text) continue;
    let last = -1;
    for (let j = i + 1; j < siblings.length; j++) {
      if (siblings[j]!.descendantsOfType("identifier").some((id) => id.text === left.text)) last = j;
    }
    const executes = siblings.slice(i + 1, last + 1).some((st) => st.text.includes(`${left.text}.execute(`));
    if (last === -1 || !executes) return null;
    return {
      watchStmt,
      receiver,
      multiStmt: s,
      pipeName: left.text,
      lastStmt: siblings[last]!,
      between: siblings.slice(at, i),
    };
  }
  return null;
}

/** Proposes the rewrite; returns the rewritten block (the suggestion) or null when the shape is not safe to rewrite. */
function rewriteSequence(ctx: RuleContext, seq: WatchSequence): string | null {
  const src = ctx.source;
  if (!insideAsyncFunction(seq.watchStmt)) return null;
  const block = seq.watchStmt.parent!;
  const firstLine = src.lineIndexAt(seq.watchStmt.startIndex);
  const lastLine = src.lineIndexAt(seq.lastStmt.endIndex);
  const start = src.lineStart(firstLine);
  const end = src.lineContentEnd(lastLine);
  if (hasMultilineString(block, start, end, src)) return null;
  const local: TextEdit[] = [];
  // commands on the client between WATCH and MULTI run on the watching pipeline (immediate mode)
  for (const stmt of seq.between) {
    for (const call of stmt.descendantsOfType("call")) {
      const parts = callParts(call);
      if (parts?.receiver?.text === seq.receiver.text) {
        local.push({ start: parts.receiver.startIndex - start, end: parts.receiver.endIndex - start, text: seq.pipeName });
      }
    }
  }
  local.push({ start: seq.multiStmt.startIndex - start, end: seq.multiStmt.endIndex - start, text: `${seq.pipeName}.multi()` });
  local.sort((a, b) => a.start - b.start);
  const original = src.text.slice(start, end);
  let body = original;
  for (const e of [...local].reverse()) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  const indent = src.indentAt(seq.watchStmt.startIndex);
  const unit = indentUnit(src, block);
  const nl = src.newline;
  const reindented = indentLines(body, unit);
  const header = `${indent}async with ${seq.receiver.text}.pipeline(transaction=True) as ${seq.pipeName}:${nl}`;
  const text = header + reindented;
  // lines the local edits left alone keep their position (same line count: the local edits stay within lines)
  const oldLines = original.split(/(?<=\n)/);
  const newLines = body.split(/(?<=\n)/);
  const kept = oldLines.length === newLines.length ? keptLines(original, unit, 0, header.length, (i) => oldLines[i] === newLines[i]) : [];
  ctx.rewrite(
    [{ start, end, text, kept }],
    "redis-py watches on the pipeline that runs MULTI/EXEC: reads between `watch()` and `multi()` run immediately on it, and a conflict raises `WatchError` from `execute()`.",
  );
  return text
    .split(/\r?\n/)
    .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
    .join("\n");
}

function loopAdvice(watchStmt: SyntaxNode): string {
  for (let p = watchStmt.parent; p; p = p.parent) {
    if (p.type === "function_definition") break;
    if (p.type === "while_statement" && p.childForFieldName("condition")?.text === "True")
      return "The `while True` retry loop is unbounded: consider `for _ in range(max_attempts):` and raising after the last attempt.";
    if (p.type === "while_statement" || p.type === "for_statement") return "";
  }
  return "There is no retry loop: on a conflict `execute()` raises `WatchError`; retry or report it.";
}

function canonicalLoop(receiver: string, keys: string): string {
  return [
    `async with ${receiver}.pipeline(transaction=True) as pipe:`,
    "    for _ in range(50):",
    "        try:",
    `            await pipe.watch(${keys})`,
    "            ...  # reads: value = await pipe.get(...)",
    "            pipe.multi()",
    "            ...  # writes: pipe.set(...)",
    "            await pipe.execute()",
    "            break",
    "        except WatchError:  # from redis.exceptions import WatchError",
    "            continue",
  ].join("\n");
}
