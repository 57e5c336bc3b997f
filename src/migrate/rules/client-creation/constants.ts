import type { SyntaxNode } from "../../parser.js";

/** A module-level name bound exactly once, by `NAME = <value>`. */
export interface ModuleConstant {
  readonly assignment: SyntaxNode;
  readonly value: SyntaxNode;
  /** Every other occurrence of the name, all of which read it. */
  readonly reads: readonly SyntaxNode[];
}

/** Nodes a binding target may be nested in: `a, b = …`, `for (x, y) in …`, `with … as (a, b)`. */
const TARGET_CONTAINERS = new Set([
  "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression", "as_pattern_target",
  "list_splat_pattern", "expression_list",
]);

/**
 * Resolves `name` (an identifier) to a module-level constant assigned once in the module. Any other binding of the
 * same name anywhere (a parameter, a loop target, `global`, an import, a second assignment) makes it unknown: the
 * value the call sees could then differ.
 */
export function moduleConstant(root: SyntaxNode, name: SyntaxNode): ModuleConstant | null {
  return scopeConstant(root, name);
}

/**
 * The same within the function that makes the call: `address = (host, port)` assigned once in its body (not in a
 * nested block) and only read otherwise. Names bound in the function never refer to module constants.
 */
export function localConstant(name: SyntaxNode): ModuleConstant | null {
  let fn: SyntaxNode | null = name.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  return fn ? scopeConstant(fn, name) : null;
}

function scopeConstant(scope: SyntaxNode, name: SyntaxNode): ModuleConstant | null {
  if (name.type !== "identifier") return null;
  const root = scope;
  const body = scope.type === "module" ? scope : scope.childForFieldName("body");
  let assignment: SyntaxNode | null = null;
  const reads: SyntaxNode[] = [];
  for (const id of root.descendantsOfType("identifier")) {
    if (id.text !== name.text) continue;
    const parent = id.parent!;
    if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) continue;
    if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) continue;
    if (!isBinding(id)) {
      reads.push(id);
      continue;
    }
    if (assignment || parent.type !== "assignment") return null;
    assignment = parent;
  }
  if (!assignment || assignment.parent?.type !== "expression_statement" || assignment.parent.parent?.id !== body?.id)
    return null;
  // the value must be assigned before the call that reads it
  if (assignment.startIndex > name.startIndex) return null;
  const value = assignment.childForFieldName("right");
  return value ? { assignment, value, reads } : null;
}

function isBinding(id: SyntaxNode): boolean {
  const p = id.parent!;
  const is = (field: string): boolean => p.childForFieldName(field)?.id === id.id;
  switch (p.type) {
    case "parameters":
    case "lambda_parameters":
    case "global_statement":
    case "nonlocal_statement":
    case "aliased_import":
    case "dotted_name":
    case "dictionary_splat_pattern":
      return true;
    case "function_definition":
    case "class_definition":
    case "default_parameter":
    case "typed_default_parameter":
    case "named_expression":
      return is("name");
    case "typed_parameter":
      return p.namedChild(0)?.id === id.id;
  }
  for (let n: SyntaxNode = id; n.parent; n = n.parent) {
    const q = n.parent;
    if (q.type === "assignment" || q.type === "augmented_assignment" || q.type === "for_statement" || q.type === "for_in_clause")
      return q.childForFieldName("left")?.id === n.id;
    if (q.type === "as_pattern") return q.childForFieldName("alias")?.id === n.id;
    if (!TARGET_CONTAINERS.has(q.type)) return false;
  }
  return false;
}
