import { ArgumentEdits } from "../../command-calls/arguments.js";
import { boolLiteral, operand, stringLiteral } from "../../command-calls/literals.js";
import { atLeast, commandCalls, type CommandCall } from "../../command-calls/receiver.js";
import { defineRule, type RuleContext } from "../../rule.js";
import type { SyntaxNode } from "../../parser.js";
import { keywordValue, unparenthesize } from "../../syntax.js";

const WHY = "redis-py's `linsert` takes the position first: `linsert(name, \"BEFORE\" | \"AFTER\", refvalue, value)`.";

/** aioredis 1.x `linsert(key, pivot, value, before=False)` → redis-py `linsert(key, "AFTER"|"BEFORE", pivot, value)` (reference §5.4). */
export default defineRule({
  id: "linsert-where",
  description: "`linsert(key, pivot, value, before=False)` → `linsert(key, \"AFTER\", pivot, value)`",
  phase: "code",
  triggers: ["linsert("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["linsert"]))) migrate(ctx, call);
  },
});

function migrate(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  if (parts.hasSplat) return;
  const pos = parts.positional;
  const beforeKw = parts.keywords.get("before");
  if (pos.length < 3 || (pos.length === 4 && beforeKw) || pos.length > 4) return;
  if (isWhere(pos[1]!)) return; // already redis-py's shape
  const fourth = pos[3];
  if (fourth && (boolLiteral(fourth) === null || fourth.text === "None")) {
    // `linsert(k, a, b, c)`: aioredis' `before` flag or redis-py's value — only a known aioredis client tells
    if (atLeast(call.trust, "known") && ctx.facts.flavour === "1.x") {
      ctx.manual({
        node: parts.call,
        what: "The fourth argument of aioredis' `linsert` was the `before` flag; redis-py's `linsert` takes the position second: check which one this call means.",
        suggestion: `${parts.receiver.text}.linsert(${pos[0]!.text}, "BEFORE" if ${operand(fourth)} else "AFTER", ${pos[1]!.text}, ${pos[2]!.text})`,
      });
    }
    return;
  }
  // 3 positional, `before=`, or a bool where redis-py wants the value: only aioredis accepted these
  if (!atLeast(call.trust, "repository")) return;
  const before = beforeKw ? keywordValue(beforeKw) : fourth;
  const flag = before ? boolLiteral(before) : false;
  const where = flag === null ? `"BEFORE" if ${operand(before!)} else "AFTER"` : flag ? '"BEFORE"' : '"AFTER"';
  const edits = new ArgumentEdits(parts.args, ctx.source.text).insertBefore(pos[1]!, where);
  if (beforeKw) edits.remove(beforeKw);
  else if (fourth) edits.remove(fourth);
  ctx.rewrite(edits.build(), WHY);
}

/** `"BEFORE"`, `"after"`, or `"BEFORE" if x else "AFTER"` (what this rule writes). */
function isWhere(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  const literal = stringLiteral(n);
  if (literal) return /^(before|after)$/i.test(literal.content);
  return n.type === "conditional_expression" && n.namedChildren.some((c) => stringLiteral(c)?.content === "BEFORE");
}
