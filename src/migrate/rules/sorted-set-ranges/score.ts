import { ArgumentEdits } from "../../command-calls/arguments.js";
import { bindArguments, type Binding } from "../../command-calls/bind.js";
import { boolLiteral, constantName, numberLiteral, strIsOwnText } from "../../command-calls/literals.js";
import type { CommandCall, Trust } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { fillRequired } from "./fill.js";

/** A planned rewrite: the edits, how sure we must be of the receiver, and whether it needs a person instead. */
export interface Plan {
  readonly edits: ArgumentEdits;
  readonly trust: Trust;
  /** Reported as a manual step; the edits are applied too when `rewrite` is set, else only suggested. */
  readonly manual?: { readonly node: SyntaxNode; readonly what: string; readonly suggestion: string; readonly rewrite?: boolean };
}

interface ScoreSignature {
  readonly params: readonly string[];
  readonly keywordOnly: readonly string[];
  /** The two bounds in the order both libraries take them. */
  readonly bounds: readonly ["min", "max"] | readonly ["max", "min"];
  /** 1.x positional parameters after the bounds and their redis-py keyword names. */
  readonly renamed: Readonly<Record<string, string>>;
}

export const SCORE_SIGNATURES: Readonly<Record<string, ScoreSignature>> = {
  zrangebyscore: {
    params: ["key", "min", "max", "withscores", "offset", "count"],
    keywordOnly: ["exclude", "encoding"],
    bounds: ["min", "max"],
    renamed: { withscores: "withscores", offset: "start", count: "num" },
  },
  zrevrangebyscore: {
    params: ["key", "max", "min"],
    keywordOnly: ["exclude", "withscores", "offset", "count", "encoding"],
    bounds: ["max", "min"],
    renamed: { withscores: "withscores", offset: "start", count: "num" },
  },
  zcount: { params: ["key", "min", "max"], keywordOnly: ["exclude"], bounds: ["min", "max"], renamed: {} },
  zremrangebyscore: { params: ["key", "min", "max"], keywordOnly: ["exclude"], bounds: ["min", "max"], renamed: {} },
};

const DEFAULT_BOUND = { min: "-inf", max: "+inf" } as const;
const EXCLUDES: Readonly<Record<string, readonly ("min" | "max")[]>> = {
  ZSET_EXCLUDE_MIN: ["min"],
  ZSET_EXCLUDE_MAX: ["max"],
  ZSET_EXCLUDE_BOTH: ["min", "max"],
};

/** `zrangebyscore`/`zrevrangebyscore`/`zcount`/`zremrangebyscore`: required bounds, `exclude=`, `offset`/`count`. */
export function planScoreRange(ctx: RuleContext, call: CommandCall): Plan | null {
  const sig = SCORE_SIGNATURES[call.parts.method]!;
  const b = bindArguments(call.parts, sig.params, sig.keywordOnly);
  const key = b?.get("key");
  if (!b || !key) return null;
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  let trust: Trust | null = null;
  const need = (t: Trust): void => {
    if (trust === null || (t === "repository" && trust === "module")) trust = t;
  };
  if (key.keyword) need("repository"), edits.renameKeyword(key.arg, "name");

  const exclude = b.get("exclude");
  let excluded: readonly ("min" | "max")[] = [];
  let unknownExclude: string | null = null;
  if (exclude) {
    need("repository");
    const name = constantName(exclude.value, Object.keys(EXCLUDES));
    if (name) excluded = EXCLUDES[name]!;
    else if (boolLiteral(exclude.value) !== false) unknownExclude = exclude.value.text;
    edits.remove(exclude.arg);
  }
  const open = (bound: "min" | "max", text: string, node: SyntaxNode | null): string => {
    if (unknownExclude) return conditionalOpen(bound, node, text, unknownExclude);
    if (!excluded.includes(bound)) return text;
    return node ? exclusive(node) : `"(${DEFAULT_BOUND[bound]}"`;
  };
  for (const bound of sig.bounds) {
    const given = b.get(bound);
    if (given) edits.replace(given.value, open(bound, given.value.text, given.value));
  }
  if (sig.bounds.some((x) => !b.has(x))) need("repository");
  fillRequired(edits, b, key, sig.bounds.map((x) => ({ old: x, name: x, fill: open(x, `"${DEFAULT_BOUND[x]}"`, null) })));

  for (const [old, name] of Object.entries(sig.renamed)) {
    const arg = b.get(old);
    if (!arg) continue;
    if (arg.keyword) {
      if (old !== name) need("repository"), edits.renameKeyword(arg.arg, name);
    } else {
      // 1.x's 4th-6th positionals were withscores, offset, count; redis-py's are start, num, withscores
      need(old === "withscores" && boolLiteral(arg.value) !== null ? "repository" : "module");
      edits.insertAt(arg.arg.startIndex, `${name}=`);
    }
  }
  if (trust === null) return null;
  if (unknownExclude) {
    return {
      edits,
      trust,
      manual: {
        node: exclude!.arg,
        what: "`exclude=` is gone in redis-py: an exclusive bound is written `\"(\" + str(bound)`, and the exclusion here is only known at run time.",
        suggestion: edits.preview(call.parts.call),
      },
    };
  }
  return { edits, trust };
}

/** `5` → `"(5"`; anything else → `"(" + str(x)`, exactly what aioredis sent (`'({}'.format(x)`). */
export function exclusive(node: SyntaxNode): string {
  const n = numberLiteral(node);
  if (n !== null && strIsOwnText(n)) return `"(${n}"`;
  return `"(" + str(${node.text})`;
}

function conditionalOpen(bound: "min" | "max", node: SyntaxNode | null, text: string, exclude: string): string {
  const which = bound === "min" ? '"ZSET_EXCLUDE_MIN"' : '"ZSET_EXCLUDE_MAX"';
  const open = node ? exclusive(node) : `"(${DEFAULT_BOUND[bound]}"`;
  return `(${open} if ${exclude} in (${which}, "ZSET_EXCLUDE_BOTH") else ${text})`;
}

/** `zrange`/`zrevrange`: `start`/`stop` defaults are required now, `stop=` is `end=`, `withscores` goes by keyword. */
export function planIndexRange(ctx: RuleContext, call: CommandCall): Plan | null {
  const b: Binding | null = bindArguments(call.parts, ["key", "start", "stop", "withscores", "encoding"]);
  const key = b?.get("key");
  if (!b || !key) return null;
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  let trust: Trust | null = null;
  if (key.keyword) (trust = "repository"), edits.renameKeyword(key.arg, "name");
  const stop = b.get("stop");
  if (stop?.keyword) (trust = "repository"), edits.renameKeyword(stop.arg, "end");
  if (call.parts.method === "zrange" && (!b.has("start") || !stop)) {
    trust = "repository";
    fillRequired(edits, b, key, [
      { old: "start", name: "start", fill: "0" },
      { old: "stop", name: "end", fill: "-1" },
    ]);
  }
  const withscores = b.get("withscores");
  if (withscores && !withscores.keyword) {
    // zrange's 4th positional is `desc` in redis-py: the same call would silently reverse instead of adding scores
    trust ??= "module";
    edits.insertAt(withscores.arg.startIndex, "withscores=");
  }
  const encoding = b.get("encoding");
  if (encoding && !encoding.keyword) return null;
  return trust === null ? null : { edits, trust };
}
