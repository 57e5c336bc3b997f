/**
 * The Markdown report: the PR body of the GitHub App and `redis-migrate --report`. Assembled from one pure
 * function per section; when a character budget is given, the largest sections are shortened first.
 */
import type { MigrationReport } from "../model.js";
import { changesByFile } from "./changes-by-file.js";
import { commands } from "./commands.js";
import { dependencyChanges } from "./dependency-changes.js";
import { FULL_REPORT_FILE, codeSpan, type CollapsibleOptions, type Detail, type LinkBuilder } from "./format.js";
import { header } from "./header.js";
import { manualSteps } from "./manual-steps.js";
import { skippedFiles } from "./skipped-files.js";
import { reportState, stateComment } from "./state.js";
import { summaryTable } from "./summary-table.js";

export { parseState, reportState, stateComment, type ReportState } from "./state.js";
export { FULL_REPORT_FILE, type LinkBuilder } from "./format.js";

/** GitHub rejects PR bodies over 65,536 characters; Renovate keeps to 58,000, and so do we. */
export const DEFAULT_BUDGET = 58_000;

export interface MarkdownOptions {
  readonly link?: LinkBuilder;
  /** Maximum length in UTF-16 code units (never fewer than the code points GitHub counts). Default: no limit. */
  readonly budget?: number;
}

export const SHORTENED_NOTE =
  `> [!NOTE]\n> This description was shortened to fit GitHub's size limit; the full report is in ${codeSpan(FULL_REPORT_FILE)}.`;

interface Collapsible {
  readonly render: (options: CollapsibleOptions) => string;
  /** Forms from most to least detailed; a list cut to a length comes after the last. */
  readonly details: readonly Detail[];
  level: number;
  maxChars?: number;
  text: string;
}

export function renderMarkdownReport(report: MigrationReport, options: MarkdownOptions = {}): string {
  const link = options.link;
  const budget = options.budget ?? Infinity;
  const collapsible = (render: Collapsible["render"], details: readonly Detail[]): Collapsible => {
    const c: Collapsible = { render, details, level: 0, text: "" };
    c.text = render({ link, detail: details[0] });
    return c;
  };
  const steps = collapsible((o) => manualSteps(report, o), ["full", "compact"]);
  const changes = collapsible((o) => changesByFile(report, o), ["full", "compact"]);
  const deps = collapsible((o) => dependencyChanges(report, o), ["full"]);
  const skipped = collapsible((o) => skippedFiles(report, o), ["full"]);
  const sections = [steps, changes, deps, skipped];
  const top = [header(report), summaryTable(report)];
  const bottom = [commands(report.target), stateComment(reportState(report))];

  let shortened = false;
  const assemble = (): string =>
    [...top, ...(shortened ? [SHORTENED_NOTE] : []), ...sections.map((s) => s.text), ...bottom].filter((p) => p !== "").join("\n\n") + "\n";

  let body = assemble();
  if (body.length <= budget) return body;
  shortened = true;

  // 1. Switch the largest sections to their compact form, one at a time.
  for (;;) {
    body = assemble();
    if (body.length <= budget) return body;
    const next = sections.filter((s) => s.level < s.details.length - 1).sort((a, b) => b.text.length - a.text.length)[0];
    if (!next) break;
    next.level++;
    next.text = next.render({ link, detail: next.details[next.level] });
  }
  // 2. Cut the lists, largest first, each to what the budget leaves it.
  for (const s of [...sections].sort((a, b) => b.text.length - a.text.length)) {
    const excess = assemble().length - budget;
    if (excess <= 0) break;
    if (s.text === "") continue;
    s.text = s.render({ link, detail: s.details[s.details.length - 1], maxChars: Math.max(0, s.text.length - excess) });
  }
  body = assemble();
  return body.length <= budget ? body : hardCut(body, budget, bottom[bottom.length - 1]!);
}

/** Last resort when even the fixed sections overflow: cut at a line, close an open fence, keep the state. */
function hardCut(body: string, budget: number, state: string): string {
  const tail = `\n\n…\n\n${state}\n`;
  let cut = body.slice(0, Math.max(0, budget - tail.length - 4));
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf("\n")));
  if ((cut.match(/^[ \t]*`{3,}/gm) ?? []).length % 2 === 1) cut += "\n```";
  return cut + tail;
}
