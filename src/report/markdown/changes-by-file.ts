import type { Change } from "../../migrate/findings.js";
import { allChanges, plural, type MigrationReport } from "../model.js";
import { codeSpan, fence, fitList, indent, location, oneLine, type CollapsibleOptions } from "./format.js";

const TITLE = "### Automatic changes";

function item(c: Change, options: CollapsibleOptions): string {
  return `- ${location(c.file, c.line, options.link, c.endLine)} (${codeSpan(c.ruleId)}): ${oneLine(c.why)}`;
}

/** The change as a diff: its original lines removed, its migrated lines added. */
function diffBlock(c: Change): string {
  const lines = (text: string, sign: string): string[] => (text === "" ? [] : text.split("\n").map((l) => sign + l));
  return fence("diff", [...lines(c.before, "-"), ...lines(c.after, "+")].join("\n"));
}

/**
 * Every automatic change with its location (line in the migrated file), rule, reason and a diff of the lines.
 * Compact: one line per change inside a `<details>`; with `maxChars`, the list is cut to fit.
 */
export function changesByFile(report: MigrationReport, options: CollapsibleOptions = {}): string {
  const changes = allChanges(report);
  if (changes.length === 0) return "";
  if ((options.detail ?? "full") === "full" && options.maxChars === undefined) {
    const parts = [TITLE];
    let file: string | undefined;
    for (const c of changes) {
      if (c.file !== file) parts.push(`#### ${codeSpan((file = c.file))}`);
      parts.push(`${item(c, options)}\n\n${indent(diffBlock(c))}`);
    }
    return parts.join("\n\n");
  }
  const files = new Set(changes.map((c) => c.file)).size;
  const head = `${TITLE}\n\n<details>\n<summary>${plural(changes.length, "automatic change")} in ${plural(files, "file")}</summary>`;
  return fitList(head, changes.map((c) => item(c, options)), "</details>", options.maxChars, ["change", "changes"]);
}
