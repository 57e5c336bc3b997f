import type { KeptRun } from "../../edits.js";
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

/**
 * The runs `indentLines(text, unit)` carries over unchanged (each line after its added unit), for a re-indenting
 * edit's `kept`: `oldBase` and `newBase` are where `text` and its indented copy start within the edit.
 * Lines for which `unchanged(i)` is false (rewritten on the way) get no run.
 */
export function keptLines(text: string, unit: string, oldBase: number, newBase: number, unchanged: (line: number) => boolean = () => true): KeptRun[] {
  const runs: KeptRun[] = [];
  let from = oldBase;
  let to = newBase;
  text.split(/(?<=\n)/).forEach((line, i) => {
    const added = line.trim() === "" ? 0 : unit.length;
    if (unchanged(i) && line.length > 0) runs.push([from, to + added, line.length]);
    from += line.length;
    to += added + line.length;
  });
  return runs;
}
