import { isNumericConversion, siteWith } from "../../command-calls/flags.js";
import type { Use } from "../../command-calls/uses.js";
import { elementUses, patternSlots, usesOfTargetName } from "../../command-calls/uses.js";

const MUTATORS = new Set(["append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear"]);

/** Uses that work on a list but not on a tuple: item assignment, mutation, `+ [...]`, `isinstance(x, list)`, `== [...]`. */
export function tupleSensitive(use: Use): boolean {
  if (use.kind === "item-assign" || use.kind === "concat") return true;
  if (use.kind === "method") return MUTATORS.has(use.detail);
  if (use.kind === "call-arg") return use.detail === "isinstance" && /\blist\b/.test(use.site.text);
  if (use.kind === "compare") return use.site.namedChildren.some((c) => c.type === "list");
  return false;
}

/** The score of a `bzpopmin` result (`res[2]`, the third unpacked name) used other than through `float()`/`int()`. */
export function popScoreUses(uses: readonly Use[]): Use[] {
  const out: Use[] = [];
  for (const u of uses) {
    if (u.kind === "index" && u.detail === "2") out.push(...elementUses([u]).filter((s) => !isNumericConversion(s)));
    if (u.kind === "unpack" && u.target) {
      const third = patternSlots(u.target)[2];
      if (third) out.push(...usesOfTargetName(third, u.site).filter((s) => !isNumericConversion(s)));
    }
  }
  return out;
}

export function tupleSuggestion(use: Use): string {
  if (use.kind === "call-arg") return use.site.text.replace(/\blist\b/, "tuple");
  if (use.kind === "compare") return use.site.text.replace(/\[([^\]]*)\]/, "($1)");
  if (use.kind === "method" && use.detail === "decode") return `str(${use.node.text})`;
  if (["item-assign", "concat", "method"].includes(use.kind)) return siteWith(use, `list(${use.node.text})`);
  return siteWith(use, `float(${use.node.text})`);
}
