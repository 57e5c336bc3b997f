/**
 * Types and snippet builders for the reference-row table (rows/*.ts). A snippet is a small realistic aioredis
 * program; its "focus" is the lines that exercise the row (the surrounding imports and client creation are
 * migrated too, but only what happens on the focus lines counts for the row).
 */
import type { MigrationOptions } from "../../src/migrate/findings.js";

/** Kind column of the reference (`—`: informational row, nothing to migrate). */
export type RefKind = "Auto" | "Auto+flag" | "Manual" | "—";

/**
 * How redis-migrate handles the row today.
 * - `auto`: rewritten, nothing reported; `auto+flag`: rewritten and a manual step left for the consumers;
 * - `manual`: reported as a manual step (with suggested code where the rule has one);
 * - `unchanged`: the row needs no change (same signature and behaviour) and none is made;
 * - `not handled`: silently left or rewritten wrongly — a gap (see `gap`);
 * - `info`: an informational row of the reference (Kind `—`), nothing to check.
 */
export type Handling = "auto" | "auto+flag" | "manual" | "unchanged" | "not handled" | "info";

export type Expectation =
  /** A rewrite by `rule` on the focus lines; `contains` must occur in the migrated file. */
  | { readonly kind: "auto"; readonly rule: string; readonly contains?: string }
  /** A manual step by `rule` on the focus lines; `contains` must occur in its text or its suggestion. */
  | { readonly kind: "manual"; readonly rule: string; readonly contains?: string }
  /** The migrated file must contain `contains` (pins a partial or wrong rewrite down as it is today). */
  | { readonly kind: "output"; readonly contains: string }
  /** The migrated file must not contain `contains` (pins a gap down as it is today). */
  | { readonly kind: "absent"; readonly contains: string };

export interface Snippet {
  readonly text: string;
  /** First and last line (1-based, original file) that belong to the row. */
  readonly focus: readonly [number, number];
  /** File name (default `snippet.py`). */
  readonly file?: string;
  /** A dependency manifest: goes through the manifest migrator instead of the engine. */
  readonly manifest?: boolean;
  readonly options?: Partial<MigrationOptions>;
}

export interface ReferenceRow {
  /** `<section>-<nn>`: the row's section of the reference and its position in that section's table. */
  readonly id: string;
  /** The row, shortened. */
  readonly row: string;
  readonly ref: RefKind;
  readonly handling: Handling;
  readonly snippet?: Snippet;
  /** What the engine does to the snippet; `unchanged`: nothing on the focus lines. */
  readonly expect: "unchanged" | readonly Expectation[];
  /** The rule that handles the row (the first expectation's, unless set). */
  readonly rule?: string;
  /** A fixture proving it: `<rule>/<case>` (src/migrate/rules/<rule>/fixtures/<case>.input.py). */
  readonly fixture?: string;
  /** Text the fixture's input must contain (shows that the fixture exercises this row). */
  readonly proof?: string;
  /** The rule that should close the gap, when no rule handles the row today. */
  readonly owner?: string;
  /** What is missing (for `not handled`, and for handled rows where part of the row is not done). */
  readonly gap?: string;
  readonly note?: string;
}

/** A row as written in a section file; the id is given by its position. */
export type RowSpec = Omit<ReferenceRow, "id">;

export interface Section {
  /** Section number in the reference (`2`, `5.6`, …); `2.x` is the second table of §2. */
  readonly section: string;
  readonly title: string;
  readonly rows: readonly RowSpec[];
}

export function numbered(section: Section): ReferenceRow[] {
  return section.rows.map((r, i) => ({ id: `${section.section}-${String(i + 1).padStart(2, "0")}`, ...r }));
}

function lines(text: string): number {
  return text.replace(/\n$/, "").split("\n").length;
}

function indent(body: string, by = "    "): string {
  return body
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => (l.length > 0 ? by + l : l))
    .join("\n");
}

const PARAM_HEAD = "import aioredis\n\n\nasync def handler(r: aioredis.Redis):\n";
const POOL_HEAD = 'import aioredis\n\n\nasync def main():\n    r = await aioredis.create_redis_pool("redis://localhost")\n';
const V2_HEAD = 'import aioredis\n\n\nasync def main():\n    r = aioredis.from_url("redis://localhost")\n';

/** `body` inside `async def handler(r: aioredis.Redis):` — a client that crossed a function boundary. */
export function param(body: string, options?: Partial<MigrationOptions>): Snippet {
  return { text: PARAM_HEAD + indent(body) + "\n", focus: [5, 4 + lines(body)], options };
}

/** `body` after `r = await aioredis.create_redis_pool("redis://localhost")` in `async def main()`. */
export function pool(body: string, options?: Partial<MigrationOptions>): Snippet {
  return { text: POOL_HEAD + indent(body) + "\n", focus: [6, 5 + lines(body)], options };
}

/** aioredis 2.x: `body` after `r = aioredis.from_url("redis://localhost")`. */
export function v2(body: string, options?: Partial<MigrationOptions>): Snippet {
  return { text: V2_HEAD + indent(body) + "\n", focus: [6, 5 + lines(body)], options };
}

/**
 * A whole module. The focus is the lines between `# >>>` and `# <<<` marker lines (which are removed), or the whole
 * module when there are no markers.
 */
export function mod(text: string, options?: Partial<MigrationOptions>): Snippet {
  const all = text.replace(/\n$/, "").split("\n");
  const start = all.findIndex((l) => l.trim() === "# >>>");
  const end = all.findIndex((l) => l.trim() === "# <<<");
  if (start < 0 || end < start) return { text: all.join("\n") + "\n", focus: [1, all.length], options };
  const kept = all.filter((_, i) => i !== start && i !== end);
  return { text: kept.join("\n") + "\n", focus: [start + 1, end - 1], options };
}

/** A dependency manifest (`requirements.txt`, `pyproject.toml`, …). */
export function manifest(file: string, text: string, options?: Partial<MigrationOptions>): Snippet {
  return { text, file, manifest: true, focus: [1, lines(text)], options };
}
