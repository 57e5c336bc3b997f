/** Small Markdown helpers shared by the report sections. */

/** Builds a URL for a line of a file (the App links lines in the PR head); undefined: plain text. */
export type LinkBuilder = (file: string, line: number) => string | undefined;

export interface SectionOptions {
  readonly link?: LinkBuilder;
}

/** How much a collapsible section shows: everything, or one line per item. */
export type Detail = "full" | "compact";

export interface CollapsibleOptions extends SectionOptions {
  readonly detail?: Detail;
  /** Cut the list so the section fits in this many characters (compact form). */
  readonly maxChars?: number;
}

/** Where the full report lives when the PR body had to be shortened. */
export const FULL_REPORT_FILE = "REDIS_MIGRATION.md";

/** An inline code span that survives backticks in its content. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return ticks + pad + text + pad + ticks;
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function fence(lang: string, code: string): string {
  const longest = Math.max(0, ...(code.match(/`{3,}/g) ?? []).map((r) => r.length));
  const f = "`".repeat(Math.max(3, longest + 1));
  return `${f}${lang}\n${code}\n${f}`;
}

/** `file:line` (or `file:line-end`), linked when the builder gives a URL. */
export function location(file: string, line: number, link: LinkBuilder | undefined, endLine = line): string {
  const text = codeSpan(endLine > line ? `${file}:${line}-${endLine}` : `${file}:${line}`);
  const url = link?.(file, line);
  return url ? `[${text}](${url})` : text;
}

/** Indents every non-empty line (to nest a block in a list item). */
export function indent(text: string, by = "  "): string {
  return text.replace(/^(?=.)/gm, by);
}

/** Text on one line, for list items and table cells. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function tableCell(text: string): string {
  return oneLine(text).replace(/\|/g, "\\|");
}

/**
 * Joins `head`, as many `items` as fit in `maxChars`, and `tail`; when items are left out, a last item says how
 * many and where they are. Returns "" when not even the head and that note fit.
 */
export function fitList(
  head: string,
  items: readonly string[],
  tail: string,
  maxChars: number | undefined,
  noun: readonly [singular: string, plural: string],
): string {
  const assemble = (shown: readonly string[], more: number): string => {
    const what = more === 1 ? noun[0] : noun[1];
    const list = more > 0 ? [...shown, `- … and ${more} more ${what}, listed in ${codeSpan(FULL_REPORT_FILE)}`] : shown;
    return [head, list.join("\n"), tail].filter((p) => p !== "").join("\n\n");
  };
  const all = assemble(items, 0);
  if (maxChars === undefined || all.length <= maxChars) return all;
  // The largest number of items that fits, by binary search (the length grows with the count).
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (assemble(items.slice(0, mid), items.length - mid).length <= maxChars) lo = mid;
    else hi = mid - 1;
  }
  const out = assemble(items.slice(0, lo), items.length - lo);
  return out.length <= maxChars ? out : "";
}
