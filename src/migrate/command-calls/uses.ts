import type { SyntaxNode } from "../parser.js";

/**
 * Where a command's result goes, so a rule whose result type changed can point at the code that depends on the old
 * shape (and stay quiet when nothing does). A deliberately small data flow: the awaited call, a plain name it is
 * assigned to (until that name is rebound), loop and unpacking targets. Anything else counts as `other`.
 */
export type UseKind =
  | "index" // v[i]
  | "slice" // v[a:b]
  | "as-index" // x[v], x[:v]
  | "item-assign" // v[i] = x, del v[i]
  | "attribute" // v.name
  | "method" // v.name(...)
  | "unpack" // a, b = v
  | "iterate" // for x in v / comprehensions
  | "compare" // v == x, v is False, x in v
  | "concat" // v + x, x + v
  | "format" // f"{v}", "%s" % v
  | "call-arg" // f(v): `detail` is the callee's text
  | "truth" // if v, not v, v and x
  | "other";

export interface Use {
  readonly kind: UseKind;
  /** The expression that holds the value here (the awaited call or an identifier). */
  readonly node: SyntaxNode;
  /** The expression around it that makes the use (subscript, attribute, comparison, call, loop, …). */
  readonly site: SyntaxNode;
  /** Attribute name, callee text, subscript text; "" otherwise. */
  readonly detail: string;
  /** Loop or unpacking target (`iterate`, `unpack`). */
  readonly target?: SyntaxNode;
}

/** The `await call` expression (through parentheses), or null when the call is not awaited. */
export function awaitedExpression(call: SyntaxNode): SyntaxNode | null {
  let p = call.parent;
  while (p?.type === "parenthesized_expression") p = p.parent;
  return p?.type === "await" ? p : null;
}

/** Uses of a value: where it stands, and through the plain name it is assigned to. */
export function usesOf(value: SyntaxNode): Use[] {
  const n = outermost(value);
  const p = n.parent;
  if (!p) return [];
  if ((p.type === "assignment" || p.type === "named_expression") && isField(p, p.type === "assignment" ? "right" : "value", n)) {
    const left = p.childForFieldName(p.type === "assignment" ? "left" : "name");
    if (!left) return [];
    if (left.type === "identifier") return usesOfName(left, scopeOf(p), statementEnd(p));
    if (isPattern(left)) return [{ kind: "unpack", node: n, site: p, detail: "", target: left }];
    return [{ kind: "other", node: n, site: p, detail: "" }];
  }
  const direct = directUse(n);
  return direct ? [direct] : [];
}

/** Uses of a bound name after `from` inside `scope`, up to the next statement that rebinds it. */
export function usesOfName(name: SyntaxNode, scope: SyntaxNode, from: number): Use[] {
  const out: Use[] = [];
  for (const id of scope.descendantsOfType("identifier")) {
    if (id.text !== name.text || id.startIndex < from || id.id === name.id) continue;
    if (!isReference(id)) continue;
    if (rebinds(id)) break;
    const use = directUse(id);
    if (use) out.push(use);
  }
  return out;
}

/** The values that hold one element of a list result: loop targets, unpacked names, `v[i]`. */
export function elementUses(uses: readonly Use[]): Use[] {
  const out: Use[] = [];
  for (const u of uses) {
    if (u.kind === "index") out.push(...usesOf(u.site));
    else if (u.kind === "iterate" && u.target?.type === "identifier") out.push(...usesOfTargetName(u.target, u.site));
    else if (u.kind === "call-arg") out.push(...wrappedLoopItemUses(u.node));
    else if (u.kind === "unpack" && u.target) {
      for (const id of patternNames(u.target)) out.push(...usesOfName(id, scopeOf(u.site), statementEnd(u.site)));
    }
  }
  return out;
}

/** Identifiers of a pattern in order (`a, (b, c)` → a, b, c; starred names included). */
export function patternNames(pattern: SyntaxNode): SyntaxNode[] {
  if (pattern.type === "identifier") return [pattern];
  return pattern.descendantsOfType("identifier");
}

/** The identifiers bound at each top-level position of a pattern (null for nested patterns). */
export function patternSlots(pattern: SyntaxNode): (SyntaxNode | null)[] {
  if (!isPattern(pattern)) return [pattern.type === "identifier" ? pattern : null];
  return pattern.namedChildren.filter((c) => c.type !== "comment").map((c) => (c.type === "identifier" ? c : null));
}

/** Uses of the name bound at a loop or unpacking target position. */
export function usesOfTargetName(id: SyntaxNode, site: SyntaxNode): Use[] {
  if (site.type === "for_statement") return usesOfName(id, loopScope(site), id.endIndex);
  // a comprehension's body comes before its `for` clause
  if (site.type === "for_in_clause") return usesOfName(id, loopScope(site), loopScope(site).startIndex);
  return usesOfName(id, scopeOf(site), statementEnd(site));
}

/**
 * Builtins a loop can iterate a list through: where the list's element lands in the loop target. `zip` puts it at
 * the list's position, `enumerate` second (after the count); the others hand out the element itself.
 */
const ELEMENT_WRAPPERS: Readonly<Record<string, "position" | "second" | "same">> = {
  zip: "position",
  enumerate: "second",
  sorted: "same",
  reversed: "same",
  list: "same",
  tuple: "same",
  iter: "same",
};

/**
 * Uses of the loop target that receives a list's elements through `zip(…)`, `enumerate(…)`, `sorted(…)` and the
 * like (nested too: `for i, (name, h) in enumerate(zip(names, hashes))`), in a `for` loop or a comprehension.
 * Only the one target the elements land in is followed; any form whose positions are unclear (starred arguments or
 * targets, a target that does not match the arguments, a list that is not the first argument of `sorted`) is not.
 */
function wrappedLoopItemUses(list: SyntaxNode): Use[] {
  const slots: (TargetSlot | null)[] = []; // per wrapper, innermost first; null: the element itself
  let n = outermost(list);
  for (;;) {
    const args = n.parent;
    const call = args?.parent;
    if (args?.type !== "argument_list" || call?.type !== "call") return [];
    const kind = ELEMENT_WRAPPERS[call.childForFieldName("function")?.text ?? ""];
    if (!kind) return [];
    const positional = args.namedChildren.filter((c) => c.type !== "comment" && c.type !== "keyword_argument");
    const at = positional.findIndex((c) => c.id === n.id);
    if (at < 0 || positional.some((c) => c.type === "list_splat" || c.type === "dictionary_splat")) return [];
    if (kind === "position") slots.push({ size: positional.length, index: at });
    else if (at !== 0) return [];
    else slots.push(kind === "second" ? { size: 2, index: 1 } : null);
    n = outermost(call);
    const loop = n.parent;
    if ((loop?.type === "for_statement" || loop?.type === "for_in_clause") && isField(loop, "right", n)) {
      const target = targetAt(loop.childForFieldName("left"), slots.reverse());
      return target?.type === "identifier" ? usesOfTargetName(target, loop) : [];
    }
  }
}

/** Where a wrapper puts the element: position `index` of a tuple of `size` items. */
interface TargetSlot {
  readonly size: number;
  readonly index: number;
}

/** The part of a loop target at the given slots (outermost wrapper first), or null when the shapes do not match. */
function targetAt(target: SyntaxNode | null, slots: readonly (TargetSlot | null)[]): SyntaxNode | null {
  let t = target;
  for (const slot of slots) {
    if (!t || !slot) continue;
    if (!["pattern_list", "tuple_pattern", "list_pattern"].includes(t.type)) return null;
    const parts = t.namedChildren.filter((c) => c.type !== "comment");
    if (parts.length !== slot.size || parts.some((c) => c.type === "list_splat_pattern")) return null;
    t = parts[slot.index] ?? null;
  }
  return t;
}

function directUse(node: SyntaxNode): Use | null {
  const n = outermost(node);
  const p = n.parent;
  if (!p) return null;
  const use = (kind: UseKind, site: SyntaxNode, detail = "", target?: SyntaxNode): Use => ({ kind, node: n, site, detail, target });
  switch (p.type) {
    case "expression_statement":
      return null;
    case "assignment": {
      const left = p.childForFieldName("left");
      if (isField(p, "right", n) && left && isPattern(left)) return use("unpack", p, "", left);
      return use("other", p);
    }
    case "slice":
      return use("as-index", p.parent ?? p);
    case "subscript": {
      if (!isField(p, "value", n)) return use("as-index", p);
      const index = p.childForFieldName("subscript");
      const target = outermost(p);
      if (isAssignmentTarget(target) || target.parent?.type === "delete_statement") return use("item-assign", p, index?.text ?? "");
      return use(index?.type === "slice" ? "slice" : "index", p, index?.text ?? "");
    }
    case "attribute": {
      if (!isField(p, "object", n)) return use("other", p);
      const attr = p.childForFieldName("attribute")?.text ?? "";
      const call = p.parent;
      return call?.type === "call" && isField(call, "function", p) ? use("method", call, attr) : use("attribute", p, attr);
    }
    case "for_statement":
    case "for_in_clause":
      return isField(p, "right", n) ? use("iterate", p, "", p.childForFieldName("left") ?? undefined) : use("other", p);
    case "comparison_operator":
      return use("compare", p);
    case "binary_operator": {
      const op = p.childForFieldName("operator")?.text;
      if (op === "+") return use("concat", p);
      if (op === "%" && isField(p, "right", n)) return use("format", p);
      return use("other", p);
    }
    case "interpolation":
      return use("format", p.parent ?? p); // the whole f-string

    case "argument_list": {
      const call = p.parent;
      if (call?.type === "call") return use("call-arg", call, call.childForFieldName("function")?.text ?? "");
      return use("other", p);
    }
    case "not_operator":
    case "boolean_operator":
      return use("truth", p);
    case "if_statement":
    case "while_statement":
    case "elif_clause":
    case "conditional_expression":
      return use("truth", p);
    default:
      return use("other", p);
  }
}

function outermost(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent?.type === "parenthesized_expression") n = n.parent;
  return n;
}

function isField(parent: SyntaxNode, field: string, child: SyntaxNode): boolean {
  return parent.childForFieldName(field)?.id === child.id;
}

function isPattern(node: SyntaxNode): boolean {
  return ["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list"].includes(node.type);
}

function isAssignmentTarget(node: SyntaxNode): boolean {
  const p = node.parent;
  return (p?.type === "assignment" || p?.type === "augmented_assignment") && isField(p, "left", node);
}

/** An identifier that reads or binds a variable (not an attribute name or a keyword argument's name). */
function isReference(id: SyntaxNode): boolean {
  const p = id.parent;
  if (p?.type === "attribute" && isField(p, "attribute", id)) return false;
  if (p?.type === "keyword_argument" && isField(p, "name", id)) return false;
  return true;
}

/** Whether this identifier (re)binds its name: an assignment or loop target. */
function rebinds(id: SyntaxNode): boolean {
  let n: SyntaxNode = id;
  while (n.parent && ["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list"].includes(n.parent.type)) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (p.type === "assignment" || p.type === "augmented_assignment") return isField(p, "left", n);
  if (p.type === "for_statement" || p.type === "for_in_clause") return isField(p, "left", n);
  if (p.type === "as_pattern_target") return true;
  return false;
}

function scopeOf(node: SyntaxNode): SyntaxNode {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "function_definition" || p.type === "lambda") return p.childForFieldName("body") ?? p;
    if (p.type === "module") return p;
  }
  return node;
}

function loopScope(loop: SyntaxNode): SyntaxNode {
  if (loop.type === "for_statement") return loop.childForFieldName("body") ?? loop;
  return loop.parent ?? loop; // comprehension: the whole comprehension
}

function statementEnd(node: SyntaxNode): number {
  let n = node;
  while (n.parent && n.parent.type !== "block" && n.parent.type !== "module") n = n.parent;
  return n.endIndex;
}
