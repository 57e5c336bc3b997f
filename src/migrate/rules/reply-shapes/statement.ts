import type { SyntaxNode } from "../../parser.js";
import { enclosingStatement } from "../../syntax.js";

/**
 * The lines of the statement around `node` that hold `node`, with `node` replaced by `text`: a suggestion for those
 * lines (`"up": self.pong,` inside a multi-line dict, the whole statement when it is one line).
 */
export function inStatement(node: SyntaxNode, text: string): string {
  const stmt = enclosingStatement(node);
  const before = stmt.text.slice(0, node.startIndex - stmt.startIndex);
  const after = stmt.text.slice(node.endIndex - stmt.startIndex);
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = after.indexOf("\n");
  return (before.slice(lineStart) + text + (lineEnd === -1 ? after : after.slice(0, lineEnd))).trim();
}
