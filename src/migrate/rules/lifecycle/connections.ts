import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { enclosingFunction, expressionKey, nextStatement, statementsOf, unparenthesize } from "../../syntax.js";
import { escapeRegExp } from "../../text.js";
import { reportBorrowedPipelines } from "./borrowed-pipelines.js";
import { confidence, isSure, methodCall, methodStatement } from "./receiver.js";

const WHY_WITH_AWAIT =
  "`with await pool as conn` borrowed one connection in aioredis 1.x; redis-py's `async with client.client() as conn` does the same and gives the full command API.";
const WHY_GET = "aioredis 1.x `pool.get()` is `client()` in redis-py: a client bound to one connection, released on exit.";

/** Dedicated connections: `with await X as c`, `async with X.get() as c`, `c = await X.acquire()` … `X.release(c)`. */
export function migrateConnections(ctx: RuleContext): void {
  for (const w of ctx.tree.rootNode.descendantsOfType("with_statement")) {
    if (w.child(0)?.type === "async") migrateAsyncGet(ctx, w);
    else migrateWithAwait(ctx, w);
  }
  migrateAcquire(ctx);
}

function withItems(w: SyntaxNode): SyntaxNode[] {
  const clause = w.namedChildren.find((c) => c.type === "with_clause");
  return clause ? clause.namedChildren.filter((c) => c.type === "with_item") : [];
}

/** The value of a with item without its `as` part: `await pool` in `with await pool as conn`. */
function itemValue(item: SyntaxNode): SyntaxNode | null {
  const v = item.childForFieldName("value");
  if (!v) return null;
  return v.type === "as_pattern" ? v.namedChild(0) : v;
}

function migrateWithAwait(ctx: RuleContext, w: SyntaxNode): void {
  const items = withItems(w);
  for (const item of items) {
    const value = itemValue(item);
    const awaited = value ? unparenthesize(value) : null;
    if (!value || awaited?.type !== "await") continue;
    const target = unparenthesize(awaited.namedChild(0)!);
    if (target.type === "call") continue; // `with await pool.cursor()` is another library's idiom
    const sure = confidence(ctx, target);
    const alias = item.childForFieldName("value")!.type === "as_pattern" ? item.childForFieldName("value")!.childForFieldName("alias") : null;
    const suggestion = `async with ${target.text}.client()${alias ? ` as ${alias.text}` : ""}:`;
    if (sure === "none") {
      if (ctx.facts.importsAioredis) {
        ctx.manual({
          node: value,
          what: `If \`${target.text}\` is an aioredis pool or client, borrow a connection with \`async with ${target.text}.client()\` in redis-py.`,
          suggestion,
        });
      }
      continue;
    }
    if (items.length > 1) {
      ctx.manual({
        node: value,
        what: `\`with await ${target.text}\` shares this \`with\` with other context managers: move it into its own \`async with ${target.text}.client()\` block.`,
        suggestion,
      });
      continue;
    }
    ctx.rewrite(
      [
        { start: w.startIndex, end: w.startIndex, text: "async " },
        { start: value.startIndex, end: value.endIndex, text: `${target.text}.client()` },
      ],
      WHY_WITH_AWAIT,
    );
    const body = w.childForFieldName("body");
    if (alias && body) reportBorrowedPipelines(ctx, body, target, alias);
  }
}

function migrateAsyncGet(ctx: RuleContext, w: SyntaxNode): void {
  for (const item of withItems(w)) {
    const value = itemValue(item);
    const m = value ? methodCall(unparenthesize(value), w, false) : null;
    if (!m || m.method !== "get" || m.argCount !== 0) continue;
    if (confidence(ctx, m.receiver) === "none") continue;
    ctx.rewrite([{ start: m.methodNode.startIndex, end: m.methodNode.endIndex, text: "client" }], WHY_GET);
  }
}

/** `conn = await pool.acquire()`: the statement, the pool and the name the connection is bound to. */
interface Acquire {
  readonly statement: SyntaxNode;
  readonly pool: SyntaxNode;
  readonly name: SyntaxNode;
}

function acquireOf(stmt: SyntaxNode): Acquire | null {
  const assign = stmt.type === "expression_statement" ? stmt.namedChild(0) : null;
  if (!assign || assign.type !== "assignment") return null;
  const left = assign.childForFieldName("left");
  const right = assign.childForFieldName("right");
  if (!left || !right || (left.type !== "identifier" && left.type !== "attribute")) return null;
  const r = unparenthesize(right);
  if (r.type !== "await") return null;
  const m = methodCall(unparenthesize(r.namedChild(0)!), stmt, true);
  if (!m || m.method !== "acquire" || m.argCount !== 0) return null;
  return { statement: stmt, pool: m.receiver, name: left };
}

function migrateAcquire(ctx: RuleContext): void {
  const reported: Acquire[] = [];
  for (const stmt of ctx.tree.rootNode.descendantsOfType("expression_statement")) {
    const a = acquireOf(stmt);
    if (!a || confidence(ctx, a.pool) === "none") continue;
    const { text, lines } = acquireSuggestion(ctx, a);
    ctx.manual({
      node: a.statement,
      what: `aioredis 1.x \`${a.pool.text}.acquire()\` / \`release()\` have no redis-py equivalent on a client: use \`async with ${a.pool.text}.client() as ${a.name.text}:\`, which releases the connection on exit.`,
      suggestion: text,
      replacesLines: lines,
    });
    reported.push(a);
  }
  // A `release()` whose `acquire()` is elsewhere (another function) still needs a person.
  for (const stmt of ctx.tree.rootNode.descendantsOfType("expression_statement")) {
    const m = methodStatement(stmt);
    if (!m || m.awaited || m.method !== "release" || m.argCount !== 1) continue;
    if (!isSure(confidence(ctx, m.receiver)) && confidence(ctx, m.receiver) !== "likely") continue;
    const fn = enclosingFunction(stmt);
    const paired = reported.some((a) => enclosingFunction(a.statement)?.id === fn?.id && expressionKey(a.pool) === expressionKey(m.receiver));
    if (paired) continue;
    ctx.manual({
      node: m.call,
      what: `aioredis 1.x \`${m.receiver.text}.release(conn)\` has no redis-py equivalent on a client: borrow the connection with \`async with ${m.receiver.text}.client() as conn:\` instead of acquire/release.`,
      suggestion: `async with ${m.receiver.text}.client() as conn:`,
    });
  }
}

/**
 * `async with pool.client() as conn:` plus the body of the `try:` whose `finally:` only releases the connection —
 * a drop-in replacement for the acquire … release lines; otherwise a skeleton.
 */
function acquireSuggestion(ctx: RuleContext, a: Acquire): { text: string; lines: number } {
  const src = ctx.source;
  const nl = src.newline;
  const indent = src.indentAt(a.statement.startIndex);
  const head = `${indent}async with ${a.pool.text}.client() as ${a.name.text}:`;
  const tryStmt = nextStatement(a.statement);
  const body = tryStmt?.type === "try_statement" ? tryStmt.childForFieldName("body") : null;
  if (tryStmt && body && onlyReleases(tryStmt, a) && src.lineIndexAt(body.startIndex) > src.lineIndexAt(tryStmt.startIndex)) {
    const first = src.lineIndexAt(body.startIndex);
    const last = src.lineIndexAt(body.endIndex);
    const execute = new RegExp(`(\\b${escapeRegExp(a.name.text)}\\s*\\.\\s*)execute\\(`, "g");
    const bodyText = src.text.slice(src.lineStart(first), src.lineContentEnd(last)).replace(execute, "$1execute_command(");
    const lines = src.lineIndexAt(tryStmt.endIndex) - src.lineIndexAt(a.statement.startIndex) + 1;
    return { text: head + nl + bodyText, lines };
  }
  return { text: `${head}${nl}${indent}    ...  # the code that used ${a.name.text}, without ${a.pool.text}.release(${a.name.text})`, lines: 0 };
}

/** A `try` with a `finally:` that only calls `pool.release(conn)`, and no `except`/`else`. */
function onlyReleases(tryStmt: SyntaxNode, a: Acquire): boolean {
  const clauses = tryStmt.namedChildren.filter((c) => c.type.endsWith("_clause"));
  if (clauses.length !== 1 || clauses[0]!.type !== "finally_clause") return false;
  const block = clauses[0]!.namedChildren.find((c) => c.type === "block");
  if (!block) return false;
  return statementsOf(block).every((s) => {
    const m = methodStatement(s);
    return m !== null && m.method === "release" && expressionKey(m.receiver) === expressionKey(a.pool) &&
      m.argCount === 1 && expressionKey(m.call.childForFieldName("arguments")!.namedChildren[0]!) === expressionKey(a.name);
  });
}
