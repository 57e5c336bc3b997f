import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import type { TextEdit } from "../../edits.js";
import { callParts, statementsOf, unparenthesize } from "../../syntax.js";

/** A command queued on the pipeline, in queue order; `future` is the name its aioredis future was kept in. */
interface Queued {
  readonly statement: SyntaxNode;
  readonly future: SyntaxNode | null;
}

const WHY =
  "redis-py pipeline commands return the pipeline, not a future: the replies come back, in queue order, from `execute()`.";

/**
 * aioredis 1.x: `fut = pipe.incr(k)` … `await pipe.execute()` … `x = await fut` (or `await asyncio.gather(f1, f2)`).
 * In redis-py awaiting `fut` silently yields the Pipeline object, so each future becomes an index into the list
 * `execute()` returns. Rewritten when the data flow is simple: straight-line queueing in one block, each future
 * assigned once and awaited only after `execute()`. Anything else is a manual step showing the rewritten block.
 */
export function rewritePipelineFutures(ctx: RuleContext, pipeline: SyntaxNode, executeCall: SyntaxNode): void {
  const pipeName = pipeline.text;
  const execStmt = statementOf(executeCall);
  const block = execStmt?.parent;
  if (!execStmt || !block || (block.type !== "block" && block.type !== "module")) return;
  const siblings = statementsOf(block);
  const execAt = siblings.findIndex((s) => s.id === execStmt.id);
  const queued: Queued[] = [];
  let simple = true;
  for (let i = execAt - 1; i >= 0; i--) {
    const s = siblings[i]!;
    if (!mentions(s, pipeName)) continue;
    const q = asQueued(s, pipeName);
    if (q === "creation") break;
    if (!q) {
      simple = false;
      break;
    }
    queued.unshift(q);
  }
  const futures = queued.filter((q) => q.future);
  if (futures.length === 0) {
    reportIndirectFutures(ctx, siblings.slice(0, execAt), siblings.slice(execAt + 1), pipeName);
    if (queued.length === 0) reportOuterFutures(ctx, execStmt, pipeName);
    return;
  }
  const names = new Set(futures.map((f) => f.future!.text));
  if (names.size !== futures.length) simple = false;

  const after = siblings.slice(execAt + 1);
  const awaits: { node: SyntaxNode; text: (results: string) => string }[] = [];
  for (const s of [execStmt, ...after]) {
    for (const id of s.descendantsOfType("identifier")) {
      if (!names.has(id.text)) continue;
      const use = classifyUse(id, names);
      if (!use || s.id === execStmt.id) {
        simple = false;
        continue;
      }
      if (!awaits.some((a) => a.node.id === use.node.id)) awaits.push(use);
    }
  }
  // uses of a future before execute() (other than its assignment), or in an enclosing scope, are not simple
  for (const q of queued) {
    if (!q.future) continue;
    const before = siblings.slice(0, execAt).filter((s) => s.id !== q.statement.id);
    if (before.some((s) => s.descendantsOfType("identifier").some((id) => id.text === q.future!.text))) simple = false;
  }
  const indexOf = (name: string): number => queued.findIndex((q) => q.future?.text === name);
  const target = executeTarget(execStmt, executeCall);
  const resultsName = target ?? freshName(ctx, "results");
  const suggestion = suggestedBlock(queued, resultsName, pipeName);

  if (!simple || awaits.length === 0) {
    ctx.manual({
      node: futures[0]!.statement,
      what: "This code keeps aioredis pipeline futures; redis-py commands on a pipeline return the pipeline itself, so read each reply from the list `execute()` returns instead.",
      suggestion,
    });
    return;
  }
  const edits: TextEdit[] = [];
  for (const q of futures) {
    const assign = unparenthesize(q.statement.namedChild(0)!);
    const right = assign.childForFieldName("right")!;
    edits.push({ start: assign.startIndex, end: right.startIndex, text: "" });
  }
  if (!target) edits.push({ start: execStmt.startIndex, end: execStmt.startIndex, text: `${resultsName} = ` });
  for (const a of awaits) {
    const text = a.text(resultsName).replace(/\{INDEX:(\w+)\}/g, (_, name: string) => String(indexOf(name)));
    edits.push({ start: a.node.startIndex, end: a.node.endIndex, text });
  }
  ctx.rewrite(edits, WHY);
}

function statementOf(node: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = node;
  while (n && n.parent && n.parent.type !== "block" && n.parent.type !== "module") n = n.parent;
  return n;
}

function mentions(node: SyntaxNode, name: string): boolean {
  return node.descendantsOfType("identifier").some((id) => id.text === name);
}

/** `pipe.cmd(...)` or `fut = pipe.cmd(...)` as a whole statement; "creation" for `pipe = r.pipeline()`. */
function asQueued(stmt: SyntaxNode, pipeName: string): Queued | "creation" | null {
  if (stmt.type !== "expression_statement") return null;
  const expr = unparenthesize(stmt.namedChild(0)!);
  if (expr.type === "assignment") {
    const left = expr.childForFieldName("left");
    const right = expr.childForFieldName("right");
    if (left?.type === "identifier" && left.text === pipeName) return "creation";
    if (left?.type !== "identifier" || !right || !isCommandOn(right, pipeName)) return null;
    return { statement: stmt, future: left };
  }
  return isCommandOn(expr, pipeName) ? { statement: stmt, future: null } : null;
}

function isCommandOn(expr: SyntaxNode, pipeName: string): boolean {
  const parts = callParts(unparenthesize(expr));
  return !!parts && parts.receiver?.text === pipeName && !["execute", "watch", "multi", "unwatch"].includes(parts.method);
}

/** `await fut` → `results[i]`; `await asyncio.gather(f1, f2)` → `[results[i], results[j]]`. */
function classifyUse(id: SyntaxNode, names: ReadonlySet<string>): { node: SyntaxNode; text: (r: string) => string } | null {
  const parent = id.parent;
  if (parent?.type === "await") {
    return { node: parent, text: (r) => `${r}[{INDEX:${id.text}}]` };
  }
  if (parent?.type === "argument_list") {
    const call = parent.parent;
    const parts = call ? callParts(call) : null;
    const awaited = call?.parent?.type === "await" ? call.parent : null;
    if (!parts || !awaited || parts.callee.text !== "asyncio.gather" || parts.keywords.size > 0) return null;
    if (!parts.positional.every((p) => p.type === "identifier" && names.has(p.text))) return null;
    return {
      node: awaited,
      text: (r) => `[${parts.positional.map((p) => `${r}[{INDEX:${p.text}}]`).join(", ")}]`,
    };
  }
  return null;
}

function executeTarget(execStmt: SyntaxNode, executeCall: SyntaxNode): string | null {
  const expr = unparenthesize(execStmt.namedChild(0)!);
  if (expr.type !== "assignment") return null;
  const left = expr.childForFieldName("left");
  const right = expr.childForFieldName("right");
  if (left?.type !== "identifier" || !right || !right.descendantsOfType("call").some((c) => c.id === executeCall.id)) return null;
  return left.text;
}

function freshName(ctx: RuleContext, base: string): string {
  if (!ctx.facts.usedNames.has(base)) return base;
  for (let i = 2; ; i++) if (!ctx.facts.usedNames.has(`${base}${i}`)) return `${base}${i}`;
}

function suggestedBlock(queued: readonly Queued[], results: string, pipeName: string): string {
  const lines = queued.map((q) => {
    const expr = unparenthesize(q.statement.namedChild(0)!);
    return expr.type === "assignment" ? expr.childForFieldName("right")!.text : expr.text;
  });
  const reads = queued
    .map((q, i) => (q.future ? `${q.future.text} = ${results}[${i}]` : null))
    .filter((l): l is string => l !== null);
  return [...lines, `${results} = await ${pipeName}.execute()`, ...reads].join("\n");
}

/** `futs = [pipe.get(k) for k in keys]` … `await asyncio.gather(*futs)`: futures held in a structure. */
function reportIndirectFutures(ctx: RuleContext, before: readonly SyntaxNode[], after: readonly SyntaxNode[], pipeName: string): void {
  for (const s of before) {
    const expr = s.type === "expression_statement" ? unparenthesize(s.namedChild(0)!) : null;
    if (expr?.type !== "assignment") continue;
    const left = expr.childForFieldName("left");
    const right = expr.childForFieldName("right");
    if (left?.type !== "identifier" || !right || right.type === "call") continue;
    const queuesOnPipe = right.descendantsOfType("call").some((c) => isCommandOn(c, pipeName));
    const usedAfter = after.some((a) => a.descendantsOfType("identifier").some((id) => id.text === left.text));
    if (!queuesOnPipe || !usedAfter) continue;
    ctx.manual({
      node: s,
      what: `\`${left.text}\` holds aioredis pipeline futures; in redis-py they are the pipeline itself, so take the replies from the list \`execute()\` returns.`,
      suggestion: `${right.text.replace(/^\[/, "[").trim()}\n${left.text} = await ${pipeName}.execute()  # the replies, in queue order`,
    });
  }
}

/**
 * `value = tr.incr(k)` … `try: await tr.execute()` … `return await value`: the commands were queued in an outer
 * block (execute() sits in a `try`/`if`/loop body). Not rewritten — the flow between blocks is not simple — but
 * never left silently: the futures are reported with the rewritten block as the suggestion.
 */
function reportOuterFutures(ctx: RuleContext, execStmt: SyntaxNode, pipeName: string): void {
  for (let inner: SyntaxNode = execStmt; ; ) {
    const owner = inner.parent?.parent; // block → compound statement (try, if, with, for, while, except clause…)
    const outer = owner ? statementOf(owner) : null;
    if (!outer || !outer.parent || outer.type === "function_definition" || outer.type === "class_definition") return;
    const siblings = statementsOf(outer.parent);
    const at = siblings.findIndex((s) => s.id === outer.id);
    const queued = siblings
      .slice(0, at)
      .map((s) => asQueued(s, pipeName))
      .filter((q): q is Queued => q !== null && q !== "creation");
    const futures = queued.filter((q) => q.future);
    if (futures.length > 0) {
      ctx.manual({
        node: futures[0]!.statement,
        what: "This code keeps aioredis pipeline futures and runs `execute()` in another block; redis-py commands on a pipeline return the pipeline itself, so read each reply from the list `execute()` returns instead.",
        suggestion: suggestedBlock(queued, "results", pipeName),
      });
      return;
    }
    if (queued.length > 0) return;
    inner = outer;
  }
}
