import type { TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { expressionKey, removeLinesKeepingComments, statementsOf, unparenthesize } from "../../syntax.js";
import { sentinelReceivers } from "../sentinel/receivers.js";

/**
 * How sure we are that an expression holds an aioredis object:
 * - `known`: the data flow says so (a factory result, an annotation, `with await pool as conn`, another module);
 * - `named`: the module or repository uses aioredis and the name says redis (`redis`, `self._redis`, `app["redis"]`);
 * - `likely`: named like a client but generically (`conn`, `pool`, `cache`, `db`): only rewritten where the
 *   surrounding idiom exists in aioredis alone, otherwise reported;
 * - `none`: nothing suggests aioredis.
 */
export type Confidence = "known" | "named" | "likely" | "none";

const REDIS_WORD = /redis/i;

export function confidence(ctx: RuleContext, node: SyntaxNode): Confidence {
  const kind = ctx.facts.receiverKind(node);
  if (kind === "client" || kind === "connection") return "known";
  if (kind) return "none"; // pipelines, transactions and channels have their own close/execute semantics
  if (ctx.facts.resolve(node) !== undefined) return "none"; // `aioredis.connection` is a module, not a client
  if (importedModules(ctx).has(rootName(node))) return "none"; // `redis.connection` after `import redis`
  if (isSentinel(ctx, node)) return "none";
  if (!ctx.facts.isRedisReceiver(node, ctx.options.repositoryUsesAioredis)) return "none";
  const last = /([A-Za-z_][A-Za-z0-9_]*)\W*$/.exec(expressionKey(node))?.[1] ?? "";
  return REDIS_WORD.test(last) ? "named" : "likely";
}

export function isSure(c: Confidence): boolean {
  return c === "known" || c === "named";
}

const moduleCache = new WeakMap<object, Set<string>>();
const sentinelCache = new WeakMap<object, Set<string>>();

/**
 * Whether `node` holds an aioredis `RedisSentinel` (or the `Sentinel` it became). It is no client: its `close()` /
 * `wait_closed()` / `closed` are the sentinel rule's to report.
 */
export function isSentinel(ctx: RuleContext, node: SyntaxNode): boolean {
  let found = sentinelCache.get(ctx.tree);
  if (!found) sentinelCache.set(ctx.tree, (found = sentinelReceivers(ctx)));
  return found.has(expressionKey(node));
}

/** Names bound by `import x` / `import x as y` (modules, never clients). */
function importedModules(ctx: RuleContext): Set<string> {
  const cached = moduleCache.get(ctx.tree);
  if (cached) return cached;
  const names = new Set<string>();
  for (const stmt of ctx.tree.rootNode.descendantsOfType("import_statement")) {
    for (const item of stmt.childrenForFieldName("name")) {
      if (item.type === "aliased_import") names.add(item.childForFieldName("alias")!.text);
      else names.add(item.text.split(".")[0]!);
    }
  }
  moduleCache.set(ctx.tree, names);
  return names;
}

/** The identifier an expression chain starts from: `app` in `app["redis"].pool`. */
function rootName(node: SyntaxNode): string {
  let n = unparenthesize(node);
  for (;;) {
    if (n.type === "attribute") n = unparenthesize(n.childForFieldName("object")!);
    else if (n.type === "subscript") n = unparenthesize(n.childForFieldName("value")!);
    else if (n.type === "call") n = unparenthesize(n.childForFieldName("function")!);
    else return n.type === "identifier" ? n.text : "";
  }
}

/** A statement of the form `[await] RECEIVER.METHOD(args)`. */
export interface MethodStatement {
  readonly statement: SyntaxNode;
  readonly call: SyntaxNode;
  readonly receiver: SyntaxNode;
  /** The method name identifier node (`close` in `r.close()`). */
  readonly methodNode: SyntaxNode;
  readonly method: string;
  readonly awaited: boolean;
  readonly argCount: number;
}

export function methodStatement(statement: SyntaxNode): MethodStatement | null {
  if (statement.type !== "expression_statement" || statement.namedChildCount !== 1) return null;
  let expr = unparenthesize(statement.namedChild(0)!);
  const awaited = expr.type === "await";
  if (awaited) expr = unparenthesize(expr.namedChild(0)!);
  return methodCall(expr, statement, awaited);
}

export function methodCall(call: SyntaxNode, statement: SyntaxNode, awaited: boolean): MethodStatement | null {
  if (call.type !== "call") return null;
  const callee = call.childForFieldName("function");
  const args = call.childForFieldName("arguments");
  if (!callee || callee.type !== "attribute" || !args || args.type !== "argument_list") return null;
  const receiver = callee.childForFieldName("object")!;
  const methodNode = callee.childForFieldName("attribute")!;
  const argCount = args.namedChildren.filter((a) => a.type !== "comment").length;
  return { statement, call, receiver, methodNode, method: methodNode.text, awaited, argCount };
}

/** Every statement of the module that is `[await] X.method()` with no arguments. */
export function methodStatements(ctx: RuleContext, method: string): MethodStatement[] {
  const found: MethodStatement[] = [];
  for (const stmt of ctx.tree.rootNode.descendantsOfType("expression_statement")) {
    const m = methodStatement(stmt);
    if (m && m.method === method && m.argCount === 0) found.push(m);
  }
  return found;
}

/**
 * Edits that delete a statement: its whole line(s) when it stands alone, the `; stmt` part when it shares a line,
 * or `pass` when it is the only statement of its block (a block cannot be empty).
 */
export function deleteStatement(ctx: RuleContext, stmt: SyntaxNode): TextEdit[] {
  const src = ctx.source;
  const parent = stmt.parent;
  if (parent && parent.type === "block" && statementsOf(parent).length === 1) {
    return [{ start: stmt.startIndex, end: stmt.endIndex, text: "pass" }];
  }
  const prev = stmt.previousSibling;
  if (prev && prev.type === ";") {
    // `a; b` on one line: drop `; b` (from the end of the statement before the semicolon).
    const before = prev.previousSibling;
    return [{ start: before ? before.endIndex : prev.startIndex, end: stmt.endIndex, text: "" }];
  }
  const next = stmt.nextSibling;
  if (next && next.type === ";") {
    const after = next.nextSibling;
    const sameLine = after && src.lineIndexAt(after.startIndex) === src.lineIndexAt(next.startIndex);
    return [{ start: stmt.startIndex, end: sameLine ? after.startIndex : next.endIndex, text: "" }];
  }
  const first = src.lineIndexAt(stmt.startIndex);
  const last = src.lineIndexAt(stmt.endIndex);
  const lead = src.text.slice(src.lineStart(first), stmt.startIndex);
  const trail = src.text.slice(stmt.endIndex, src.lineContentEnd(last));
  if (/^[ \t]*$/.test(lead) && /^[ \t]*(#.*)?$/.test(trail)) return [removeLinesKeepingComments(src, stmt)];
  return [{ start: stmt.startIndex, end: stmt.endIndex, text: "pass" }];
}

/** The single line holding `stmt`, with `node` replaced by `text` (a drop-in suggestion), or null for multi-line statements. */
export function lineWith(ctx: RuleContext, stmt: SyntaxNode, node: SyntaxNode, text: string): string | null {
  const src = ctx.source;
  const line = src.lineIndexAt(stmt.startIndex);
  if (src.lineIndexAt(stmt.endIndex) !== line) return null;
  const start = src.lineStart(line);
  return src.text.slice(start, node.startIndex) + text + src.text.slice(node.endIndex, src.lineContentEnd(line));
}

/**
 * Whether `node` is the name a connection block binds on an aioredis-looking client: `with await redis as c`,
 * `async with redis.client() as c` (after migration) or `async with pool.get() as c`. The data flow in facts only
 * knows these when the client itself is known; a client that is merely named like one (a parameter `redis`)
 * still makes `c` a connection.
 */
export function isConnectionAlias(ctx: RuleContext, node: SyntaxNode): boolean {
  const key = expressionKey(node);
  for (const pattern of ctx.tree.rootNode.descendantsOfType("as_pattern")) {
    if (pattern.parent?.type !== "with_item") continue;
    const alias = pattern.childForFieldName("alias");
    const value = pattern.namedChild(0);
    if (!alias || !value || expressionKey(alias) !== key) continue;
    let v = unparenthesize(value);
    if (v.type === "await") v = unparenthesize(v.namedChild(0)!);
    else if (v.type === "call") {
      const m = methodCall(v, pattern, false);
      if (!m || (m.method !== "client" && m.method !== "get") || m.argCount !== 0) continue;
      v = m.receiver;
    } else continue;
    if (v.type !== "call" && confidence(ctx, v) !== "none") return true;
  }
  return false;
}
