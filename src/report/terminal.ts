/** What the CLI prints for people: coloured diffs and a summary. Pure: strings in, strings out. */
import { palette, type Palette } from "./ansi.js";
import { allManualSteps, leftoverTodos, notRead, plural, summarize, syntaxErrorFiles, type MigrationReport } from "./model.js";

/** Colours one file's unified diff: headers bold, hunk ranges cyan, removals red, additions green. */
export function colorDiff(diff: string, colour: boolean): string {
  if (!colour || diff === "") return diff;
  const p = palette(true);
  let inHunk = false;
  return diff.replace(/[^\n]*\n/g, (line) => {
    const body = line.slice(0, -1);
    if (body.startsWith("@@")) {
      inHunk = true;
      return p.cyan(body) + "\n";
    }
    if (!inHunk) return p.bold(body) + "\n";
    if (body.startsWith("-")) return p.red(body) + "\n";
    if (body.startsWith("+")) return p.green(body) + "\n";
    if (body.startsWith("\\")) return p.dim(body) + "\n";
    return line;
  });
}

export interface SummaryOptions {
  readonly colour: boolean;
  /** `dry-run`: nothing written, manual steps point at original lines; `write`: at the lines of the written files. */
  readonly mode: "dry-run" | "write";
  /** Changed files that could not be written (`write` mode). */
  readonly writeFailures?: number;
}

/** Rows as columns separated by two spaces; the last column is not padded. */
function columns(rows: readonly string[][], styles: readonly ((s: string) => string)[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) =>
    "  " + r.map((c, i) => (styles[i] ?? String)(i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "),
  );
}

function section(p: Palette, title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ["", p.bold(title), ...lines];
}

export function summaryText(report: MigrationReport, options: SummaryOptions): string {
  const p = palette(options.colour);
  const s = summarize(report);
  const target = report.target === "4.2" ? "redis-py ≥ 4.2" : `redis-py ≥ ${report.target}`;
  const counts = [
    plural(s.scanned, "file") + " scanned",
    `${s.parsed} parsed`,
    `${s.changed} changed`,
    `${s.skipped} skipped`,
    ...(s.syntaxErrors > 0 ? [plural(s.syntaxErrors, "syntax error")] : []),
  ];
  const work = [plural(s.changes, "automatic change"), plural(s.manualSteps, "manual step")];
  if (s.leftoverTodos > 0) work.push(plural(s.leftoverTodos, "TODO comment") + " from an earlier run");
  if (s.dependencyChanges > 0) work.push(plural(s.dependencyChanges, "dependency change"));

  const lines = [
    p.bold(`redis-migrate ${report.toolVersion}`) + ` · aioredis → redis.asyncio (${target})`,
    counts.join(", "),
    work.join(", "),
  ];
  const ruleRows = s.byRule.filter((r) => r.changes > 0).map((r) => [r.ruleId, String(r.changes)]);
  lines.push(...section(p, "Changes by rule", columns(ruleRows, [String, p.bold])));

  const stepRows = allManualSteps(report).map((m) => [
    `${m.file}:${options.mode === "write" ? m.line : m.originalLine}`,
    m.ruleId,
    m.what.replace(/\s+/g, " ").trim(),
  ]);
  lines.push(...section(p, "Manual steps", columns(stepRows, [p.cyan, p.dim, String])));

  const todoRows = leftoverTodos(report, options.mode === "write" ? "output" : "input").map((t) => [`${t.file}:${t.line}`, t.text]);
  lines.push(...section(p, "TODO comments left from an earlier run", columns(todoRows, [p.cyan, String])));

  const skippedRows = notRead(report).map((f) => [f.file, f.reason, f.detail]);
  lines.push(...section(p, "Skipped", columns(skippedRows, [p.yellow, p.dim, String])));

  const syntaxRows = syntaxErrorFiles(report).map((f) => [f.file, f.detail]);
  lines.push(...section(p, "Syntax errors (left unchanged)", columns(syntaxRows, [p.yellow, String])));

  lines.push("", outcome(s.changed, s.manualSteps, s.leftoverTodos, options));
  return lines.join("\n") + "\n";
}

function outcome(changed: number, manualSteps: number, todos: number, options: SummaryOptions): string {
  const left = [
    ...(manualSteps > 0 ? [plural(manualSteps, "manual step")] : []),
    ...(todos > 0 ? [plural(todos, "TODO comment")] : []),
  ];
  const steps = left.length > 0 ? `; ${left.join(" and ")} remain${manualSteps + todos === 1 ? "s" : ""}` : "";
  if (changed > 0 && options.mode === "write") {
    const failed = options.writeFailures ?? 0;
    const failures = failed > 0 ? `; ${plural(failed, "file")} could not be written` : "";
    return `Wrote ${plural(changed - failed, "file")}${failures}${steps}.`;
  }
  if (changed > 0) return `Dry run: nothing was written. Run again with --write to change ${plural(changed, "file")}${steps}.`;
  return left.length > 0 ? `No automatic changes left${steps}.` : "Nothing to migrate.";
}
