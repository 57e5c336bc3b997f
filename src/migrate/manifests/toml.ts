/**
 * A small, tolerant TOML reader that keeps the position of everything it reads, so that manifests can be edited
 * in place. It understands what dependency tables use (tables, array tables, dotted and quoted keys, the four
 * string kinds, arrays over several lines with comments, inline tables); other values are kept as raw spans.
 * Returns null when the text is not TOML it can follow, and the caller then leaves the file alone.
 */

export interface TomlString {
  readonly kind: "string";
  readonly start: number;
  readonly end: number;
  /** The decoded value. */
  readonly value: string;
  /** Span between the quotes. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** One-line and without escapes: offsets inside `value` map one-to-one onto the text. */
  readonly plain: boolean;
  readonly quote: string;
}

export interface TomlArray {
  readonly kind: "array";
  readonly start: number;
  readonly end: number;
  readonly items: readonly TomlValue[];
}

export interface TomlInlineTable {
  readonly kind: "table";
  readonly start: number;
  readonly end: number;
  readonly entries: readonly TomlKeyValue[];
}

export interface TomlOther {
  readonly kind: "other";
  readonly start: number;
  readonly end: number;
}

export type TomlValue = TomlString | TomlArray | TomlInlineTable | TomlOther;

export interface TomlKey {
  readonly parts: readonly string[];
  /** Span of each part as written (quotes included). */
  readonly spans: readonly (readonly [number, number])[];
}

export interface TomlKeyValue {
  readonly key: TomlKey;
  readonly value: TomlValue;
}

export interface TomlTable {
  /** `[]` for the root table. */
  readonly path: readonly string[];
  /** The `[a.b]` header (null for the root table). */
  readonly header: { readonly key: TomlKey; readonly start: number; readonly end: number } | null;
  readonly isArray: boolean;
  readonly entries: TomlKeyValue[];
}

class TomlError extends Error {}

export function parseToml(text: string): TomlTable[] | null {
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e instanceof TomlError) return null;
    throw e;
  }
}

const BARE = /[A-Za-z0-9_-]/;

class Reader {
  private i = 0;
  constructor(private readonly t: string) {}

  private fail(): never {
    throw new TomlError(`unexpected input at ${this.i}`);
  }

  /** Spaces and tabs; with `lines`, also newlines and comments. */
  private skip(lines: boolean): void {
    const t = this.t;
    for (;;) {
      const c = t[this.i];
      if (c === " " || c === "\t") this.i++;
      else if (lines && (c === "\n" || c === "\r")) this.i++;
      else if (lines && c === "#") while (this.i < t.length && t[this.i] !== "\n") this.i++;
      else return;
    }
  }

  /** After a statement: only a comment may follow on the line. */
  private endOfLine(): void {
    this.skip(false);
    const c = this.t[this.i];
    if (c === "#") while (this.i < this.t.length && this.t[this.i] !== "\n") this.i++;
    else if (c !== undefined && c !== "\n" && c !== "\r") this.fail();
  }

  document(): TomlTable[] {
    const tables: TomlTable[] = [{ path: [], header: null, isArray: false, entries: [] }];
    for (;;) {
      this.skip(true);
      if (this.i >= this.t.length) return tables;
      if (this.t[this.i] === "[") {
        const start = this.i;
        const isArray = this.t[this.i + 1] === "[";
        this.i += isArray ? 2 : 1;
        this.skip(false);
        const key = this.key();
        this.skip(false);
        if (this.t[this.i] !== "]" || (isArray && this.t[this.i + 1] !== "]")) this.fail();
        this.i += isArray ? 2 : 1;
        tables.push({ path: key.parts, header: { key, start, end: this.i }, isArray, entries: [] });
        this.endOfLine();
        continue;
      }
      const kv = this.keyValue();
      tables[tables.length - 1]!.entries.push(kv);
      this.endOfLine();
    }
  }

  private keyValue(): TomlKeyValue {
    const key = this.key();
    this.skip(false);
    if (this.t[this.i] !== "=") this.fail();
    this.i++;
    this.skip(false);
    return { key, value: this.value() };
  }

  private key(): TomlKey {
    const parts: string[] = [];
    const spans: [number, number][] = [];
    for (;;) {
      const start = this.i;
      const c = this.t[this.i];
      if (c === '"' || c === "'") {
        parts.push(this.string().value);
      } else {
        while (this.i < this.t.length && BARE.test(this.t[this.i]!)) this.i++;
        if (this.i === start) this.fail();
        parts.push(this.t.slice(start, this.i));
      }
      spans.push([start, this.i]);
      this.skip(false);
      if (this.t[this.i] !== ".") return { parts, spans };
      this.i++;
      this.skip(false);
    }
  }

  private value(): TomlValue {
    const c = this.t[this.i];
    if (c === '"' || c === "'") return this.string();
    if (c === "[") return this.array();
    if (c === "{") return this.inlineTable();
    const start = this.i;
    while (this.i < this.t.length && !/[,\]}#\r\n]/.test(this.t[this.i]!)) this.i++;
    let end = this.i;
    while (end > start && /[ \t]/.test(this.t[end - 1]!)) end--;
    if (end === start) this.fail();
    this.i = end;
    return { kind: "other", start, end };
  }

  private string(): TomlString {
    const t = this.t;
    const start = this.i;
    const q = t[start]!;
    const multi = t.startsWith(q.repeat(3), start);
    const open = multi ? 3 : 1;
    let j = start + open;
    if (multi && t[j] === "\r") j++;
    if (multi && t[j] === "\n") j++;
    const contentStart = j;
    let value = "";
    for (;;) {
      if (j >= t.length) this.fail();
      const c = t[j]!;
      if (!multi && (c === "\n" || c === "\r")) this.fail();
      if (c === q && (!multi || t.startsWith(q.repeat(3), j))) {
        let close = j;
        if (multi) while (t[close + 3] === q && close - j < 2) close++;
        value += t.slice(j, close);
        const contentEnd = close;
        this.i = close + open;
        const plain = !multi && !t.slice(contentStart, contentEnd).includes("\\");
        return { kind: "string", start, end: this.i, value, contentStart, contentEnd, plain, quote: q };
      }
      if (c === "\\" && q === '"') {
        const e = t[j + 1];
        const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", '"': '"', "\\": "\\" };
        if (e !== undefined && simple[e] !== undefined) {
          value += simple[e];
          j += 2;
        } else if (e === "u" || e === "U") {
          const n = e === "u" ? 4 : 8;
          value += String.fromCodePoint(parseInt(t.slice(j + 2, j + 2 + n), 16));
          j += 2 + n;
        } else if (multi) {
          // line-ending backslash: skip the newline and the whitespace after it
          j++;
          while (j < t.length && /[ \t\r\n]/.test(t[j]!)) j++;
        } else this.fail();
        continue;
      }
      value += c;
      j++;
    }
  }

  private array(): TomlArray {
    const start = this.i;
    this.i++;
    const items: TomlValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.t[this.i] === "]") break;
      items.push(this.value());
      this.skip(true);
      if (this.t[this.i] === ",") {
        this.i++;
        continue;
      }
      if (this.t[this.i] !== "]") this.fail();
      break;
    }
    this.i++;
    return { kind: "array", start, end: this.i, items };
  }

  private inlineTable(): TomlInlineTable {
    const start = this.i;
    this.i++;
    const entries: TomlKeyValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.t[this.i] === "}") break;
      entries.push(this.keyValue());
      this.skip(true);
      if (this.t[this.i] === ",") {
        this.i++;
        continue;
      }
      if (this.t[this.i] !== "}") this.fail();
      break;
    }
    this.i++;
    return { kind: "table", start, end: this.i, entries };
  }
}

/** The string value of `key` in an inline table's entries, if it is a string. */
export function entryValue(entries: readonly TomlKeyValue[], key: string): TomlValue | undefined {
  return entries.find((e) => e.key.parts.length === 1 && e.key.parts[0] === key)?.value;
}

/** Whether `path` matches `pattern`, where `*` matches any one part. */
export function pathIs(path: readonly string[], pattern: readonly string[]): boolean {
  return path.length === pattern.length && pattern.every((p, k) => p === "*" || p === path[k]);
}
