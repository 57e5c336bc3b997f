/**
 * Just enough of the version-constraint languages found in Python manifests to answer three questions about an
 * existing `redis` pin: does it admit the version the migrated code needs, is its floor below it, and how to raise
 * the floor with the smallest edit.
 *
 * Dialects: `pep440` (requirements, PEP 621, setup.*, tox, Pipfile), `poetry` (adds `^`, `~`, bare versions, `||`)
 * and `conda` (`=4.5` and a bare `4.5` mean `4.5.*`, `|` is "or").
 */

export type Dialect = "pep440" | "poetry" | "conda";

export type Op = "===" | "==" | "!=" | ">=" | "<=" | ">" | "<" | "~=" | "^" | "~";

export interface Version {
  readonly release: readonly number[];
  /** A pre-release or dev release (sorts before the final release with the same numbers). */
  readonly pre: boolean;
}

/** One clause of a constraint, with its span inside the constraint text. */
export interface Clause {
  readonly op: Op;
  readonly version: Version;
  /** `==4.*`, `!=4.2.*`, conda `4.5*` */
  readonly wildcard: boolean;
  readonly start: number;
  readonly end: number;
}

const VERSION =
  /^v?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?(?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?(dev)[-_.]?\d*)?(?:\+[a-z0-9._]+)?$/i;

export function parseVersion(text: string): Version | null {
  const m = VERSION.exec(text.trim());
  if (!m) return null;
  return { release: m[1]!.split(".").map(Number), pre: m[2] !== undefined || m[3] !== undefined };
}

export function compareVersions(a: Version, b: Version): number {
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.pre !== b.pre) return a.pre ? -1 : 1;
  return 0;
}

function prefixMatches(v: Version, prefix: readonly number[]): boolean {
  return prefix.every((p, i) => (v.release[i] ?? 0) === p);
}

function bump(release: readonly number[], index: number): Version {
  const r = release.slice(0, index + 1).map((x, i) => (i === index ? x + 1 : x));
  return { release: r, pre: true }; // `<5` excludes 5.0.0rc1 as well: compare against the earliest 5.x
}

/** Upper bound (exclusive) of a poetry caret clause: the first non-zero component is kept. */
function caretUpper(v: Version): Version {
  const i = v.release.findIndex((x) => x !== 0);
  return bump(v.release, i < 0 ? v.release.length - 1 : Math.min(i, v.release.length - 1));
}

function tildeUpper(v: Version): Version {
  return bump(v.release, v.release.length === 1 ? 0 : 1);
}

export function satisfies(v: Version, c: Clause): boolean {
  const cmp = compareVersions(v, c.version);
  switch (c.op) {
    case "===":
    case "==":
      return c.wildcard ? prefixMatches(v, c.version.release) : cmp === 0;
    case "!=":
      return c.wildcard ? !prefixMatches(v, c.version.release) : cmp !== 0;
    case ">=":
      return cmp >= 0;
    case "<=":
      return cmp <= 0;
    case ">":
      return cmp > 0;
    case "<":
      return cmp < 0 && !(v.pre && prefixMatches(v, c.version.release));
    case "~=":
      return cmp >= 0 && prefixMatches(v, c.version.release.slice(0, Math.max(1, c.version.release.length - 1)));
    case "^":
      return cmp >= 0 && compareVersions(v, caretUpper(c.version)) < 0;
    case "~":
      return cmp >= 0 && compareVersions(v, tildeUpper(c.version)) < 0;
  }
}

export type ParsedSpec =
  | { readonly ok: true; readonly clauses: readonly Clause[] }
  | { readonly ok: false; readonly reason: string };

const CLAUSE = /\s*(===|==|!=|>=|<=|~=|>|<|\^|~|=)?\s*(\*|[0-9][0-9A-Za-z.+!_-]*(?:\.\*|\*)?)\s*(,)?/y;

/**
 * Parses a constraint (`>=4.2,<6`, `^4.3`, `>= 4.0, < 5`, `4.5.*`). Unreadable text (alternatives with `||`/`|`,
 * URLs, arbitrary strings) is reported, never guessed.
 */
export function parseSpec(text: string, dialect: Dialect): ParsedSpec {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "*") return { ok: true, clauses: [] };
  if (/\|/.test(trimmed)) return { ok: false, reason: "it lists alternatives" };
  const clauses: Clause[] = [];
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    CLAUSE.lastIndex = at;
    const m = CLAUSE.exec(text);
    if (!m || m[0].length === 0) return { ok: false, reason: `cannot read "${trimmed}"` };
    const rawOp = m[1];
    const rawVersion = m[2]!;
    const start = m.index + m[0].search(/\S/);
    const end = start + m[0].trim().replace(/,$/, "").trimEnd().length;
    at = CLAUSE.lastIndex;
    if (rawVersion === "*") {
      if (rawOp !== undefined) return { ok: false, reason: `cannot read "${trimmed}"` };
      continue;
    }
    const wildcard = rawVersion.endsWith("*");
    const version = parseVersion(rawVersion.replace(/\.?\*$/, ""));
    if (!version) return { ok: false, reason: `cannot read the version "${rawVersion}"` };
    let op: Op;
    if (rawOp === undefined || rawOp === "=") {
      if (dialect === "pep440") return { ok: false, reason: `"${trimmed}" has no comparison operator` };
      // poetry: a bare version is exact; conda: `4.5` and `=4.5` mean 4.5.*
      op = "==";
      if (dialect === "conda" && !wildcard) {
        clauses.push({ op, version, wildcard: true, start, end });
        continue;
      }
    } else {
      op = rawOp as Op;
      if ((op === "^" || op === "~") && dialect !== "poetry") {
        return { ok: false, reason: `"${op}" is not a ${dialect} operator` };
      }
    }
    if (wildcard && op !== "==" && op !== "!=") return { ok: false, reason: `cannot read "${trimmed}"` };
    clauses.push({ op, version, wildcard, start, end });
  }
  return { ok: true, clauses };
}

export function admits(clauses: readonly Clause[], v: Version): boolean {
  return clauses.every((c) => satisfies(v, c));
}

/** The highest version every clause with a lower bound guarantees (null: no lower bound). */
export function lowerBound(clauses: readonly Clause[]): Version | null {
  let best: Version | null = null;
  for (const c of clauses) {
    if (c.op === "!=" || c.op === "<" || c.op === "<=") continue;
    if (best === null || compareVersions(c.version, best) > 0) best = c.version;
  }
  return best;
}

export type FloorCheck =
  /** The constraint already guarantees the floor. */
  | { readonly status: "ok" }
  /** The constraint admits the floor but also older versions: `spec` is the constraint with the floor raised. */
  | { readonly status: "raise"; readonly spec: string }
  /** No version the constraint admits is new enough (`<4`, `==4.5.1`, `^4.3`). */
  | { readonly status: "excludes" }
  | { readonly status: "unreadable"; readonly reason: string };

/**
 * Checks an existing constraint against `floor` (e.g. `5.0.1`) and, when its own floor is lower, computes the
 * smallest rewrite: `>=`/`>` clauses below the floor become `>=floor`, poetry carets `^4.2` → `^floor` (same
 * upper bound, since the constraint admits the floor), and otherwise `>=floor,` is put in front (`~=5.0` →
 * `>=5.0.1,~=5.0`). An empty constraint or `*` becomes `>=floor`.
 */
export function checkFloor(spec: string, dialect: Dialect, floor: string): FloorCheck {
  const parsed = parseSpec(spec, dialect);
  if (!parsed.ok) return { status: "unreadable", reason: parsed.reason };
  const f = parseVersion(floor)!;
  const { clauses } = parsed;
  const low = lowerBound(clauses);
  if (low !== null && compareVersions(low, f) >= 0) return { status: "ok" };
  // The floor itself may be excluded (`!=5.0.1`) while later releases are not: try a few of them.
  const [a = 0, b = 0, c = 0] = f.release;
  const later = [f, [a, b, c + 1], [a, b + 1, 0], [a + 1, 0, 0], [a + 2, 0, 0], [a + 3, 0, 0]].map((r) =>
    Array.isArray(r) ? { release: r, pre: false } : r,
  );
  if (!later.some((v) => admits(clauses, v))) return { status: "excludes" };
  if (clauses.length === 0) return { status: "raise", spec: `>=${floor}` };
  const below = clauses.filter(
    (c) => (c.op === ">=" || c.op === ">" || c.op === "^") && compareVersions(c.version, f) < 0,
  );
  if (below.length > 0) {
    let out = spec;
    for (const c of [...below].sort((a, b) => b.start - a.start)) {
      out = out.slice(0, c.start) + (c.op === "^" ? `^${floor}` : `>=${floor}`) + out.slice(c.end);
    }
    return { status: "raise", spec: out };
  }
  const lead = /^\s*/.exec(spec)![0];
  const sep = dialect === "poetry" && /,\s/.test(spec) ? ", " : ",";
  return { status: "raise", spec: `${lead}>=${floor}${sep}${spec.slice(lead.length)}` };
}
