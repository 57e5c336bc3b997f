import { ArgumentEdits } from "../../command-calls/arguments.js";
import { reportWaitsForever } from "../../command-calls/blocking.js";
import { flagUses } from "../../command-calls/flags.js";
import { numberLiteral, stringLiteral } from "../../command-calls/literals.js";
import { atLeast, commandCalls, guarded, type CommandCall, type Trust } from "../../command-calls/receiver.js";
import { usesOf } from "../../command-calls/uses.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, unparenthesize } from "../../syntax.js";
import { popScoreUses, tupleSensitive, tupleSuggestion } from "./results.js";

const MULTI_KEY = new Set(["blpop", "brpop", "bzpopmin", "bzpopmax"]);
const WHY =
  "redis-py's blocking pops take the keys as one list (`blpop([k1, k2], timeout=…)`); aioredis 1.x took them as separate arguments, which redis-py would read as the timeout.";

/**
 * `blpop`/`brpop`/`bzpopmin`/`bzpopmax(k1, k2, timeout=)` → `(…)([k1, k2], timeout=)`, `brpoplpush(sourcekey=, destkey=)`
 * → `src=`/`dst=`. Results changed from lists to tuples (and bzpop scores from bytes to float): code that depends on
 * that is reported, as are calls that wait forever (redis-py 8's default socket timeout would end them).
 */
export default defineRule({
  id: "blocking-pops",
  description: "`blpop/brpop/bzpopmin/bzpopmax(k1, k2, timeout=)` → `([k1, k2], timeout=)`; `brpoplpush` keywords; result and timeout checks",
  phase: "code",
  triggers: ["blpop(", "brpop(", "bzpopmin(", "bzpopmax(", "brpoplpush("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set([...MULTI_KEY, "brpoplpush"]))) {
      if (!call.trust) continue;
      guarded(ctx, call, () => (call.parts.method === "brpoplpush" ? brpoplpush(ctx, call) : multiKey(ctx, call)));
    }
  },
});

function multiKey(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const keys = parts.positional;
  const first = keys[0];
  if (!first || parts.args.namedChildren.some((c) => c.type === "dictionary_splat")) return;
  if (["list", "tuple", "list_comprehension"].includes(unparenthesize(first).type)) return; // redis-py's shape
  const timeout = parts.keywords.get("timeout");
  const second = keys[1];
  if (second && numberLiteral(second) !== null && keys.length === 2 && !timeout) {
    // `blpop(k, 5)`: a second key named 5 in aioredis, the timeout in redis-py; only the data flow can tell
    if (call.trust === "known")
      ctx.manual({
        node: second,
        what: `In aioredis 1.x \`${second.text}\` here is a second key to wait on, but redis-py reads it as the timeout: say which is meant.`,
        suggestion: `${parts.callee.text}([${first.text}], timeout=${second.text})`,
      });
    return;
  }
  const wrap = keys.length > 1 || first.type === "list_splat";
  if (wrap) {
    const needed: Trust = timeout || (second && stringLiteral(second)) ? "repository" : "module";
    if (!atLeast(call.trust, needed)) return;
    const edits = new ArgumentEdits(parts.args, ctx.source.text);
    edits.insertAt(first.startIndex, "[").insertAt(keys[keys.length - 1]!.endIndex, "]");
    ctx.rewrite(edits.build(), WHY);
  }
  checkTimeout(ctx, call);
  if (!call.awaited) return;
  const uses = usesOf(call.awaited);
  const what =
    parts.method.startsWith("bz")
      ? `\`${parts.method}\` returns a tuple \`(key, member, score)\` with a float score in redis-py; aioredis 1.x returned a list with the score as bytes.`
      : `\`${parts.method}\` returns a tuple \`(key, value)\` in redis-py; aioredis 1.x returned a list.`;
  flagUses(ctx, [...uses.filter(tupleSensitive), ...(parts.method.startsWith("bz") ? popScoreUses(uses) : [])], what, tupleSuggestion);
}

function brpoplpush(ctx: RuleContext, call: CommandCall): void {
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  const source = call.parts.keywords.get("sourcekey");
  const dest = call.parts.keywords.get("destkey");
  if (source) edits.renameKeyword(source, "src");
  if (dest) edits.renameKeyword(dest, "dst");
  if (!edits.isEmpty) ctx.rewrite(edits.build(), "redis-py names `brpoplpush`'s keys `src` and `dst` (aioredis 1.x: `sourcekey`, `destkey`).");
  checkTimeout(ctx, call, 2);
}

/** aioredis' timeout defaulted to 0 (wait forever), as does redis-py's; both only stop on a number > 0. */
function checkTimeout(ctx: RuleContext, call: CommandCall, position?: number): void {
  const kw = call.parts.keywords.get("timeout");
  const value = kw ? keywordValue(kw) : position !== undefined ? call.parts.positional[position] : undefined;
  if (value && numberLiteral(value) !== "0") return;
  reportWaitsForever(ctx, call.parts.call, `\`${call.parts.method}\` with timeout 0`);
}
