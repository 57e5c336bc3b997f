import { usesOf, type Use } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";
import { expressionKey } from "../../syntax.js";

/**
 * Uses of a reply, also through an attribute it is stored in: `self.last_save = await r.save()` is followed to the
 * reads of `self.last_save` in the same class (or module, for other attributes), where the reply is compared or
 * printed. Other uses are returned as they are.
 */
export function usesThroughAttributes(value: SyntaxNode): Use[] {
  return usesOf(value).flatMap((u) => {
    const left = u.kind === "other" && u.site.type === "assignment" ? u.site.childForFieldName("left") : null;
    if (left?.type !== "attribute") return [u];
    const reads = attributeReads(left, u.site);
    return reads.length > 0 ? reads.flatMap((r) => usesOf(r)) : [u];
  });
}

/** The other occurrences of `target` (same text) that read it, in its class when it is `self.<x>`. */
function attributeReads(target: SyntaxNode, assignment: SyntaxNode): SyntaxNode[] {
  const key = expressionKey(target);
  const scope = target.childForFieldName("object")?.text === "self" ? enclosingClass(target) : null;
  const root = scope ?? target.tree.rootNode;
  return root.descendantsOfType("attribute").filter((a) => {
    if (a.id === target.id || expressionKey(a) !== key) return false;
    const p = a.parent;
    const written = (p?.type === "assignment" || p?.type === "augmented_assignment") && p.childForFieldName("left")?.id === a.id;
    return !written && !(a.startIndex >= assignment.startIndex && a.endIndex <= assignment.endIndex);
  });
}

function enclosingClass(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === "class_definition") return p;
  return null;
}
