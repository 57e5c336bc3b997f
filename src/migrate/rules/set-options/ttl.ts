import type { SyntaxNode } from "../../parser.js";
import { unparenthesize } from "../../syntax.js";

/** Number types of TTL expressions: aioredis 1.x silently switched to millisecond commands for floats. */

interface NumberValue {
  readonly kind: "int" | "float";
  readonly value: number;
}

/** `10`, `-1`, `1.5`, `1_000`, `0x10`, `1e3`; else null. */
function numberValue(node: SyntaxNode): NumberValue | null {
  const n = unparenthesize(node);
  if (n.type === "unary_operator") {
    const op = n.childForFieldName("operator")?.text;
    const inner = numberValue(n.childForFieldName("argument")!);
    if (!inner || (op !== "-" && op !== "+")) return null;
    return { kind: inner.kind, value: op === "-" ? -inner.value : inner.value };
  }
  const text = n.text.replace(/_/g, "");
  if (n.type !== "integer" && n.type !== "float") return null;
  if (/[jJlL]$/.test(text)) return null;
  const value = n.type === "integer" && /^0[xob]/i.test(text) ? Number(text.toLowerCase()) : Number(text);
  return Number.isFinite(value) ? { kind: n.type === "integer" ? "int" : "float", value } : null;
}

const FLOAT_CALLS = /^(float|time\.time|time\.monotonic|loop\.time)$/;
const INT_CALLS = /^(int|len|math\.floor|math\.ceil)$/;

/**
 * Whether an expression visibly yields a float (`1.5`, `time.time() + 60`, `ttl / 2`, `td.total_seconds()`), an int,
 * or cannot be told from the syntax.
 */
export function numberKind(node: SyntaxNode, seen: Set<number> = new Set()): "int" | "float" | "unknown" {
  const n = unparenthesize(node);
  const lit = numberValue(n);
  if (lit) return lit.kind;
  if (n.type === "binary_operator") {
    const op = n.childForFieldName("operator")!.text;
    if (op === "/") return "float";
    if (!["+", "-", "*", "//", "%"].includes(op)) return "unknown";
    const a = numberKind(n.childForFieldName("left")!, seen);
    const b = numberKind(n.childForFieldName("right")!, seen);
    if (a === "float" || b === "float") return "float";
    return a === "int" && b === "int" ? "int" : "unknown";
  }
  if (n.type === "identifier") return boundKind(n, seen);
  if (n.type === "attribute" && n.childForFieldName("object")?.text === "self") return selfAttributeKind(n, seen);
  if (n.type === "call") {
    const fn = n.childForFieldName("function")!;
    const name = fn.text.replace(/\s+/g, "");
    if (FLOAT_CALLS.test(name)) return "float";
    if (INT_CALLS.test(name)) return "int";
    if (fn.type === "attribute" && /^(total_seconds|timestamp)$/.test(fn.childForFieldName("attribute")!.text)) return "float";
  }
  return "unknown";
}

/** `int`, `Optional[int]`, `int | None`: annotations that rule out a float (None raised TypeError in aioredis). */
const INT_ANNOTATION = /^((typing\.)?Optional\[int\]|int(\s*\|\s*None)?|None\s*\|\s*int)$/;

/**
 * The number kind of a name from its assignments in the same function, else at module level: `delay = interval / 2`,
 * `TTL = 1.5`. Unknown when any assignment is unknown or they disagree; a parameter is an int only when annotated so.
 */
function boundKind(name: SyntaxNode, seen: Set<number>): "int" | "float" | "unknown" {
  let scope: SyntaxNode = name;
  while (scope.parent && scope.type !== "function_definition") scope = scope.parent;
  const params = scope.type === "function_definition" ? scope.childForFieldName("parameters") : null;
  const param = params?.namedChildren.find((p) => (p.childForFieldName("name") ?? p.namedChild(0) ?? p).text === name.text);
  const kinds = assignedKinds(scope, name, seen);
  if (param && kinds?.size === 0) return INT_ANNOTATION.test(param.childForFieldName("type")?.text ?? "") ? "int" : "unknown";
  if (kinds === null || param || params?.descendantsOfType("identifier").some((id) => id.text === name.text)) return "unknown";
  if (kinds.size === 0 && scope.type === "function_definition") {
    // not bound in the function: a module-level name (`SESSION_TTL = 3600`), from top-level statements only
    let root = scope;
    while (root.parent) root = root.parent;
    const top = assignedKinds(root, name, seen, true);
    return top?.size === 1 ? ([...top][0] as "int" | "float" | "unknown") : "unknown";
  }
  return kinds.size === 1 ? ([...kinds][0] as "int" | "float" | "unknown") : "unknown";
}

/** Whether an assignment target rebinds `name` (`name = …`, `a, name = …`; not `self.name = …` or `name[i] = …`). */
function bindsName(left: SyntaxNode, name: string): boolean {
  return [left, ...left.descendantsOfType("identifier")].some((id) => {
    if (id.type !== "identifier" || id.text !== name) return false;
    for (let p: SyntaxNode | null = id; p && p.id !== left.id; p = p.parent) {
      if (p.parent?.type === "attribute" || p.parent?.type === "subscript") return false;
    }
    return true;
  });
}

/**
 * The number kind of `self.window` from what its class assigns to it (`self.window = window` with `window: int`, a
 * class attribute `window = 60`). Unknown outside a class, when nothing is assigned there, or the values disagree.
 */
function selfAttributeKind(attr: SyntaxNode, seen: Set<number>): "int" | "float" | "unknown" {
  let cls: SyntaxNode | null = attr.parent;
  while (cls && cls.type !== "class_definition") cls = cls.parent;
  const body = cls?.childForFieldName("body");
  if (!body) return "unknown";
  const name = attr.childForFieldName("attribute")!.text;
  const kinds = new Set<string>();
  for (const a of body.descendantsOfType(["assignment", "augmented_assignment"])) {
    const left = a.childForFieldName("left")!;
    const inClassBody = a.parent?.parent?.id === body.id && left.type === "identifier" && left.text === name;
    const onSelf = left.type === "attribute" && left.text.replace(/\s+/g, "") === `self.${name}`;
    if (!inClassBody && !onSelf) continue;
    const right = a.type === "assignment" ? a.childForFieldName("right") : null;
    if (!right || seen.has(a.id)) return "unknown";
    seen.add(a.id);
    kinds.add(numberKind(right, seen));
  }
  return kinds.size === 1 ? ([...kinds][0] as "int" | "float" | "unknown") : "unknown";
}

/** Kinds of every value assigned to `name` in `scope` (null: one cannot be followed); `topLevel`: module statements only. */
function assignedKinds(scope: SyntaxNode, name: SyntaxNode, seen: Set<number>, topLevel = false): Set<string> | null {
  const kinds = new Set<string>();
  for (const a of scope.descendantsOfType(["assignment", "augmented_assignment", "for_statement"])) {
    if (topLevel && a.parent?.parent?.type !== "module") continue;
    const left = a.childForFieldName("left");
    if (!left || !bindsName(left, name.text)) continue;
    const right = a.type === "assignment" && left.type === "identifier" ? a.childForFieldName("right") : null;
    if (!right || seen.has(a.id)) return null; // `t = t * 2`, `a = b; b = a`: give up
    seen.add(a.id);
    kinds.add(numberKind(right, seen));
  }
  return kinds;
}

/** `int(x * 1000)` for a float expression, folded to a literal when `x` is one (aioredis 1.x computed exactly this). */
export function millisecondsText(node: SyntaxNode): string {
  const lit = numberValue(node);
  if (lit) return String(Math.trunc(lit.value * 1000));
  const n = unparenthesize(node);
  const simple = ["identifier", "attribute", "call", "subscript"].includes(n.type);
  return `int(${simple ? n.text : `(${n.text})`} * 1000)`;
}

/** Value of a constant integer expression (`0`, `60 * 60`, `-1`), else null. */
export function constantInt(node: SyntaxNode): number | null {
  const n = unparenthesize(node);
  const lit = numberValue(n);
  if (lit) return lit.kind === "int" ? lit.value : null;
  if (n.type !== "binary_operator") return null;
  const a = constantInt(n.childForFieldName("left")!);
  const b = constantInt(n.childForFieldName("right")!);
  if (a === null || b === null) return null;
  switch (n.childForFieldName("operator")!.text) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    default: return null;
  }
}

/**
 * Like `constantInt`, but also follows a name bound exactly once, at module level, to a constant
 * (`SESSION_TTL = 3600`), unless a parameter of an enclosing function has the same name.
 */
export function knownInt(node: SyntaxNode): number | null {
  const direct = constantInt(node);
  if (direct !== null) return direct;
  const n = unparenthesize(node);
  if (n.type !== "identifier") return null;
  for (let p = n.parent; p; p = p.parent) {
    const params = p.type === "function_definition" || p.type === "lambda" ? p.childForFieldName("parameters") : null;
    if (params?.descendantsOfType("identifier").some((id) => id.text === n.text)) return null;
  }
  let root = n;
  while (root.parent) root = root.parent;
  const bindings = root
    .descendantsOfType(["assignment", "augmented_assignment", "for_statement", "global_statement"])
    .filter((a) => (a.childForFieldName("left") ?? a).descendantsOfType("identifier").some((id) => id.text === n.text));
  const only = bindings.length === 1 ? bindings[0]! : null;
  if (!only || only.type !== "assignment" || only.parent?.parent?.type !== "module") return null;
  if (only.childForFieldName("left")!.type !== "identifier") return null;
  const right = only.childForFieldName("right");
  return right ? constantInt(right) : null;
}
