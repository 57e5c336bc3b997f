import { flagUses } from "../../command-calls/flags.js";
import { atLeast, commandCalls, usesAioredis, type CommandCall } from "../../command-calls/receiver.js";
import { patternSlots, usesOf, usesOfTargetName, type Use } from "../../command-calls/uses.js";
import { isOwnMethod, renameMethod } from "../../command-rewrites/methods.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { scoreUsesInPairs, scoreUseSuggestion } from "../sorted-set-scores/scores.js";

const ITERATORS: Record<string, string> = { iscan: "scan_iter", ihscan: "hscan_iter", isscan: "sscan_iter", izscan: "zscan_iter" };
const WHY = "redis-py names aioredis' scan iterators `scan_iter`/`hscan_iter`/`sscan_iter`/`zscan_iter` (same `match=`/`count=`, also used with `async for`).";
const LISTING = /^(list|tuple|sorted|set|enumerate|\w+\.(extend|append))$/;
const SCORE_WHAT =
  "`zscan_iter` yields float scores in redis-py (`5.0`); aioredis 1.x's `izscan` yielded an int for integral scores (`5`), so this use sees a different value.";

/**
 * aioredis 1.x `iscan`/`ihscan`/`isscan`/`izscan` → redis-py `scan_iter`/`hscan_iter`/`sscan_iter`/`zscan_iter`
 * (reference §5.1, 5.3, 5.5, 5.6), and `hscan`, whose page of fields changed from a list of `(field, value)` pairs
 * to a dict: code that iterates or indexes that page is reported. `izscan` scores that were ints when integral
 * (always floats now) are reported where the difference shows.
 */
export default defineRule({
  id: "scan-iterators",
  description: "`iscan`/`ihscan`/`isscan`/`izscan` → `scan_iter`/`hscan_iter`/`sscan_iter`/`zscan_iter`; `hscan` pages are dicts",
  phase: "code",
  triggers: ["scan("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set([...Object.keys(ITERATORS), "hscan"]))) {
      const { parts } = call;
      if (parts.method === "hscan") flagHscanPage(ctx, call);
      else if (usesAioredis(ctx) && !isOwnMethod(parts)) {
        ctx.rewrite([renameMethod(parts, ITERATORS[parts.method]!)], WHY);
        if (parts.method === "izscan") flagScores(ctx, call);
      }
    }
  },
});

/** `async for member, score in r.izscan(k)`: scores used where `5` and `5.0` differ (sorted-set-scores' checks). */
function flagScores(ctx: RuleContext, call: CommandCall): void {
  const found = scoreUsesInPairs(usesOf(call.parts.call));
  flagUses(ctx, found.map((s) => s.use), SCORE_WHAT, (u) => scoreUseSuggestion(found.find((s) => s.use === u)!));
}

/** `cur, fields = await r.hscan(k, cur)`: `fields` was `[(field, value), …]` and is `{field: value}` now. */
function flagHscanPage(ctx: RuleContext, call: CommandCall): void {
  if (!call.awaited || !atLeast(call.trust, "module")) return;
  const pages: Use[] = [];
  for (const use of usesOf(call.awaited)) {
    if (use.kind === "unpack" && use.target) {
      const page = patternSlots(use.target)[1];
      if (page) pages.push(...usesOfTargetName(page, use.site));
    } else if (use.kind === "index" && use.detail === "1") pages.push(...usesOf(use.site));
  }
  const visible = pages.filter(
    (u) => u.kind === "iterate" || u.kind === "index" || u.kind === "concat" || (u.kind === "call-arg" && LISTING.test(u.detail)),
  );
  flagUses(
    ctx,
    visible,
    "`hscan` returns the page of fields as a dict in redis-py (aioredis returned a list of (field, value) pairs): iterate it with `.items()`.",
    (u) => suggestion(u),
  );
}

function suggestion(u: Use): string {
  const items = `${u.node.text}.items()`;
  if (u.kind === "iterate") {
    const loop = u.site;
    const right = loop.childForFieldName("right")!;
    const head = loop.text.slice(0, right.startIndex - loop.startIndex) + items;
    return loop.type === "for_statement" ? `${head.split("\n")[0]}:` : head;
  }
  if (u.kind === "index") return `list(${items})${u.site.text.slice(u.node.text.length)}`;
  return u.site.text.replace(u.node.text, `list(${items})`);
}
