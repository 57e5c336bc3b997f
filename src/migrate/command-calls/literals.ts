import type { SyntaxNode } from "../parser.js";
import { unparenthesize } from "../syntax.js";

/** `5`, `2.5`, `-3` (the text), or null for anything else. */
export function numberLiteral(node: SyntaxNode): string | null {
  const n = unparenthesize(node);
  if (n.type === "integer" || n.type === "float") return n.text;
  if (n.type === "unary_operator" && n.text.startsWith("-")) {
    const arg = n.childForFieldName("argument");
    if (arg && (arg.type === "integer" || arg.type === "float")) return `-${arg.text}`;
  }
  return null;
}

/**
 * Whether Python's `str()` of this number literal is the literal's own text, so `"(" + str(x)` can be written as
 * the string literal `"(x"`: plain decimal integers, and floats like `2.5` or `3.0` (no exponent, no underscores,
 * no superfluous zeros, few enough digits to print exactly as written).
 */
export function strIsOwnText(numberText: string): boolean {
  if (/^-?(0|[1-9]\d{0,14})$/.test(numberText)) return true;
  return /^-?(0|[1-9]\d{0,7})\.(0|\d{0,6}[1-9])$/.test(numberText);
}

/** Number-like in aioredis 1.x terms: a number literal, `float(...)`/`int(...)`, or `float("inf")`. */
export function isNumberLike(node: SyntaxNode): boolean {
  if (numberLiteral(node) !== null) return true;
  const n = unparenthesize(node);
  if (n.type !== "call") return false;
  const fn = n.childForFieldName("function")?.text;
  return fn === "float" || fn === "int";
}

/** A plain string or bytes literal (one piece, no f-string), with its prefix letters and its content. */
export interface StringLiteral {
  readonly node: SyntaxNode;
  readonly bytes: boolean;
  /** The content between the quotes, as written (escapes not decoded). */
  readonly content: string;
  /** Offset right after the opening quote(s): where a bracket is inserted. */
  readonly contentStart: number;
}

export function stringLiteral(node: SyntaxNode): StringLiteral | null {
  const n = unparenthesize(node);
  if (n.type !== "string") return null;
  const start = n.namedChildren.find((c) => c.type === "string_start");
  if (!start || /[fF]/.test(start.text)) return null;
  if (n.namedChildren.some((c) => c.type === "interpolation")) return null;
  const content = n.namedChildren
    .filter((c) => c.type === "string_content" || c.type === "escape_sequence")
    .map((c) => c.text)
    .join("");
  return { node: n, bytes: /[bB]/.test(start.text), content, contentStart: start.endIndex };
}

/** `True` → true, `False`/`None` → false, anything else → null. */
export function boolLiteral(node: SyntaxNode): boolean | null {
  const t = unparenthesize(node).text;
  if (t === "True") return true;
  if (t === "False" || t === "None") return false;
  return null;
}

/**
 * `r.ZSET_IF_EXIST`, `aioredis.Redis.ZSET_EXCLUDE_MIN`, …: the constant's name when `node` reads one of `names`.
 * aioredis' constants are strings equal to their names, so the literal `"ZSET_IF_EXIST"` counts too.
 */
export function constantName(node: SyntaxNode, names: readonly string[]): string | null {
  const n = unparenthesize(node);
  const name =
    n.type === "attribute" ? n.childForFieldName("attribute")?.text : n.type === "identifier" ? n.text : stringLiteral(n)?.content;
  return name !== undefined && names.includes(name) ? name : null;
}

/** Text for an expression used as an operand of a binary operator: parenthesized unless it is atomic. */
export function operand(node: SyntaxNode): string {
  const n = unparenthesize(node);
  const atomic = ["identifier", "attribute", "call", "subscript", "string", "integer", "float", "parenthesized_expression"];
  return atomic.includes(n.type) ? n.text : `(${n.text})`;
}
