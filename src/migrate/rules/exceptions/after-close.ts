import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { unparenthesize } from "../../syntax.js";
import { caughtElements } from "./caught-classes.js";
import type { Reference } from "./reference.js";

/**
 * `except ConnectionClosedError` / `except PoolClosedError` (and `isinstance` checks of them): aioredis 1.x raised
 * these for every command on a client after its `close()`; a redis-py client reconnects on the next command, so
 * the handler no longer runs for use-after-close (verified with aioredis 1.3.1 and redis-py 4.3.4). One step per
 * handler, whatever the number of such classes it catches; none on a handler that never runs (`shadowed`, already
 * reported).
 */
export function reportUseAfterClose(ctx: RuleContext, refs: readonly Reference[], shadowed: ReadonlySet<number>): void {
  const closing = refs.filter((r) => r.target.afterClose);
  if (closing.length === 0) return;
  for (const clause of ctx.tree.rootNode.descendantsOfType("except_clause")) {
    if (shadowed.has(clause.id)) continue;
    const ids = new Set(caughtElements(clause).map((e) => e.id));
    const caught = closing.filter((r) => ids.has(r.node.id));
    if (caught.length > 0) ctx.manual({ node: caught[0]!.node, what: message(ctx, caught, "handler", clause), suggestion: flagSuggestion(ctx, clause) });
  }
  for (const call of ctx.tree.rootNode.descendantsOfType("call")) {
    if (call.childForFieldName("function")?.text !== "isinstance") continue;
    const tested = call.childForFieldName("arguments")?.namedChildren[1];
    if (!tested) continue;
    const group = unparenthesize(tested);
    const ids = new Set((group.type === "tuple" ? group.namedChildren : [group]).map((e) => unparenthesize(e).id));
    const caught = closing.filter((r) => ids.has(r.node.id));
    if (caught.length > 0) ctx.manual({ node: caught[0]!.node, what: message(ctx, caught, "check", null), suggestion: "" });
  }
}

function message(ctx: RuleContext, caught: readonly Reference[], kind: "handler" | "check", clause: SyntaxNode | null): string {
  const shortName = (node: SyntaxNode): string => {
    const name = ctx.facts.resolve(node) ?? node.text; // the aioredis class, not a local alias (`Closed`)
    return name.slice(name.lastIndexOf(".") + 1);
  };
  const names = [...new Set(caught.map((r) => `\`${shortName(r.node)}\``))];
  const stops = clause ? loopExit(clause) : null;
  const loop = stops ? `, and its \`${stops}\` no longer ends the loop` : "";
  const broader = caught.filter((r) => r.target.afterClose?.broader).map((r) => `\`${shortName(r.node)}\``);
  return (
    `aioredis raised ${names.join(" / ")} for a command on a client after its \`close()\`, but a redis-py client ` +
    `reconnects and runs the command, so this ${kind} no longer ${kind === "handler" ? "runs" : "matches"} for a ` +
    `client used after \`close()\`${loop}.` +
    (broader.length > 0
      ? ` It now ${kind === "handler" ? "catches" : "matches"} \`ConnectionError\`, which also covers every other connection failure (${broader.join(", ")} did not).`
      : "") +
    ` Keep your own closed flag: set it where you call \`close()\` and check it before using the client, doing there what this ${kind} did.`
  );
}

/** `break` / `return` in the handler's body when the `try` sits in a loop (of the same function). */
function loopExit(clause: SyntaxNode): string | null {
  let inLoop = false;
  for (let p = clause.parent; p; p = p.parent) {
    if (p.type === "for_statement" || p.type === "while_statement") inLoop = true;
    if (p.type === "function_definition" || p.type === "lambda") break;
  }
  if (!inLoop) return null;
  const body = clause.namedChildren.find((c) => c.type === "block");
  if (!body) return null;
  const exits = body.descendantsOfType(["break_statement", "return_statement"]);
  return exits.length > 0 ? (exits[0]!.type === "break_statement" ? "break" : "return") : null;
}

/** `if <client>_closed:` + the handler's body, from the first client the `try` uses (`redis` → `redis_closed`). */
function flagSuggestion(ctx: RuleContext, clause: SyntaxNode): string {
  const body = clause.namedChildren.find((c) => c.type === "block");
  if (!body) return "";
  const src = ctx.source;
  const nl = src.newline;
  const flag = `${clientOf(clause.parent?.childForFieldName("body") ?? null) ?? "client"}_closed`;
  const first = src.lineIndexAt(body.startIndex);
  const lines =
    first === src.lineIndexAt(clause.startIndex)
      ? [body.text]
      : src.text.slice(src.lineStart(first), src.lineContentEnd(src.lineIndexAt(body.endIndex))).split(/\r?\n/);
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length));
  const inner = lines.map((l) => (l.trim() === "" ? "" : `    ${l.slice(indent)}`));
  // `except ... as e`: the handler's exception is not there before the command runs
  const alias = clause.descendantsOfType("as_pattern_target")[0]?.text;
  const unbound = alias && new RegExp(`\\b${alias}\\b`).test(body.text) ? [`    # no \`${alias}\` here: nothing was raised`] : [];
  return [`if ${flag}:  # your own flag, set to True where the client is closed`, ...unbound, ...inner].join(nl);
}

/** The receiver of the first awaited method call in a block (`redis` in `await redis.get(k)`). */
function clientOf(block: SyntaxNode | null): string | null {
  if (!block) return null;
  for (const aw of block.descendantsOfType("await")) {
    const call = unparenthesize(aw.namedChild(0)!);
    const fn = call.type === "call" ? call.childForFieldName("function") : null;
    const receiver = fn?.type === "attribute" ? unparenthesize(fn.childForFieldName("object")!) : null;
    if (receiver && (receiver.type === "identifier" || receiver.type === "attribute")) return receiver.text;
  }
  return null;
}
