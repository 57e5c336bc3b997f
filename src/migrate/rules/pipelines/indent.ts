import type { SyntaxNode } from "../../parser.js";
import type { SourceText } from "../../source.js";

/** The file's indentation step, measured between a block and the header that owns it (fallback: 4 spaces). */
export function indentUnit(source: SourceText, block: SyntaxNode): string {
  const inner = source.indentAt(block.startIndex);
  const owner = block.parent;
  const outer = owner ? source.indentAt(owner.startIndex) : "";
  if (inner.startsWith(outer) && inner.length > outer.length) return inner.slice(outer.length);
  return inner.includes("\t") ? "\t" : "    ";
}

/** Whether [start, end) holds a string literal spanning lines: re-indenting would change its value. */
export function hasMultilineString(root: SyntaxNode, start: number, end: number, source: SourceText): boolean {
  for (const s of root.descendantsOfType("string")) {
    if (s.endIndex <= start || s.startIndex >= end) continue;
    if (source.lineIndexAt(s.startIndex) !== source.lineIndexAt(s.endIndex)) return true;
  }
  return false;
}

/** Indents every non-blank line of `text` one more `unit` (line endings kept as they are). */
export function indentLines(text: string, unit: string): string {
  return text
    .split(/(?<=\n)/)
    .map((line) => (line.trim() === "" ? line : unit + line))
    .join("");
}
