import { ArgumentEdits } from "../../command-calls/arguments.js";
import { boolLiteral, constantName, stringLiteral } from "../../command-calls/literals.js";
import { atLeast, commandCalls, guarded, type CommandCall, type Trust } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, unparenthesize } from "../../syntax.js";

const AGGREGATES: Readonly<Record<string, string>> = {
  ZSET_AGGREGATE_SUM: "SUM",
  ZSET_AGGREGATE_MIN: "MIN",
  ZSET_AGGREGATE_MAX: "MAX",
};
const WHY =
  "redis-py's `zinterstore`/`zunionstore` take the source keys as one list (or a `{key: weight}` dict instead of `with_weights=True` tuples) and `aggregate=\"SUM\"/\"MIN\"/\"MAX\"` instead of aioredis constants.";

/**
 * aioredis 1.x `zinterstore(dest, k1, k2, with_weights=, aggregate=r.ZSET_AGGREGATE_MAX)` → redis-py
 * `zinterstore(dest, [k1, k2], aggregate="MAX")`; with weights, `(key, weight)` tuples become `{key: weight}`.
 */
export default defineRule({
  id: "sorted-set-aggregates",
  description: "`zinterstore`/`zunionstore(dest, k1, k2, with_weights=, aggregate=)` → `(dest, [k1, k2] or {k: w}, aggregate=\"MAX\")`",
  phase: "code",
  triggers: ["zinterstore(", "zunionstore("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["zinterstore", "zunionstore"]))) {
      const trust = requiredTrust(call);
      if (trust && atLeast(call.trust, trust)) guarded(ctx, call, () => migrate(ctx, call));
    }
  },
});

function requiredTrust(call: CommandCall): Trust | null {
  const { positional, keywords, args } = call.parts;
  if (args.namedChildren.some((c) => c.type === "dictionary_splat")) return null;
  if ([...keywords.keys()].some((k) => k !== "with_weights" && k !== "aggregate")) return null;
  const keys = positional.slice(1);
  if (keys.length === 0) return null;
  // a lone list, dict or `dict(...)`/`list(...)` is redis-py's `keys` argument already
  if (keys.length === 1 && isKeyCollection(keys[0]!)) return null;
  const aggregate = keywords.get("aggregate");
  if (keywords.has("with_weights") || (aggregate && constantName(keywordValue(aggregate), Object.keys(AGGREGATES)))) return "repository";
  // redis-py reads a 3rd positional as `aggregate`, and a lone string key as a list of one-letter keys
  const third = keys[1];
  if (third && stringLiteral(third) && !/^(sum|min|max)$/i.test(stringLiteral(third)!.content)) return "repository";
  if (keys.length === 1 && stringLiteral(keys[0]!)) return "repository";
  return "module";
}

function migrate(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const keys = parts.positional.slice(1);
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  const weightsKw = parts.keywords.get("with_weights");
  const weighted = weightsKw ? boolLiteral(keywordValue(weightsKw)) : false;
  if (weightsKw) edits.remove(weightsKw);
  if (weighted === null) {
    const list = `[${keys.map((k) => k.text).join(", ")}]`;
    ctx.manual({
      node: weightsKw!,
      what: "Whether these keys carry weights is only known at run time: redis-py takes a `{key: weight}` dict for weighted keys and a plain list otherwise.",
      suggestion: `dict(${list}) if ${keywordValue(weightsKw!).text} else ${list}`,
    });
    return;
  }
  if (weighted) {
    const pairs = keys.map(weightPair);
    if (pairs.every((p) => p !== null)) {
      const names = pairs.map((p) => p![0].text);
      if (new Set(names).size !== names.length) {
        ctx.manual({
          node: parts.call,
          what: "The same key is weighted twice here, and redis-py's `{key: weight}` dict cannot hold both; rewrite this intersection/union by hand.",
          suggestion: rawCommand(call, pairs as [SyntaxNode, SyntaxNode][]),
        });
        return;
      }
      edits.replaceRange(first.startIndex, last.endIndex, `{${pairs.map((p) => `${p![0].text}: ${p![1].text}`).join(", ")}}`);
    } else edits.insertAt(first.startIndex, "dict([").insertAt(last.endIndex, "])");
  } else edits.insertAt(first.startIndex, "[").insertAt(last.endIndex, "]");

  const aggregate = parts.keywords.get("aggregate");
  if (aggregate) {
    const value = keywordValue(aggregate);
    const name = constantName(value, Object.keys(AGGREGATES));
    if (name) edits.replace(value, `"${AGGREGATES[name]}"`);
    else if (boolLiteral(value) !== false) {
      // aioredis ignored anything but its three constants; `.get` gives None (no AGGREGATE) for those too
      const table = Object.entries(AGGREGATES).map(([k, v]) => `"${k}": "${v}"`).join(", ");
      edits.replace(value, `{${table}}.get(${value.text})`);
    }
  }
  ctx.rewrite(edits.build(), WHY);
}

function isKeyCollection(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  if (["list", "tuple", "dictionary", "list_comprehension", "dictionary_comprehension", "set"].includes(n.type)) return true;
  return n.type === "call" && ["dict", "list", "tuple", "sorted"].includes(n.childForFieldName("function")?.text ?? "");
}

/** `("k", 2)` → [key, weight]. */
function weightPair(node: SyntaxNode): [SyntaxNode, SyntaxNode] | null {
  const n = unparenthesize(node);
  if (n.type !== "tuple" && n.type !== "list") return null;
  const items = n.namedChildren.filter((c) => c.type !== "comment");
  return items.length === 2 ? [items[0]!, items[1]!] : null;
}

/** The same command sent raw, which keeps repeated keys: `execute_command("ZINTERSTORE", dest, 2, k, k, "WEIGHTS", …)`. */
function rawCommand(call: CommandCall, pairs: readonly [SyntaxNode, SyntaxNode][]): string {
  const { receiver, method, positional, keywords } = call.parts;
  const args = [`"${method.toUpperCase()}"`, positional[0]!.text, String(pairs.length), ...pairs.map((p) => p[0].text), '"WEIGHTS"', ...pairs.map((p) => p[1].text)];
  const aggregate = keywords.get("aggregate");
  const name = aggregate ? constantName(keywordValue(aggregate), Object.keys(AGGREGATES)) : null;
  if (name) args.push('"AGGREGATE"', `"${AGGREGATES[name]}"`);
  return `${receiver.text}.execute_command(${args.join(", ")})`;
}
