import type { TextEdit } from "../edits.js";
import type { SourceText } from "../source.js";
import type { DelimitedList } from "./types.js";

/** Deletes whole lines `first..last` (0-based), terminators included; at the end of a file the previous newline. */
export function deleteLinesEdit(source: SourceText, first: number, last: number): TextEdit {
  let start = source.lineStart(first);
  const end = source.lineEndWithTerminator(last);
  const endsWithoutNewline = end === source.text.length && !/\n$/.test(source.text.slice(start, end));
  if (endsWithoutNewline && first > 0) start = source.lineContentEnd(first - 1);
  return { start, end, text: "" };
}

/** A set of removed elements and the edits that remove them together. */
export interface RemovalOp {
  readonly indices: readonly number[];
  readonly edits: readonly TextEdit[];
}

/**
 * Edits that remove `removed` elements from a delimited list, keeping the rest byte-identical:
 * - when every element on a line is removed and the line holds nothing else (separators, whitespace, a comment),
 *   the whole line goes;
 * - otherwise each element goes with the separator after it (or, after the last kept element of the line, with
 *   the separator before it), so `["a", "aioredis", "b"]` → `["a", "b"]` and `["a", "aioredis"]` → `["a"]`.
 */
export function listRemovalOps(source: SourceText, list: DelimitedList, removed: ReadonlySet<number>): RemovalOp[] {
  const { elements, separator } = list;
  const text = source.text;
  const byLine = new Map<number, number[]>();
  for (let i = 0; i < elements.length; i++) {
    const line = source.lineIndexAt(elements[i]!.start);
    const group = byLine.get(line) ?? [];
    group.push(i);
    byLine.set(line, group);
  }
  const ops: RemovalOp[] = [];
  const isKept = (i: number): boolean => !removed.has(i);
  for (const group of byLine.values()) {
    const gone = group.filter((i) => removed.has(i));
    if (gone.length === 0) continue;
    const firstLine = source.lineIndexAt(elements[group[0]!]!.start);
    const lastLine = Math.max(...group.map((i) => source.lineIndexAt(Math.max(elements[i]!.start, elements[i]!.end - 1))));
    if (gone.length === group.length && onlyElements(source, list, group, firstLine, lastLine)) {
      ops.push({ indices: gone, edits: [deleteLinesEdit(source, firstLine, lastLine)] });
      continue;
    }
    const keptHere = group.filter(isKept);
    if (keptHere.length > 0) {
      const lastKept = keptHere[keptHere.length - 1]!;
      for (let g = 0; g < group.length; g++) {
        const i = group[g]!;
        if (!removed.has(i)) continue;
        const el = elements[i]!;
        if (i < lastKept) {
          ops.push({ indices: [i], edits: [{ start: el.start, end: elements[group[g + 1]!]!.start, text: "" }] });
        } else {
          ops.push({ indices: [i], edits: [{ start: elements[group[g - 1]!]!.end, end: el.end, text: "" }] });
        }
      }
      continue;
    }
    // Every element of the line is removed but the line holds more (a bracket, a key): remove the run.
    const first = elements[group[0]!]!;
    const lastIndex = group[group.length - 1]!;
    const last = elements[lastIndex]!;
    const next = lastIndex + 1 < elements.length ? lastIndex + 1 : -1;
    const prev = group[0]! - 1;
    if (next >= 0 && isKept(next)) {
      ops.push({ indices: gone, edits: [{ start: first.start, end: elements[next]!.start, text: "" }] });
    } else if (next < 0 && prev >= 0 && isKept(prev) && source.lineIndexAt(elements[prev]!.end) < firstLine) {
      // the tail of a multi-line list: `    "a",\n    "aioredis"]` → `    "a"]`
      ops.push({ indices: gone, edits: [{ start: elements[prev]!.end, end: last.end, text: "" }] });
    } else {
      ops.push({ indices: gone, edits: [{ start: first.start, end: afterSeparator(text, last.end, separator), text: "" }] });
    }
  }
  return ops;
}

/** Past the separator that follows `end` on the same line (and the spaces after it), or `end` when there is none. */
function afterSeparator(text: string, end: number, separator: string): number {
  let i = end;
  while (text[i] === " " || text[i] === "\t") i++;
  if (text[i] !== separator) return end;
  i++;
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
}

/** The lines hold only the group's elements, separators, whitespace and an optional trailing comment. */
function onlyElements(
  source: SourceText,
  list: DelimitedList,
  group: readonly number[],
  firstLine: number,
  lastLine: number,
): boolean {
  const from = source.lineStart(firstLine);
  const to = source.lineContentEnd(lastLine);
  let rest = "";
  let at = from;
  for (const i of group) {
    const el = list.elements[i]!;
    rest += source.text.slice(at, el.start);
    at = el.end;
  }
  rest += source.text.slice(at, to);
  const sep = list.separator === ";" ? ";" : ",";
  return rest.split(/\r?\n/).every((line) => new RegExp(`^[\\s${sep}]*(#.*)?$`).test(line));
}
