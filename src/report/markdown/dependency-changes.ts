import { allDependencyChanges, type MigrationReport } from "../model.js";
import type { DependencyChange } from "../model.js";
import { codeSpan, fitList, location, tableCell, type CollapsibleOptions } from "./format.js";

const TITLE = "### Dependencies";

/** Manifest lines rewritten (e.g. `aioredis==1.3.1` → `redis>=5.0.1`), as a table. */
export function dependencyChanges(report: MigrationReport, options: CollapsibleOptions = {}): string {
  const changes = allDependencyChanges(report);
  if (changes.length === 0) return "";
  const cell = (text: string): string => (text.trim() === "" ? "(none)" : codeSpan(tableCell(text)));
  const where = (d: DependencyChange): string => (d.line === undefined ? codeSpan(d.file) : location(d.file, d.line, options.link));
  const rows = changes.map((d) => `| ${where(d)} | ${cell(d.before)} | ${cell(d.after)} |`);
  if (options.maxChars === undefined) return [TITLE, ["| File | Before | After |", "| --- | --- | --- |", ...rows].join("\n")].join("\n\n");
  // Cut: a list is easier to end with "and N more" than a table.
  const items = changes.map((d) => `- ${where(d)}: ${cell(d.before)} → ${cell(d.after)}`);
  return fitList(TITLE, items, "", options.maxChars, ["dependency change", "dependency changes"]);
}
