import type { SyntaxNode } from "../../parser.js";
import { unparenthesize } from "../../syntax.js";

const LOOPS = new Set(["for_statement", "while_statement"]);
/** A client built per element of a comprehension is a collection of clients (one per shard, per URL): fine. */
const BOUNDARIES = new Set(["function_definition", "lambda", "class_definition", "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression"]);
/** Methods that put a value into a longer-lived collection. */
const STORES = /^(append|appendleft|add|extend|insert|put|put_nowait|setdefault|update|push)$/;

export interface PerIteration {
  readonly loop: SyntaxNode;
  /** The local name the client is bound to, if any. */
  readonly local: string | null;
}

/**
 * Whether the same client, built by `expr` (the call, or its `await`), is built anew on every iteration of a loop
 * and dropped again: its arguments do not change with the iteration (a loop over several URLs builds one client per
 * URL, which is fine), and it is bound to a plain name that is not stored, returned or used after the loop, or used
 * on the spot. Loops that exit early (`break`, `return`: retrying until one client works) and comprehensions
 * (collections of clients) do not count.
 */
export function perIterationCreation(expr: SyntaxNode, call: SyntaxNode): PerIteration | null {
  let loop: SyntaxNode | null = null;
  for (let p = expr.parent; p && !loop; p = p.parent) {
    if (BOUNDARIES.has(p.type)) return null;
    if (!LOOPS.has(p.type)) continue;
    const body = p.childForFieldName("body");
    // in the loop's header (`for c in clients(from_url(u))`) the call runs once
    if (!body || expr.startIndex < body.startIndex || expr.endIndex > body.endIndex) return null;
    loop = p;
  }
  if (!loop || exitsEarly(loop) || dependsOnIteration(call, loop)) return null;
  let top = expr;
  while (top.parent?.type === "parenthesized_expression") top = top.parent;
  const parent = top.parent;
  if (!parent) return null;
  if (parent.type === "attribute" && parent.childForFieldName("object")?.id === top.id) return { loop, local: null };
  if (parent.type === "with_item" || parent.type === "as_pattern") return { loop, local: null };
  if (parent.type !== "assignment" || parent.childForFieldName("right")?.id !== top.id) return null;
  const left = parent.childForFieldName("left");
  if (left?.type !== "identifier") return null;
  if (keptBeyondTheIteration(loop, left.text)) return null;
  return { loop, local: left.text };
}

/** Whether the call's arguments read a name the loop (re)binds: its target, or a name assigned in its body. */
function dependsOnIteration(call: SyntaxNode, loop: SyntaxNode): boolean {
  const bound = new Set<string>();
  const left = loop.type === "for_statement" ? loop.childForFieldName("left") : null;
  if (left) for (const id of [left, ...left.descendantsOfType("identifier")]) if (id.type === "identifier") bound.add(id.text);
  for (const a of loop.childForFieldName("body")!.descendantsOfType(["assignment", "augmented_assignment", "for_statement"])) {
    const target = a.childForFieldName("left");
    if (target) for (const id of [target, ...target.descendantsOfType("identifier")]) if (id.type === "identifier") bound.add(id.text);
  }
  const args = call.childForFieldName("arguments");
  return !!args && args.descendantsOfType("identifier").some((id) => bound.has(id.text) && !isAttributeName(id));
}

/** A `break` of this loop, or a `return` anywhere in it (not in nested functions). */
function exitsEarly(loop: SyntaxNode): boolean {
  const body = loop.childForFieldName("body")!;
  const walk = (n: SyntaxNode, inner: boolean): boolean => {
    for (const c of n.namedChildren) {
      if (c.type === "function_definition" || c.type === "lambda" || c.type === "class_definition") continue;
      if (c.type === "return_statement") return true;
      if (c.type === "break_statement" && !inner) return true;
      if (walk(c, inner || LOOPS.has(c.type))) return true;
    }
    return false;
  };
  return walk(body, false);
}

function keptBeyondTheIteration(loop: SyntaxNode, local: string): boolean {
  const isLocal = (n: SyntaxNode | null | undefined): boolean => {
    if (!n) return false;
    const u = unparenthesize(n);
    if (u.type === "identifier") return u.text === local;
    if (["tuple", "expression_list", "list", "set", "dictionary", "pair"].includes(u.type)) return u.namedChildren.some(isLocal);
    return false;
  };
  const body = loop.childForFieldName("body")!;
  for (const n of body.descendantsOfType(["return_statement", "yield"])) if (isLocal(n.namedChild(0))) return true;
  for (const g of body.descendantsOfType(["global_statement", "nonlocal_statement"]))
    if (g.namedChildren.some((c) => c.text === local)) return true;
  for (const a of body.descendantsOfType(["assignment", "augmented_assignment"])) {
    const left = a.childForFieldName("left");
    if (left && (left.type !== "identifier" || a.type === "augmented_assignment") && isLocal(a.childForFieldName("right"))) return true;
  }
  for (const call of body.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")!.text : "";
    if (STORES.test(method) && call.childForFieldName("arguments")?.namedChildren.some(isLocal)) return true;
  }
  // read after the loop (`for _ in range(3): r = from_url(u)` … `await r.get(k)`)
  const scope = enclosingScope(loop);
  for (const id of scope.descendantsOfType("identifier")) {
    if (id.startIndex >= loop.endIndex && id.text === local && !isAttributeName(id)) return true;
  }
  return false;
}

function enclosingScope(node: SyntaxNode): SyntaxNode {
  for (let p = node.parent; p; p = p.parent) if (p.type === "function_definition" || p.type === "module") return p;
  return node;
}

function isAttributeName(id: SyntaxNode): boolean {
  const p = id.parent;
  return (p?.type === "attribute" && p.childForFieldName("attribute")?.id === id.id) || (p?.type === "keyword_argument" && p.childForFieldName("name")?.id === id.id);
}
