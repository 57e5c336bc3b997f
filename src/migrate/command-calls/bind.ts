import type { SyntaxNode } from "../parser.js";
import type { CallParts } from "../syntax.js";
import { keywordValue } from "../syntax.js";

/** One argument of a call, bound to the aioredis 1.x parameter it fills. */
export interface Bound {
  /** The whole argument (`x` or `name=x`). */
  readonly arg: SyntaxNode;
  readonly value: SyntaxNode;
  readonly keyword: boolean;
}

export type Binding = ReadonlyMap<string, Bound>;

/**
 * Binds a call's arguments to a 1.x signature the way Python would: positionals in order, then keywords.
 * Returns null when that is impossible to know or would fail in Python (`*args`/`**kwargs`, an unknown keyword,
 * too many positionals, a parameter given twice): such calls are left alone.
 */
export function bindArguments(parts: CallParts, params: readonly string[], keywordOnly: readonly string[] = []): Binding | null {
  if (parts.hasSplat) return null;
  const out = new Map<string, Bound>();
  if (parts.positional.length > params.length) return null;
  parts.positional.forEach((arg, i) => out.set(params[i]!, { arg, value: arg, keyword: false }));
  for (const [name, kw] of parts.keywords) {
    if ((!params.includes(name) && !keywordOnly.includes(name)) || out.has(name)) return null;
    out.set(name, { arg: kw, value: keywordValue(kw), keyword: true });
  }
  return out;
}
