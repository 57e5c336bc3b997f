import type { ArgumentEdits } from "../command-calls/arguments.js";
import type { SyntaxNode } from "../parser.js";

/**
 * `f1, v1, f2, v2` → `{f1: v1, f2: v2}` in place: a `{` before the first field, each field's comma becomes `:`, a
 * `}` after the last value. Comments and line breaks between the pairs stay where they are.
 * Shared by the rules that turn aioredis 1.x field/value (or key/value) pairs into a redis-py mapping.
 */
export function pairsToMapping(edits: ArgumentEdits, items: readonly SyntaxNode[], open = "{"): boolean {
  if (items.length < 2 || items.length % 2 !== 0) return false;
  for (let i = 0; i < items.length; i += 2) {
    const comma = commaAfter(items[i]!);
    if (!comma || comma.endIndex > items[i + 1]!.startIndex) return false;
    edits.replaceRange(comma.startIndex, comma.endIndex, ":");
  }
  edits.insertAt(items[0]!.startIndex, open);
  edits.insertAt(items[items.length - 1]!.endIndex, "}");
  return true;
}

function commaAfter(node: SyntaxNode): SyntaxNode | null {
  for (let s = node.nextSibling; s; s = s.nextSibling) {
    if (s.type === ",") return s;
    if (s.type !== "comment") return null;
  }
  return null;
}

/** `dict(zip(seq[::2], seq[1::2]))`: a flat `k1, v1, k2, v2` sequence as a mapping (for suggestions). */
export function zipPairs(seq: string): string {
  return `dict(zip(${seq}[::2], ${seq}[1::2]))`;
}
