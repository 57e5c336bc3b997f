import type { ManualStep } from "../../migrate/findings.js";
import { allManualSteps, type MigrationReport } from "../model.js";
import { codeSpan, fence, fitList, indent, location, oneLine, type CollapsibleOptions } from "./format.js";

const TITLE = "### Manual steps";

function item(m: ManualStep, options: CollapsibleOptions): string {
  return `- [ ] ${location(m.file, m.line, options.link)} (${codeSpan(m.ruleId)}): ${oneLine(m.what)}`;
}

/**
 * A checklist of what a person must finish, each with its location (line in the migrated file) and, in full form,
 * the suggested code. Compact: without the code; with `maxChars`, the list is cut to fit.
 */
export function manualSteps(report: MigrationReport, options: CollapsibleOptions = {}): string {
  const steps = allManualSteps(report);
  if (steps.length === 0) return "";
  const full = (options.detail ?? "full") === "full";
  const items = steps.map((m) =>
    full && m.suggestion.trim() !== "" ? `${item(m, options)}\n\n${indent(fence("python", m.suggestion))}` : item(m, options),
  );
  if (full && options.maxChars === undefined) return [TITLE, items.join("\n\n")].join("\n\n");
  return fitList(TITLE, items, "", options.maxChars, ["step", "steps"]);
}
