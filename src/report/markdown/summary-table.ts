import { summarize, type MigrationReport } from "../model.js";
import { codeSpan } from "./format.js";

/** Counts of files, and of changes and manual steps per rule. */
export function summaryTable(report: MigrationReport): string {
  const s = summarize(report);
  const files = [
    "| Files scanned | Parsed | Changed | Skipped | Syntax errors |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${s.scanned} | ${s.parsed} | ${s.changed} | ${s.skipped} | ${s.syntaxErrors} |`,
  ].join("\n");
  if (s.byRule.length === 0) return `### Summary\n\n${files}`;
  const rules = [
    "| Rule | Automatic changes | Manual steps |",
    "| --- | ---: | ---: |",
    ...s.byRule.map((r) => `| ${codeSpan(r.ruleId)} | ${r.changes} | ${r.manualSteps} |`),
    `| **Total** | **${s.changes}** | **${s.manualSteps}** |`,
  ].join("\n");
  return `### Summary\n\n${files}\n\n${rules}`;
}
