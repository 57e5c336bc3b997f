/** Machine-readable findings (`redis-migrate --json`). Bump SCHEMA_VERSION on any incompatible change. */
import type { Change, ManualStep, RedisTarget, SkippedFile } from "../migrate/findings.js";
import { unifiedDiff } from "./diff.js";
import {
  allDependencyChanges,
  leftoverTodos,
  summarize,
  type DependencyChange,
  type LeftoverTodo,
  type MigrationReport,
  type RuleCount,
} from "./model.js";

export const SCHEMA_VERSION = 1;

export interface JsonFile {
  readonly file: string;
  readonly kind: "python" | "manifest";
  readonly changed: boolean;
  readonly changes: readonly Change[];
  readonly manualSteps: readonly ManualStep[];
  /** Unified diff of the file (empty when unchanged). */
  readonly diff: string;
}

export interface JsonReport {
  readonly schemaVersion: number;
  readonly tool: { readonly name: "redis-migrate"; readonly version: string };
  readonly target: RedisTarget;
  /** Whether the changes were written to disk (`--write`). */
  readonly written: boolean;
  readonly summary: {
    readonly scanned: number;
    readonly parsed: number;
    readonly changed: number;
    readonly changes: number;
    readonly manualSteps: number;
    readonly dependencyChanges: number;
    readonly skipped: number;
    readonly skippedByReason: Readonly<Record<string, number>>;
    readonly syntaxErrors: number;
    readonly byRule: readonly RuleCount[];
    readonly leftoverTodos: number;
  };
  /** Files with changes or manual steps, by path. */
  readonly files: readonly JsonFile[];
  readonly dependencyChanges: readonly DependencyChange[];
  /** Files not migrated (syntax errors included), with the reason. */
  readonly skipped: readonly SkippedFile[];
  /** `# TODO(redis-migrate)` comments left by an earlier run (lines of the migrated files). */
  readonly leftoverTodos: readonly LeftoverTodo[];
  /** Problems that did not stop the run (unreadable files or directories). */
  readonly warnings: readonly string[];
}

export interface JsonOptions {
  readonly written: boolean;
  readonly warnings?: readonly string[];
}

export function toJsonReport(report: MigrationReport, options: JsonOptions): JsonReport {
  const s = summarize(report);
  const python: JsonFile[] = report.files
    .filter((f) => f.output !== f.input || f.manualSteps.length > 0)
    .map((f) => ({
      file: f.file,
      kind: "python",
      changed: f.output !== f.input,
      changes: f.changes.map(pickChange),
      manualSteps: f.manualSteps.map(pickStep),
      diff: unifiedDiff(f.input, f.output, { path: f.file }),
    }));
  const manifests: JsonFile[] = report.manifests
    .filter((m) => m.output !== m.input || m.manualSteps.length > 0)
    .map((m) => ({
      file: m.file,
      kind: "manifest",
      changed: m.output !== m.input,
      changes: [],
      manualSteps: m.manualSteps.map(pickStep),
      diff: unifiedDiff(m.input, m.output, { path: m.file }),
    }));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "redis-migrate", version: report.toolVersion },
    target: report.target,
    written: options.written,
    summary: {
      scanned: s.scanned,
      parsed: s.parsed,
      changed: s.changed,
      changes: s.changes,
      manualSteps: s.manualSteps,
      dependencyChanges: s.dependencyChanges,
      skipped: s.skipped,
      skippedByReason: Object.fromEntries(s.skippedByReason),
      syntaxErrors: s.syntaxErrors,
      byRule: s.byRule,
      leftoverTodos: s.leftoverTodos,
    },
    files: [...python, ...manifests].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    dependencyChanges: allDependencyChanges(report).map(({ file, before, after, line }) => ({ file, before, after, ...(line === undefined ? {} : { line }) })),
    skipped: [...report.skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    leftoverTodos: leftoverTodos(report, "output"),
    warnings: options.warnings ?? [],
  };
}

/** Only the documented fields: engine results carry extra internal ones. */
function pickChange(c: Change): Change {
  const { ruleId, file, originalLine, originalEndLine, line, endLine, before, after, why } = c;
  return { ruleId, file, originalLine, originalEndLine, line, endLine, before, after, why };
}

function pickStep(m: ManualStep): ManualStep {
  const { ruleId, file, originalLine, line, what, suggestion, suggestionReplacesLines } = m;
  return { ruleId, file, originalLine, line, what, suggestion, suggestionReplacesLines };
}
