import { ArgumentEdits } from "../../command-calls/arguments.js";
import { flagUses, isNumericConversion } from "../../command-calls/flags.js";
import { boolLiteral, constantName } from "../../command-calls/literals.js";
import { atLeast, commandCalls, guarded, type CommandCall, type Trust } from "../../command-calls/receiver.js";
import { usesOf } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, unparenthesize } from "../../syntax.js";
import { mappingText, type Pair } from "./mapping.js";

const WHY =
  "redis-py's `zadd` takes a `{member: score}` mapping (aioredis 1.x took `score, member` pairs, in the opposite order) and `nx`/`xx`/`ch` flags instead of `exist=`/`changed=`.";
const OLD_KEYWORDS = ["exist", "changed", "score", "member"];
const EXIST: Record<string, string> = { ZSET_IF_NOT_EXIST: "nx=True", ZSET_IF_EXIST: "xx=True" };

/**
 * aioredis 1.x `zadd(key, score, member, *pairs, exist=, changed=, incr=)` → redis-py
 * `zadd(key, {member: score, …}, nx=/xx=, ch=, incr=)`. Pairs that come from `*args` cannot be reordered safely and
 * are reported; with `incr=True` the result changed from bytes to float, so code that uses it is pointed out.
 */
export default defineRule({
  id: "zadd-mapping",
  description: "`zadd(key, score, member, …, exist=, changed=)` → `zadd(key, {member: score, …}, nx=/xx=, ch=)`",
  phase: "code",
  triggers: ["zadd("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["zadd"]))) {
      if (atLeast(call.trust, requiredTrust(call))) guarded(ctx, call, () => migrate(ctx, call));
    }
  },
});

/**
 * How sure we must be about the receiver. 1.x-only keywords can only be aioredis; so can a third positional
 * argument that is not a flag, whatever the score: redis-py's signature is `zadd(name, mapping, nx, xx, ch, …)`, so
 * `zadd(k, points, member)` means `nx=member` there (aioredis 1.x checked that scores are numbers, so `points` was one).
 */
function requiredTrust(call: CommandCall): Trust {
  const { positional, keywords } = call.parts;
  const second = positional[1];
  if (second && isMapping(second)) return "known"; // already the redis-py shape: only ever flag incr results
  if (OLD_KEYWORDS.some((k) => keywords.has(k))) return "repository";
  if (positional.length >= 3 && boolLiteral(positional[2]!) === null) return "repository";
  if (positional.some((p) => p.type === "list_splat")) return "module";
  return "known";
}

function isMapping(node: SyntaxNode): boolean {
  return ["dictionary", "dictionary_comprehension"].includes(unparenthesize(node).type);
}

function migrate(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const pos = parts.positional;
  if (pos[1] && isMapping(pos[1])) return flagIncrResult(ctx, call);
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  const keyword = (name: string): SyntaxNode | undefined => parts.keywords.get(name);
  const key = pos[0] ?? keyword("key");
  if (!key) return;
  if (key.type === "keyword_argument") edits.renameKeyword(key, "name");

  const rest = pos.slice(1);
  const splat = rest.some((p) => p.type === "list_splat") || parts.args.namedChildren.some((c) => c.type === "dictionary_splat");
  const scoreKw = keyword("score");
  const memberKw = keyword("member");
  if (scoreKw && memberKw && rest.length === 0) {
    edits.remove(scoreKw).remove(memberKw).insertAfter(key, `{${keywordValue(memberKw).text}: ${keywordValue(scoreKw).text}}`);
  } else if (!splat) {
    if (rest.length < 2 || rest.length % 2 !== 0 || scoreKw || memberKw) return; // not a call aioredis accepted
    const pairs: Pair[] = [];
    for (let i = 0; i < rest.length; i += 2) pairs.push({ score: rest[i]!, member: rest[i + 1]! });
    const span = { start: rest[0]!.startIndex, end: rest[rest.length - 1]!.endIndex };
    edits.replaceRange(span.start, span.end, mappingText(pairs, parts.args, ctx.source.text));
  }

  const changed = keyword("changed");
  if (changed) edits.renameKeyword(changed, "ch");
  const exist = keyword("exist");
  let existUnknown = false;
  if (exist) {
    const value = keywordValue(exist);
    const name = constantName(value, Object.keys(EXIST));
    if (name) edits.replace(exist, EXIST[name]!);
    else if (boolLiteral(value) === false) edits.remove(exist);
    else existUnknown = true;
  }

  if (splat) {
    if (existUnknown) edits.replace(exist!, existSuggestion(keywordValue(exist!).text));
    const mapping = splatMapping(rest);
    if (mapping && rest.length > 0) edits.replaceRange(rest[0]!.startIndex, rest[rest.length - 1]!.endIndex, mapping);
    ctx.manual({
      node: parts.call,
      what: "redis-py's `zadd` takes a `{member: score}` mapping, and the score/member pairs here come from a `*` argument, so they could not be reordered automatically.",
      suggestion: mapping ? edits.preview(parts.call) : "",
    });
    return;
  }
  if (existUnknown) {
    const value = keywordValue(exist!).text;
    ctx.manual({
      node: exist!,
      what: "`exist=` is gone in redis-py: pass `nx=True` (was `ZSET_IF_NOT_EXIST`) or `xx=True` (was `ZSET_IF_EXIST`).",
      suggestion: existSuggestion(value),
    });
  }
  ctx.rewrite(edits.build(), WHY);
  flagIncrResult(ctx, call);
}

/** aioredis' constants are the strings "ZSET_IF_NOT_EXIST" / "ZSET_IF_EXIST". */
function existSuggestion(value: string): string {
  return `nx=${value} == "ZSET_IF_NOT_EXIST", xx=${value} == "ZSET_IF_EXIST"`;
}

/** `{"a": 1, **dict(zip(rest[1::2], rest[::2]))}` for pairs mixed with `*rest` (a flat score, member, … sequence). */
function splatMapping(rest: readonly SyntaxNode[]): string | null {
  const pieces: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const r = rest[i]!;
    const next = rest[i + 1];
    if (r.type === "list_splat") {
      const seq = r.namedChild(0)!.text;
      pieces.push(`**dict(zip(${seq}[1::2], ${seq}[::2]))`);
    } else if (next && next.type !== "list_splat") {
      pieces.push(`${next.text}: ${r.text}`);
      i++;
    } else return null;
  }
  if (pieces.length === 1 && pieces[0]!.startsWith("**")) return pieces[0]!.slice(2);
  return pieces.length > 0 ? `{${pieces.join(", ")}}` : null;
}

/** `zadd(..., incr=True)` returned the new score as bytes (`b'4'`); redis-py returns a float (`4.0`). */
function flagIncrResult(ctx: RuleContext, call: CommandCall): void {
  const incr = call.parts.keywords.get("incr");
  if (!incr || boolLiteral(keywordValue(incr)) === false || !call.awaited) return;
  const uses = usesOf(call.awaited).filter((u) => !isNumericConversion(u));
  flagUses(
    ctx,
    uses,
    "`zadd(..., incr=True)` returns the new score as a float now (aioredis 1.x returned bytes such as `b'4'`): check how it is used here.",
    (u) => {
      if (u.kind === "method" && u.detail === "decode") return `str(${u.node.text})`;
      // `new == b"4"` → `new == 4.0`
      return u.site.text.replace(/\bb(['"])(-?\d+(?:\.\d+)?)\1/g, (_, _q: string, n: string) => (n.includes(".") ? n : `${n}.0`));
    },
  );
}
