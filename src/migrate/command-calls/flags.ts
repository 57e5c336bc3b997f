import type { SyntaxNode } from "../parser.js";
import type { RuleContext } from "../rule.js";
import type { SourceText } from "../source.js";
import { enclosingStatement } from "../syntax.js";
import type { Use } from "./uses.js";

/**
 * Reports one manual step per use site (several uses in one statement give one step): the result type changed and
 * this code visibly depends on the old one.
 */
export function flagUses(ctx: RuleContext, uses: readonly Use[], what: string, suggest: (use: Use) => string): void {
  const seen = new Set<number>();
  for (const use of uses) {
    if (seen.has(use.site.id)) continue;
    seen.add(use.site.id);
    ctx.manual({ node: use.site, what, suggestion: suggest(use) });
  }
}

/** `int(x)`, `float(x)`: conversions that give the same value for the old and the new result type. */
export function isNumericConversion(use: Use): boolean {
  return use.kind === "call-arg" && (use.detail === "float" || use.detail === "int");
}

/** Replaces the text of `use.node` inside `use.site` by `text`: the use site rewritten around the new value. */
export function siteWith(use: Use, text: string): string {
  const s = use.site;
  return s.text.slice(0, use.node.startIndex - s.startIndex) + text + s.text.slice(use.node.endIndex - s.startIndex);
}

/** One piece of a suggestion: the code of `node` replaced by `text`. */
export interface Replacement {
  readonly node: SyntaxNode;
  readonly text: string;
}

/** The whole lines that hold the replaced nodes, with every replacement applied: a suggestion for those lines. */
export function linesWith(source: SourceText, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.node.startIndex - b.node.startIndex);
  const start = source.lineStart(source.lineIndexAt(sorted[0]!.node.startIndex));
  const end = source.lineContentEnd(source.lineIndexAt(Math.max(...sorted.map((r) => r.node.endIndex))));
  let out = "";
  let at = start;
  for (const r of sorted) {
    if (r.node.startIndex < at) continue; // nested in an earlier replacement
    out += source.text.slice(at, r.node.startIndex) + r.text;
    at = r.node.endIndex;
  }
  return out + source.text.slice(at, end);
}

/** A use to report: the code that replaces part of its line(s), or a free-standing suggestion. */
export interface Finding {
  readonly use: Use;
  readonly replacement?: Replacement;
  readonly suggestion?: string;
}

/**
 * One manual step per statement: the suggestion is that statement's lines with every replacement applied (so
 * `print(m.member, m.dist)` gets both fixes), or the first free-standing suggestion when there is no replacement.
 */
export function reportByStatement(ctx: RuleContext, findings: readonly Finding[], what: string): void {
  const groups = new Map<number, Finding[]>();
  for (const f of findings) {
    const at = enclosingStatement(f.use.site).startIndex;
    groups.set(at, [...(groups.get(at) ?? []), f]);
  }
  for (const group of groups.values()) {
    const replacements = group.flatMap((f) => (f.replacement ? [f.replacement] : []));
    const suggestion = replacements.length > 0 ? linesWith(ctx.source, replacements).trim() : (group.find((f) => f.suggestion)?.suggestion ?? "");
    ctx.manual({ node: group[0]!.use.site, what, suggestion });
  }
}
