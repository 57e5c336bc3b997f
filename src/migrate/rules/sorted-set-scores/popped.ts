import type { Use } from "../../command-calls/uses.js";
import { patternSlots } from "../../command-calls/uses.js";

/** Callees that see how many items the list has or walk it: they see the flat list turn into pairs. */
const SHAPE_CALLS = new Set(["len", "zip", "iter", "dict", "list", "tuple", "sorted", "enumerate", "print", "str", "repr", "json.dumps"]);

/**
 * A use of a `zpopmin`/`zpopmax` result that depends on aioredis' flat `[member, b'score', …]` shape (redis-py
 * returns `[(member, score_float), …]`): indexing, unpacking, iterating, measuring or printing it.
 */
export function dependsOnFlatShape(use: Use): boolean {
  if (["index", "slice", "unpack", "iterate", "format", "concat"].includes(use.kind)) return true;
  return use.kind === "call-arg" && SHAPE_CALLS.has(use.detail);
}

/** Code for the same use against the list of pairs. */
export function pairsSuggestion(use: Use): string {
  const v = use.node.text;
  if (use.kind === "unpack" && use.target) {
    const slots = patternSlots(use.target);
    if (slots.length === 2) return `[(${use.target.text.replace(/^\[|\]$|^\(|\)$/g, "")})] = ${v}`;
    return `${use.target.text} = [x for pair in ${v} for x in pair]`;
  }
  if (use.kind === "index" && /^\d+$/.test(use.detail)) {
    const i = Number(use.detail);
    return use.site.text.replace(/\[\s*\d+\s*\]$/, `[${Math.floor(i / 2)}][${i % 2}]`);
  }
  if (use.kind === "iterate" && use.target?.type === "identifier") return `for member, score in ${v}:`;
  return `[x for pair in ${v} for x in pair]  # the old flat shape, scores now float`;
}
