import type { SyntaxNode } from "../../parser.js";
import { enclosingStatement } from "../../syntax.js";

/** The first line of the statement around `node`, with `node` replaced by `text`: a suggestion for that line. */
export function inStatement(node: SyntaxNode, text: string): string {
  const stmt = enclosingStatement(node);
  const out = stmt.text.slice(0, node.startIndex - stmt.startIndex) + text + stmt.text.slice(node.endIndex - stmt.startIndex);
  return out.split("\n")[0]!.trimEnd();
}
