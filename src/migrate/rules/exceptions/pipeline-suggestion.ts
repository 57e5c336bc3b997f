import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { awaitingParent, callParts, statementsOf } from "../../syntax.js";

/**
 * For `except PipelineError as exc` around `await pipe.execute()`: redis-py raises only the first error, so the
 * suggestion collects every error reply with `execute(raise_on_error=False)` and runs the handler's body when there
 * is one, with `exc.args[1]` (aioredis's list of errors) replaced by that list.
 */
export function pipelineErrorSuggestion(ctx: RuleContext, clause: SyntaxNode, responseError: string): string {
  const tryStmt = clause.parent;
  const body = tryStmt?.type === "try_statement" ? tryStmt.childForFieldName("body") : null;
  const handlerBody = clause.namedChildren.find((c) => c.type === "block");
  if (!body || !handlerBody) return "";
  const statement = statementsOf(body).find((s) =>
    s.descendantsOfType("call").some((c) => {
      const parts = callParts(c);
      return parts?.method === "execute" && parts.positional.length === 0 && parts.keywords.size === 0 && awaitingParent(c);
    }),
  );
  if (!statement) return "";
  const assignment = statement.namedChild(0);
  const target = assignment?.type === "assignment" ? assignment.childForFieldName("left")?.text : undefined;
  const results = target ?? "results";
  const run = `${target ? "" : `${results} = `}${statement.text.replace(/\.execute\(\)/, ".execute(raise_on_error=False)")}`;
  const alias = clause.descendantsOfType("as_pattern_target")[0]?.text;
  let handler = dedented(ctx, handlerBody);
  if (alias) handler = handler.split(`${alias}.args[1]`).join("errors");
  return [
    run,
    `errors = [r for r in ${results} if isinstance(r, ${responseError})]`,
    "if errors:",
    ...handler.split("\n").map((l) => (l ? `    ${l}` : l)),
  ].join("\n");
}

/** The text of `node` with the indentation of its first line removed from every line. */
function dedented(ctx: RuleContext, node: SyntaxNode): string {
  const indent = ctx.source.indentAt(node.startIndex);
  return node.text
    .split("\n")
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join("\n");
}
