import type { SyntaxNode } from "../../parser.js";

/** Whether the identifier refers to a binding: not an attribute name, a keyword name or part of an import. */
export function isReference(id: SyntaxNode): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (parent.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) return false;
  if (parent.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) return false;
  for (let p: SyntaxNode | null = parent; p; p = p.parent) {
    if (p.type === "import_statement" || p.type === "import_from_statement") return false;
    if (p.type === "block" || p.type === "module") break;
  }
  return true;
}

/** `mod` in `mod.a.b` → the whole `mod.a.b` chain. */
export function outermostChain(ref: SyntaxNode): SyntaxNode {
  let n = ref;
  while (n.parent?.type === "attribute" && n.parent.childForFieldName("object")?.id === n.id) n = n.parent;
  return n;
}
