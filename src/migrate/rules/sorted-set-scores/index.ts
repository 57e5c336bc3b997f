import { flagUses } from "../../command-calls/flags.js";
import { boolLiteral } from "../../command-calls/literals.js";
import { commandCalls, type CommandCall } from "../../command-calls/receiver.js";
import { usesOf, type Use } from "../../command-calls/uses.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue } from "../../syntax.js";
import { dependsOnFlatShape, pairsSuggestion } from "./popped.js";
import { isIntSensitive, scoreSuggestion, scoreUsesInPairs, scoreUseSuggestion, zscanPages } from "./scores.js";

const SCORE = new Set(["zscore", "zincrby"]);
const WITHSCORES = new Set(["zrange", "zrevrange", "zrangebyscore", "zrevrangebyscore"]);
const POP = new Set(["zpopmin", "zpopmax"]);
/** `zscan` pages carry pairs with float scores (`izscan`/`zscan_iter` belong to the scan-iterators rule). */
const SCAN = new Set(["zscan"]);
/** Where `withscores` sits positionally in aioredis 1.x (`zrevrangebyscore` took it by keyword only). */
const WITHSCORES_POSITION: Readonly<Record<string, number>> = { zrange: 3, zrevrange: 3, zrangebyscore: 3 };

const SCORE_WHAT =
  "Sorted-set scores are floats in redis-py (`5.0`); aioredis 1.x returned an int for integral scores (`5`), so this use sees a different value.";
const POP_WHAT =
  "`zpopmin`/`zpopmax` return a list of `(member, score)` pairs with float scores in redis-py; aioredis 1.x returned the flat reply `[member, b'score', …]`.";

/**
 * Sorted-set results whose type changed while the call itself did not (so nothing is rewritten): `zscore`,
 * `zincrby`, `withscores=True` and `zscan` scores are always floats, and `zpopmin`/`zpopmax` return pairs. Only code that
 * visibly depends on the old values is reported: scores used as an index, in `range()`, in type checks or printed;
 * popped lists indexed, unpacked, iterated or measured.
 */
export default defineRule({
  id: "sorted-set-scores",
  description: "`zscore`/`zincrby`/`withscores`/`zscan` int→float and `zpopmin`/`zpopmax` flat→pairs: report the code that depends on it",
  phase: "code",
  triggers: [...SCORE, ...WITHSCORES, ...POP, ...SCAN].map((m) => `${m}(`),
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set([...SCORE, ...WITHSCORES, ...POP, ...SCAN]))) {
      const m = call.parts.method;
      if (!call.trust || !call.awaited) continue;
      if (SCORE.has(m)) flagUses(ctx, usesOf(call.awaited).filter(isIntSensitive), SCORE_WHAT, scoreSuggestion);
      else if (POP.has(m)) flagUses(ctx, usesOf(call.awaited).filter(dependsOnFlatShape), POP_WHAT, pairsSuggestion);
      else if (m === "zscan") flagPairs(ctx, zscanPages(usesOf(call.awaited)));
      else if (asksForScores(call)) flagPairs(ctx, usesOf(call.awaited));
    }
  },
});

function asksForScores(call: CommandCall): boolean {
  const kw = call.parts.keywords.get("withscores");
  if (kw) return boolLiteral(keywordValue(kw)) !== false;
  const at = WITHSCORES_POSITION[call.parts.method];
  const positional = at === undefined ? undefined : call.parts.positional[at];
  return positional !== undefined && boolLiteral(positional) !== false;
}

function flagPairs(ctx: RuleContext, listUses: readonly Use[]): void {
  const seen = new Set<number>();
  for (const s of scoreUsesInPairs(listUses)) {
    if (seen.has(s.use.site.id)) continue;
    seen.add(s.use.site.id);
    ctx.manual({ node: s.use.site, what: SCORE_WHAT, suggestion: scoreUseSuggestion(s) });
  }
}
