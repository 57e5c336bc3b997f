import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, expressionKey, statementsOf, unparenthesize } from "../../syntax.js";
import { REDIS_COMMANDS } from "../execute-command/commands.js";

/** Tells which calls in a `try` body are Redis commands, and what else the body could raise from. */
export class RedisCalls {
  constructor(
    private readonly ctx: RuleContext,
    /** Expressions assigned a client the migration created (see `createdClients`). */
    private readonly clients: ReadonlySet<string>,
  ) {}

  /**
   * `x.command(…)` where `x` holds an aioredis client, connection or pipeline (data flow or name) and `command` is a
   * Redis command (`hgetall`, `client_getname`, `delete`) or a pipeline's `execute()`: `conn.execute("SELECT …")` or
   * `r.json()` of another library is not.
   */
  isCommand(node: SyntaxNode): boolean {
    const parts = callParts(unparenthesize(node));
    if (!parts?.receiver) return false;
    const command = parts.method === "delete" ? "del" : parts.method;
    const isRun = parts.method === "execute" && parts.args.namedChildren.length === 0;
    if (!isRun && !REDIS_COMMANDS.has(command) && !REDIS_COMMANDS.has(command.split("_")[0]!)) return false;
    return this.clients.has(expressionKey(parts.receiver)) ||
      this.ctx.facts.isRedisReceiver(parts.receiver, this.ctx.options.repositoryUsesAioredis);
  }

  /**
   * Whether everything the body awaits is a Redis command (or `asyncio.sleep`), with at least one command, and no
   * `with` over something else: then a timeout caught around it can only have come from Redis.
   */
  awaitsOnlyCommands(body: SyntaxNode): boolean {
    let commands = 0;
    for (const node of ownDescendants(body, ["await", "with_statement"])) {
      if (node.type === "with_statement") {
        const items = node.descendantsOfType("with_item").map((i) => i.namedChild(0)!);
        if (!items.every((v) => this.isCommand(unparenthesize(v).type === "as_pattern" ? unparenthesize(v).namedChild(0)! : v)))
          return false;
        continue;
      }
      const awaited = unparenthesize(node.namedChild(0)!);
      if (this.isCommand(awaited)) commands++;
      else if (!/^\w+\.sleep$/.test(awaited.childForFieldName("function")?.text ?? "")) return false;
    }
    return commands > 0;
  }

  /**
   * The Redis commands of a body made only of `[x =] [await] r.cmd(args)`, `return …` and `pass`, whose arguments
   * are names, literals and subscripts: a `TypeError`/`ValueError` caught around it can only have come from the
   * client's argument checks. Null when anything else in the body could raise one (`int(await r.get(k))`,
   * `a, b = await r.blpop(…)`, `json.dumps(v)`).
   */
  plainCommands(body: SyntaxNode): SyntaxNode[] | null {
    const calls: SyntaxNode[] = [];
    for (const statement of statementsOf(body)) {
      if (statement.type === "pass_statement") continue;
      let expr: SyntaxNode | null = null;
      if (statement.type === "return_statement") expr = statement.namedChildren.find((c) => c.type !== "comment") ?? null;
      else if (statement.type === "expression_statement") {
        expr = statement.namedChild(0);
        if (expr?.type === "assignment") {
          const left = expr.childForFieldName("left");
          if (!left || !["identifier", "attribute", "subscript"].includes(left.type)) return null;
          expr = expr.childForFieldName("right");
        }
      }
      if (!expr) return null;
      let call = unparenthesize(expr);
      if (call.type === "await") call = unparenthesize(call.namedChild(0)!);
      const parts = callParts(call);
      if (!parts || !this.isCommand(call) || !parts.args.namedChildren.every(isPlainValue)) return null;
      calls.push(call);
    }
    return calls.length > 0 ? calls : null;
  }
}

const PLAIN_LEAVES = new Set(["identifier", "string_content", "string_start", "string_end", "escape_sequence", "integer", "float", "true", "false", "none", "comment"]);
const PLAIN_CONTAINERS = new Set([
  "attribute", "subscript", "string", "concatenated_string", "interpolation", "keyword_argument", "unary_operator",
  "tuple", "list", "dictionary", "pair", "parenthesized_expression", "list_splat", "dictionary_splat",
]);

/** An argument that cannot raise `TypeError`/`ValueError` itself: no calls, no arithmetic, no conversions. */
function isPlainValue(node: SyntaxNode): boolean {
  if (PLAIN_LEAVES.has(node.type)) return true;
  if (!PLAIN_CONTAINERS.has(node.type)) return false;
  return node.namedChildren.every(isPlainValue);
}

/** Descendants of `root` of the given types, outside nested functions, lambdas and classes. */
function ownDescendants(root: SyntaxNode, types: readonly string[]): SyntaxNode[] {
  // `isNamed`: the `await` keyword token has the same type as the `await` expression
  return root.descendantsOfType([...types]).filter((n) => {
    if (!n.isNamed) return false;
    for (let p = n.parent; p && p.id !== root.id; p = p.parent)
      if (p.type === "function_definition" || p.type === "lambda" || p.type === "class_definition") return false;
    return true;
  });
}
