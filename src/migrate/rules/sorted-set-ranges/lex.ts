import { ArgumentEdits } from "../../command-calls/arguments.js";
import { bindArguments, type Bound } from "../../command-calls/bind.js";
import { boolLiteral, operand, stringLiteral } from "../../command-calls/literals.js";
import type { CommandCall, Trust } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { unparenthesize } from "../../syntax.js";
import { fillRequired } from "./fill.js";
import type { Plan } from "./score.js";

const PARAMS: Readonly<Record<string, readonly string[]>> = {
  zrangebylex: ["key", "min", "max", "include_min", "include_max", "offset", "count"],
  zrevrangebylex: ["key", "min", "max", "include_min", "include_max", "offset", "count"],
  zlexcount: ["key", "min", "max", "include_min", "include_max"],
  zremrangebylex: ["key", "min", "max", "include_min", "include_max"],
};
/** aioredis left exactly these bounds unbracketed (open ends). */
const OPEN = { min: "-", max: "+" } as const;

/**
 * Lexical ranges: aioredis 1.x took bare bytes plus `include_min`/`include_max` and added the `[`/`(` itself;
 * redis-py sends the bounds as written. `zrevrangebylex` also takes `max` first in redis-py.
 */
export function planLexRange(ctx: RuleContext, call: CommandCall): Plan | null {
  const method = call.parts.method;
  const b = bindArguments(call.parts, PARAMS[method]!, ["encoding"]);
  const key = b?.get("key");
  if (!b || !key) return null;
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  let unambiguous = key.keyword || !b.has("min") || !b.has("max");
  if (key.keyword) edits.renameKeyword(key.arg, "name");
  const variables: SyntaxNode[] = [];
  const text = { min: `"${OPEN.min}"`, max: `"${OPEN.max}"` };
  for (const bound of ["min", "max"] as const) {
    const given = b.get(bound);
    const include = b.get(bound === "min" ? "include_min" : "include_max");
    if (include) {
      unambiguous = true;
      edits.remove(include.arg);
    }
    if (!given) continue;
    if (isRedisPyBound(given.value, bound)) return null;
    const literal = stringLiteral(given.value);
    if (literal && literal.content !== OPEN[bound]) unambiguous = true;
    if (!literal) variables.push(given.value);
    text[bound] = bracketed(given, include, bound);
  }
  for (const [old, name] of [["offset", "start"], ["count", "num"]] as const) {
    const arg = b.get(old);
    if (!arg) continue;
    unambiguous = true;
    if (arg.keyword) edits.renameKeyword(arg.arg, name);
    else edits.insertAt(arg.arg.startIndex, `${name}=`);
  }

  const min = b.get("min");
  const max = b.get("max");
  if (method === "zrevrangebylex" && min && !min.keyword) {
    // redis-py's zrevrangebylex(name, max, min): positional bounds swap
    if (max && !max.keyword) edits.replace(min.value, text.max).replace(max.value, text.min);
    else if (max) edits.insertAt(min.arg.startIndex, "min=").replace(min.value, text.min).replace(max.value, text.max);
    else edits.replace(min.value, `${text.max}, ${text.min}`);
  } else {
    if (min) edits.replace(min.value, text.min);
    if (max) edits.replace(max.value, text.max);
    const order = method === "zrevrangebylex" ? (["max", "min"] as const) : (["min", "max"] as const);
    fillRequired(edits, b, key, order.map((x) => ({ old: x, name: x, fill: text[x] })));
  }
  const trust: Trust = unambiguous ? "repository" : "module";
  if (edits.isEmpty) return null;
  if (variables.length > 0) {
    return {
      edits,
      trust,
      manual: {
        rewrite: true,
        node: variables[0]!,
        what: "This lexical bound now carries its own `[`/`(` prefix; aioredis left a bound of exactly `b\"-\"`/`b\"+\"` (an open end) unprefixed, so check the variable can never hold one.",
        suggestion: edits.preview(call.parts.call),
      },
    };
  }
  return { edits, trust };
}

/**
 * A bound aioredis 1.x could not have been given, so the call is redis-py's already: a `str` literal (1.x demanded
 * bytes), one that starts with `[`/`(` (also when built as `b"[" + x`), or an open end in the other bound's slot.
 */
function isRedisPyBound(value: SyntaxNode, bound: "min" | "max"): boolean {
  const literal = stringLiteral(value);
  if (literal) {
    if (!literal.bytes) return true;
    return /^[[(]/.test(literal.content) || literal.content === OPEN[bound === "min" ? "max" : "min"];
  }
  const n = unparenthesize(value);
  if (n.type !== "binary_operator" || n.childForFieldName("operator")?.text !== "+") return false;
  let left = unparenthesize(n.childForFieldName("left")!);
  if (left.type === "conditional_expression") left = unparenthesize(left.namedChild(0)!);
  return /^[[(]/.test(stringLiteral(left)?.content ?? "");
}

/** The bound with the bracket aioredis added: `b"b"` → `b"[b"`, `x` → `b"[" + x`. */
function bracketed(given: Bound, include: Bound | undefined, bound: "min" | "max"): string {
  const flag = include ? boolLiteral(include.value) : true;
  const literal = stringLiteral(given.value);
  if (literal?.content === OPEN[bound]) return given.value.text;
  const prefix = (p: string): string => (literal && !literal.bytes ? `"${p}"` : `b"${p}"`);
  if (flag === null) return `(${prefix("[")} if ${include!.value.text} else ${prefix("(")}) + ${operand(given.value)}`;
  const bracket = flag ? "[" : "(";
  if (literal) {
    const at = literal.contentStart - literal.node.startIndex;
    return literal.node.text.slice(0, at) + bracket + literal.node.text.slice(at);
  }
  return `${prefix(bracket)} + ${operand(given.value)}`;
}
