import { OffsetMap, type TextEdit } from "./edits.js";
import { SourceText } from "./source.js";

export const TODO_PREFIX = "# TODO(redis-migrate): ";

export interface TodoRequest {
  /** Offset of the statement the comment goes above. */
  readonly offset: number;
  readonly what: string;
}

/** The first sentence of a manual step, on one line: what the TODO comment says. */
export function todoText(what: string): string {
  const oneLine = what.replace(/\s+/g, " ").trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(oneLine);
  return TODO_PREFIX + (m ? m[1]! : oneLine);
}

/**
 * Adds `# TODO(redis-migrate): …` above each statement that needs a person, with the statement's indentation and
 * the file's newline style. A comment already present in the block of comments right above is not added again,
 * so a second run over migrated code changes nothing.
 */
export function insertTodoComments(source: SourceText, requests: readonly TodoRequest[]): { text: string; map: OffsetMap } {
  const byLine = new Map<number, string[]>();
  for (const r of requests) {
    const line = source.lineIndexAt(r.offset);
    const text = todoText(r.what);
    const list = byLine.get(line) ?? [];
    if (!list.includes(text) && !existingCommentsAbove(source, line).includes(text)) list.push(text);
    byLine.set(line, list);
  }
  const nl = source.newline;
  const edits: TextEdit[] = [];
  for (const [line, texts] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
    if (texts.length === 0) continue;
    // a byte-order mark stays the first character of the file
    const start = line === 0 && source.text.startsWith("\uFEFF") ? 1 : source.lineStart(line);
    const indent = source.indentAt(start);
    edits.push({ start, end: start, text: texts.map((t) => indent + t + nl).join("") });
  }
  if (edits.length === 0) return { text: source.text, map: new OffsetMap([]) };
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += source.text.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += source.text.slice(at);
  return { text: out, map: new OffsetMap(edits) };
}

function existingCommentsAbove(source: SourceText, line: number): string[] {
  const found: string[] = [];
  for (let i = line - 1; i >= 0; i--) {
    const t = source.lineText(i).trim();
    if (!t.startsWith("#")) break;
    found.push(t);
  }
  return found;
}

export { SourceText };
