import type { SourceText } from "../source.js";

/** One non-empty, non-comment piece of an INI value: the remainder of the key line, or a continuation line. */
export interface IniValueLine {
  /** 0-based line index. */
  readonly line: number;
  /** Span of the trimmed text (an inline ` # comment` excluded). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** True for the text on the `key =` line itself. */
  readonly onKeyLine: boolean;
}

export interface IniValue {
  readonly section: string;
  /** Lower-cased key. */
  readonly key: string;
  readonly keyStart: number;
  readonly lines: readonly IniValueLine[];
  /** Only the key line holds the value (no continuation lines). */
  readonly inline: boolean;
}

/**
 * Reads INI files the way configparser does for setup.cfg and tox.ini: `[section]` headers, `key = value` or
 * `key: value`, continuation lines indented deeper than the key, full-line `#`/`;` comments skipped (also inside
 * values), and blank lines that do not end a value.
 */
export function parseIni(source: SourceText): IniValue[] {
  const out: IniValue[] = [];
  let section = "";
  let current: { section: string; key: string; keyStart: number; indent: number; lines: IniValueLine[]; cont: boolean } | null =
    null;
  const flush = (): void => {
    if (current) out.push({ section: current.section, key: current.key, keyStart: current.keyStart, lines: current.lines, inline: !current.cont });
    current = null;
  };
  for (let i = 0; i < source.lineCount; i++) {
    const text = source.lineText(i);
    const start = source.lineStart(i);
    const indent = /^[ \t]*/.exec(text)![0].length;
    if (text.trim() === "" || /^[ \t]*[#;]/.test(text)) continue;
    if (current !== null && indent > current.indent) {
      const piece = valuePiece(text, start, indent, i, false);
      if (piece) current.lines.push(piece);
      current.cont = true;
      continue;
    }
    flush();
    const header = /^\s*\[([^\]]+)\]/.exec(text);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const kv = /^([ \t]*)([^=:\s][^=:]*?)\s*[=:]/.exec(text);
    if (!kv) continue;
    current = { section, key: kv[2]!.toLowerCase(), keyStart: start + kv[1]!.length, indent, lines: [], cont: false };
    const piece = valuePiece(text, start, kv[0].length, i, true);
    if (piece) current.lines.push(piece);
  }
  flush();
  return out;
}

function valuePiece(text: string, lineStart: number, from: number, line: number, onKeyLine: boolean): IniValueLine | null {
  let body = text.slice(from);
  const comment = /(^|\s)#/.exec(body);
  if (comment) body = body.slice(0, comment.index);
  const lead = body.length - body.trimStart().length;
  const trimmed = body.trim();
  if (trimmed === "") return null;
  const start = lineStart + from + lead;
  return { line, start, end: start + trimmed.length, text: trimmed, onKeyLine };
}
