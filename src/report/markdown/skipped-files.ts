import type { SkipReason } from "../../migrate/findings.js";
import type { MigrationReport } from "../model.js";
import { codeSpan, fitList, tableCell, type CollapsibleOptions } from "./format.js";

const TITLE = "### Files not migrated";

const REASONS: Record<SkipReason, string> = {
  "too-large": "too large",
  binary: "binary",
  undecodable: "undecodable",
  "unsupported-encoding": "unsupported encoding",
  "syntax-error": "syntax error",
};

/** Files left untouched because they could not be read or parsed, with the reason. */
export function skippedFiles(report: MigrationReport, options: CollapsibleOptions = {}): string {
  if (report.skipped.length === 0) return "";
  const skipped = [...report.skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (options.maxChars === undefined) {
    const rows = skipped.map((s) => `| ${codeSpan(s.file)} | ${REASONS[s.reason]} | ${tableCell(s.detail)} |`);
    return [TITLE, ["| File | Reason | Detail |", "| --- | --- | --- |", ...rows].join("\n")].join("\n\n");
  }
  const items = skipped.map((s) => `- ${codeSpan(s.file)}: ${REASONS[s.reason]}`);
  return fitList(TITLE, items, "", options.maxChars, ["file", "files"]);
}
