import type { TextEdit } from "./edits.js";
import type { SyntaxNode } from "./parser.js";
import type { SourceText } from "./source.js";

/** Small, pure helpers over tree-sitter-python nodes shared by the rules. */

const STATEMENT_PARENTS = new Set(["module", "block"]);
/** Clauses that start their own line: a comment may stand right above them. */
const CLAUSES = new Set(["except_clause", "except_group_clause", "elif_clause", "else_clause", "finally_clause", "case_clause"]);

/**
 * The statement that holds `node`: the nearest ancestor (or itself) whose parent is a block or the module — or the
 * `except`/`elif`/`else`/`finally`/`case` clause whose header holds it, so a TODO lands right above that line.
 */
export function enclosingStatement(node: SyntaxNode): SyntaxNode {
  let n: SyntaxNode = node;
  while (n.parent && !STATEMENT_PARENTS.has(n.parent.type)) {
    if (CLAUSES.has(n.parent.type) && n.type !== "block") return n.parent;
    n = n.parent;
  }
  // decorated definitions: anchor on the decorator line
  if (n.parent?.type === "decorated_definition") n = n.parent;
  return n;
}

/** Skips parentheses: `(x)` → `x`. */
export function unparenthesize(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === "parenthesized_expression" && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** Whitespace-free text of an expression: the key under which the data flow tracks receivers (`self.redis`, `app["redis"]`). */
export function expressionKey(node: SyntaxNode): string {
  return unparenthesize(node).text.replace(/\s+/g, "").replace(/'/g, '"');
}

export interface CallParts {
  readonly call: SyntaxNode;
  /** The callee: `r.set` in `r.set(...)`. */
  readonly callee: SyntaxNode;
  /** For `x.m(...)`: `x`; otherwise null. */
  readonly receiver: SyntaxNode | null;
  /** For `x.m(...)` the attribute name `m`; for `f(...)` the name `f`; else "". */
  readonly method: string;
  readonly args: SyntaxNode;
  readonly positional: SyntaxNode[];
  readonly keywords: Map<string, SyntaxNode>;
  /** `*args` / `**kwargs` present: argument positions cannot be known. */
  readonly hasSplat: boolean;
}

export function callParts(call: SyntaxNode): CallParts | null {
  if (call.type !== "call") return null;
  const callee = call.childForFieldName("function");
  const args = call.childForFieldName("arguments");
  if (!callee || !args || args.type !== "argument_list") return null;
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  let hasSplat = false;
  for (const a of args.namedChildren) {
    if (a.type === "comment") continue;
    if (a.type === "keyword_argument") {
      const name = a.childForFieldName("name");
      if (name) keywords.set(name.text, a);
    } else if (a.type === "list_splat" || a.type === "dictionary_splat") {
      hasSplat = true;
      if (a.type === "list_splat") positional.push(a);
    } else positional.push(a);
  }
  let receiver: SyntaxNode | null = null;
  let method = "";
  if (callee.type === "attribute") {
    receiver = callee.childForFieldName("object");
    method = callee.childForFieldName("attribute")?.text ?? "";
  } else if (callee.type === "identifier") method = callee.text;
  return { call, callee, receiver, method, args, positional, keywords, hasSplat };
}

/** The value of a keyword argument node (`x=1` → `1`). */
export function keywordValue(kw: SyntaxNode): SyntaxNode {
  return kw.childForFieldName("value")!;
}

/** `await <node>` parent, if the node is directly awaited (through parentheses). */
export function awaitingParent(node: SyntaxNode): SyntaxNode | null {
  let p = node.parent;
  while (p && p.type === "parenthesized_expression") p = p.parent;
  return p && p.type === "await" ? p : null;
}

/** Whether `node` sits inside an `async def` (stopping at the nearest function or lambda). */
export function insideAsyncFunction(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "function_definition") return p.text.startsWith("async");
    if (p.type === "lambda") return false;
  }
  return false;
}

export function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === "function_definition") return p;
  return null;
}

/** The value of a plain string literal without prefixes or interpolation, else null. */
export function stringLiteralValue(node: SyntaxNode): string | null {
  const n = unparenthesize(node);
  if (n.type !== "string") return null;
  const start = n.namedChildren.find((c) => c.type === "string_start");
  if (!start || /[fFbB]/.test(start.text)) return null;
  let value = "";
  for (const c of n.namedChildren) {
    if (c.type === "string_content") value += c.text;
    else if (c.type === "interpolation" || c.type === "escape_sequence") return null;
  }
  return value;
}

/** Statements of a block or module, without comments. */
export function statementsOf(block: SyntaxNode): SyntaxNode[] {
  return block.namedChildren.filter((c) => c.type !== "comment");
}

/** The next statement after `stmt` in the same block, skipping comments. */
export function nextStatement(stmt: SyntaxNode): SyntaxNode | null {
  let n = stmt.nextNamedSibling;
  while (n && n.type === "comment") n = n.nextNamedSibling;
  return n;
}

export function isTruthyLiteral(node: SyntaxNode): boolean | null {
  const t = unparenthesize(node).text;
  if (t === "True") return true;
  if (t === "False" || t === "None") return false;
  return null;
}

/**
 * The edit that deletes the lines of `stmt` (which starts its line) without losing a comment on them: the comments
 * inside the statement and the one after it stay, each on a line of its own at the statement's indentation.
 */
export function removeLinesKeepingComments(source: SourceText, stmt: SyntaxNode): TextEdit {
  const first = source.lineIndexAt(stmt.startIndex);
  const last = source.lineIndexAt(stmt.endIndex);
  const start = source.lineStart(first);
  const end = source.lineEndWithTerminator(last);
  const comments = stmt.descendantsOfType("comment").map((c) => c.text);
  const trailing = /#.*$/.exec(source.text.slice(stmt.endIndex, source.lineContentEnd(last)))?.[0];
  if (trailing) comments.push(trailing);
  if (comments.length === 0) return { start, end, text: "" };
  const indent = source.text.slice(start, stmt.startIndex);
  const terminator = source.text.slice(source.lineContentEnd(last), end);
  return { start, end, text: comments.map((c) => indent + c).join(source.newline) + terminator };
}
