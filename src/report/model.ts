/**
 * What every report renders: the result of one migration run, and the counts derived from it.
 * Pure data; the CLI and the GitHub App build it from their own snapshot of the files.
 */
import type { Change, FileMigration, ManualStep, RedisTarget, SkippedFile, SkipReason } from "../migrate/findings.js";
import { TODO_PREFIX } from "../migrate/todo.js";

/** One dependency line rewritten in a manifest, e.g. `aioredis==1.3.1` → `redis>=5.0.1`. */
export interface DependencyChange {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  /** Line in the migrated manifest, when known (links in the PR body). */
  readonly line?: number;
}

/**
 * A manifest (requirements.txt, pyproject.toml, …) after migration; `output === input` when nothing changed.
 * The shape src/migrate/manifests returns (its `Change`s are `DependencyChange`s with more fields).
 */
export interface ManifestMigration {
  readonly file: string;
  readonly input: string;
  readonly output: string;
  readonly changes: readonly DependencyChange[];
  readonly manualSteps: readonly ManualStep[];
}

export interface MigrationReport {
  readonly toolVersion: string;
  readonly target: RedisTarget;
  /** Every Python file that was read, changed or not (syntax-error files included, unchanged). */
  readonly files: readonly FileMigration[];
  readonly manifests: readonly ManifestMigration[];
  /** Files not migrated and why, syntax errors included. */
  readonly skipped: readonly SkippedFile[];
}

export interface RuleCount {
  readonly ruleId: string;
  readonly changes: number;
  readonly manualSteps: number;
}

export interface ReportSummary {
  /** Python files and manifests found, whether read or skipped. */
  readonly scanned: number;
  /** Python files the engine parsed (the prefilter rules out those that cannot involve aioredis). */
  readonly parsed: number;
  /** Python files and manifests whose text changed. */
  readonly changed: number;
  readonly changes: number;
  readonly manualSteps: number;
  readonly dependencyChanges: number;
  /** Files not read (too large, binary, encodings); syntax errors are counted apart. */
  readonly skipped: number;
  readonly skippedByReason: ReadonlyMap<SkipReason, number>;
  readonly syntaxErrors: number;
  /** Rules with at least one change or manual step, by id. */
  readonly byRule: readonly RuleCount[];
  /** TODO comments an earlier run left that no manual step of this run accounts for. */
  readonly leftoverTodos: number;
}

/** A `# TODO(redis-migrate): …` comment found in a file. */
export interface LeftoverTodo {
  readonly file: string;
  readonly line: number;
  /** The comment after the prefix. */
  readonly text: string;
}

export interface ChangedText {
  readonly file: string;
  readonly input: string;
  readonly output: string;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Python files and manifests whose text changed, by path. */
export function changedTexts(report: MigrationReport): ChangedText[] {
  return [...report.files, ...report.manifests].filter((f) => f.output !== f.input).sort((a, b) => byString(a.file, b.file));
}

export function allChanges(report: MigrationReport): Change[] {
  return [...report.files].sort((a, b) => byString(a.file, b.file)).flatMap((f) => f.changes);
}

/** Manual steps of Python files and manifests, by file and line. */
export function allManualSteps(report: MigrationReport): ManualStep[] {
  return [...report.files, ...report.manifests].sort((a, b) => byString(a.file, b.file)).flatMap((f) => f.manualSteps);
}

export function allDependencyChanges(report: MigrationReport): DependencyChange[] {
  return [...report.manifests].sort((a, b) => byString(a.file, b.file)).flatMap((m) => m.changes);
}

export function notRead(report: MigrationReport): SkippedFile[] {
  return report.skipped.filter((s) => s.reason !== "syntax-error");
}

export function syntaxErrorFiles(report: MigrationReport): SkippedFile[] {
  return report.skipped.filter((s) => s.reason === "syntax-error");
}

export function summarize(report: MigrationReport): ReportSummary {
  const changes = allChanges(report);
  const steps = allManualSteps(report);
  const rules = new Map<string, { changes: number; manualSteps: number }>();
  const count = (id: string): { changes: number; manualSteps: number } => {
    let c = rules.get(id);
    if (!c) rules.set(id, (c = { changes: 0, manualSteps: 0 }));
    return c;
  };
  for (const c of changes) count(c.ruleId).changes++;
  // Manifest steps count under their own rule id; dependency changes are counted apart from code changes.
  for (const s of steps) count(s.ruleId).manualSteps++;
  const skippedByReason = new Map<SkipReason, number>();
  for (const s of notRead(report)) skippedByReason.set(s.reason, (skippedByReason.get(s.reason) ?? 0) + 1);
  const skipped = notRead(report).length;
  return {
    scanned: report.files.length + report.manifests.length + skipped,
    parsed: report.files.filter((f) => f.parsed).length,
    changed: changedTexts(report).length,
    changes: changes.length,
    manualSteps: steps.length,
    dependencyChanges: allDependencyChanges(report).length,
    skipped,
    skippedByReason,
    syntaxErrors: syntaxErrorFiles(report).length,
    byRule: [...rules.entries()].sort((a, b) => byString(a[0], b[0])).map(([ruleId, c]) => ({ ruleId, ...c })),
    leftoverTodos: leftoverTodos(report, "output").length,
  };
}

const TODO_MARK = TODO_PREFIX.trim();

/**
 * `# TODO(redis-migrate): …` comments that no manual step of this run sits under: an earlier run left them (rules do
 * not report a step twice once its TODO is there), so they are work still to do until someone deletes them.
 * `input` gives lines of the files as they are on disk before this run, `output` as migrated.
 */
export function leftoverTodos(report: MigrationReport, side: "input" | "output"): LeftoverTodo[] {
  const found: LeftoverTodo[] = [];
  for (const f of [...report.files].sort((a, b) => byString(a.file, b.file))) {
    const text = side === "input" ? f.input : f.output;
    if (!text.includes(TODO_MARK)) continue;
    const lines = text.split("\n");
    const stepLines = new Set(f.manualSteps.map((m) => (side === "input" ? m.originalLine : m.line)));
    lines.forEach((l, i) => {
      const t = l.trim();
      if (!t.startsWith(TODO_MARK)) return;
      // A step's TODO is in the block of comments right above the step's statement.
      let below = i + 1;
      while (below < lines.length && lines[below]!.trim().startsWith("#")) below++;
      if (!stepLines.has(below + 1)) found.push({ file: f.file, line: i + 1, text: t.slice(TODO_MARK.length).trim() });
    });
  }
  return found;
}

/** "1 file", "2 files". */
export function plural(n: number, singular: string, pluralForm = singular + "s"): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
