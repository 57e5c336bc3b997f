/**
 * Runs one reference row's snippet through the engine (or the manifest migrator) and reads what happened to the
 * row's own lines: which rules rewrote them, which rules reported a manual step there. Shared by
 * `reference-rows.test.ts` (asserts every row's expectations) and `scripts/coverage-report.ts` (prints
 * docs/coverage.md), so the document and the engine cannot drift apart silently.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { migrateFile } from "../../src/migrate/engine.js";
import { DEFAULT_OPTIONS, type MigrationOptions } from "../../src/migrate/findings.js";
import { migrateManifest } from "../../src/migrate/manifests/index.js";
import type { Expectation, ReferenceRow, Snippet } from "./snippets.js";

export interface ObservedChange {
  readonly rule: string;
  readonly why: string;
}

export interface ObservedStep {
  readonly rule: string;
  readonly what: string;
  readonly suggestion: string;
}

export interface Observation {
  readonly output: string;
  /** Rewrites that touch the row's focus lines. */
  readonly changes: readonly ObservedChange[];
  /** Manual steps reported on the row's focus lines. */
  readonly steps: readonly ObservedStep[];
  /** The migrated text of the focus lines (for `unchanged`). */
  readonly focusUnchanged: boolean;
}

const ROOT = join(import.meta.dirname, "..", "..");

export const ROW_OPTIONS: MigrationOptions = { ...DEFAULT_OPTIONS, todoComments: true, repositoryUsesAioredis: true };

export function observe(snippet: Snippet): Observation {
  const options: MigrationOptions = { ...ROW_OPTIONS, ...snippet.options };
  const [from, to] = snippet.focus;
  const inFocus = (a: number, b: number): boolean => a <= to && b >= from;
  if (snippet.manifest) {
    const m = migrateManifest(snippet.file ?? "requirements.txt", snippet.text, options.target);
    return {
      output: m.output,
      changes: m.changes.map((c) => ({ rule: c.ruleId, why: c.why })),
      steps: m.manualSteps.map((s) => ({ rule: s.ruleId, what: s.what, suggestion: s.suggestion })),
      focusUnchanged: m.output === m.input,
    };
  }
  const r = migrateFile({ file: snippet.file ?? "snippet.py", text: snippet.text }, options);
  const changes = r.changes
    .filter((c) => inFocus(c.originalLine, c.originalEndLine))
    .map((c) => ({ rule: c.ruleId, why: c.why }));
  const steps = r.manualSteps
    .filter((s) => inFocus(s.originalLine, s.originalLine))
    .map((s) => ({ rule: s.ruleId, what: s.what, suggestion: s.suggestion }));
  return { output: r.output, changes, steps, focusUnchanged: changes.length === 0 && steps.length === 0 };
}

/** Problems with one row's expectations (empty: the engine does what the row says). */
export function check(row: ReferenceRow, seen: Observation): string[] {
  const problems: string[] = [];
  if (row.expect === "unchanged") {
    if (!seen.focusUnchanged) {
      problems.push(
        `expected no rewrite and no step on the row's lines, got changes [${seen.changes.map((c) => c.rule).join(", ")}]` +
          ` and steps [${seen.steps.map((s) => s.rule).join(", ")}]`,
      );
    }
    return problems;
  }
  for (const e of row.expect) {
    const ok = matches(e, seen);
    if (!ok) problems.push(`expected ${describe(e)}; got changes [${seen.changes.map((c) => c.rule).join(", ")}], steps [${seen.steps.map((s) => s.rule).join(", ")}]`);
  }
  return problems;
}

function matches(e: Expectation, seen: Observation): boolean {
  if (e.kind === "auto") {
    return seen.changes.some((c) => c.rule === e.rule) && (e.contains === undefined || seen.output.includes(e.contains));
  }
  if (e.kind === "manual") {
    return seen.steps.some(
      (s) => s.rule === e.rule && (e.contains === undefined || s.what.includes(e.contains) || s.suggestion.includes(e.contains)),
    );
  }
  if (e.kind === "output") return seen.output.includes(e.contains);
  return !seen.output.includes(e.contains);
}

function describe(e: Expectation): string {
  if (e.kind === "absent") return `output without ${JSON.stringify(e.contains)}`;
  if (e.kind === "output") return `output with ${JSON.stringify(e.contains)}`;
  return `${e.kind} by ${e.rule}${e.contains === undefined ? "" : ` with ${JSON.stringify(e.contains)}`}`;
}

/** Whether the recorded handling agrees with the row's own expectations. */
export function shapeProblems(row: ReferenceRow): string[] {
  const p: string[] = [];
  const expect = row.expect === "unchanged" ? [] : row.expect;
  const has = (k: string): boolean => expect.some((e) => e.kind === k);
  if ((row.handling === "info") !== (row.ref === "—")) p.push("informational rows are exactly the reference's `—` rows");
  if (row.handling !== "info" && !row.snippet) p.push("a classified row needs a snippet");
  switch (row.handling) {
    case "auto":
      if (!has("auto") || has("manual")) p.push("`auto` expects a rewrite and no manual step");
      break;
    case "auto+flag":
      if (!has("auto") || !has("manual")) p.push("`auto+flag` expects a rewrite and a manual step");
      break;
    case "manual":
      if (!has("manual") || has("auto")) p.push("`manual` expects a manual step and no rewrite");
      break;
    case "unchanged":
      if (row.expect !== "unchanged" || row.gap) p.push("`unchanged` expects nothing on the row's lines, and no gap");
      break;
    case "not handled":
      if (!row.gap) p.push("`not handled` needs the gap described");
      if (!row.owner && (row.expect === "unchanged" || !has("auto"))) p.push("`not handled` without a rule needs an owner");
      break;
    case "info":
      break;
  }
  return p;
}

/** Whether the named fixture exists and exercises the row. */
export function fixtureProblems(row: ReferenceRow): string[] {
  const parts = row.fixture!.split("/");
  let dir: string;
  let name: string;
  if (parts[0] === "manifests") {
    dir = join(ROOT, "src", "migrate", "manifests", parts[1]!, "fixtures");
    name = parts[2]!;
  } else {
    dir = join(ROOT, "src", "migrate", "rules", parts[0]!, "fixtures");
    name = parts[1]!;
  }
  const input = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(`${name}.input.`)) : undefined;
  if (!input) return [`fixture ${row.fixture} does not exist`];
  if (row.proof && !readFileSync(join(dir, input), "utf8").includes(row.proof)) return [`fixture ${row.fixture} does not contain ${JSON.stringify(row.proof)}`];
  return [];
}
