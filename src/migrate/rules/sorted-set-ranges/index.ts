import { atLeast, commandCalls, guarded } from "../../command-calls/receiver.js";
import { defineRule } from "../../rule.js";
import { planLexRange } from "./lex.js";
import { planIndexRange, planScoreRange, SCORE_SIGNATURES, type Plan } from "./score.js";

const INDEX = new Set(["zrange", "zrevrange"]);
const LEX = new Set(["zrangebylex", "zrevrangebylex", "zlexcount", "zremrangebylex"]);
const METHODS = new Set([...INDEX, ...LEX, ...Object.keys(SCORE_SIGNATURES)]);

const WHY: Readonly<Record<string, string>> = {
  index:
    "redis-py's `zrange` requires `start`/`end` (aioredis defaulted them to 0, -1) and its 4th positional is `desc`, not `withscores`, so scores are asked for by keyword.",
  score:
    "redis-py requires both score bounds (aioredis defaulted to -inf/+inf), writes an exclusive bound as `\"(\" + bound` instead of `exclude=`, and calls `offset`/`count` `start`/`num`.",
  lex: "redis-py sends lexical bounds as written, so the `[`/`(` that aioredis added from `include_min`/`include_max` is now part of the bound (and `zrevrangebylex` takes `max` first).",
};

/**
 * Sorted-set range commands whose signatures changed: `zrange`/`zrevrange` (required start/end, `withscores` by
 * keyword), the by-score family (`zrangebyscore`, `zrevrangebyscore`, `zcount`, `zremrangebyscore`: required
 * bounds, `exclude=` → `(` bounds, `offset`/`count` → `start`/`num`) and the lexical family (bracketed bounds).
 */
export default defineRule({
  id: "sorted-set-ranges",
  description: "`zrange`/`zrangebyscore`/`zrangebylex`/`zcount`… → redis-py's required bounds, `(`/`[` bounds and keywords",
  phase: "code",
  triggers: [...METHODS].map((m) => `${m}(`),
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, METHODS)) {
      if (!call.trust) continue;
      const m = call.parts.method;
      const family = INDEX.has(m) ? "index" : LEX.has(m) ? "lex" : "score";
      guarded(ctx, call, () => {
        const plan: Plan | null =
          family === "index" ? planIndexRange(ctx, call) : family === "lex" ? planLexRange(ctx, call) : planScoreRange(ctx, call);
        if (!plan || !atLeast(call.trust, plan.trust)) return;
        if (!plan.manual || plan.manual.rewrite) ctx.rewrite(plan.edits.build(), WHY[family]!);
        if (plan.manual) ctx.manual(plan.manual);
      });
    }
  },
});
