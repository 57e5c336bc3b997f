import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { enclosingStatement, unparenthesize } from "../../syntax.js";
import { lineWith, methodCall } from "./receiver.js";

/** aioredis 1.x methods that start a pipeline or a transaction, and the redis-py call that replaces them. */
const PIPELINES: Record<string, string> = { pipeline: "pipeline(transaction=False)", multi_exec: "pipeline(transaction=True)" };

/**
 * `with await client as conn:` + `conn.pipeline()` / `conn.multi_exec()` inside: in aioredis 1.x the pipeline ran on
 * the connection the block borrowed; in redis-py `pipeline()` takes a second connection from the pool while
 * `async with client.client() as conn:` holds the first, so with a bounded pool (`BlockingConnectionPool`,
 * `timeout=None`) concurrent callers deadlock (verified with redis-py 4.3.4). One step per pipeline call.
 */
export function reportBorrowedPipelines(ctx: RuleContext, block: SyntaxNode, client: SyntaxNode, alias: SyntaxNode): void {
  // `as conn` is an `as_pattern_target` around the name
  const conn = alias.type === "as_pattern_target" && alias.namedChildCount === 1 ? alias.namedChild(0)! : alias;
  if (conn.type !== "identifier") return;
  const uses = usesOf(block, conn.text);
  const pipelines = uses.filter((u) => u.method !== null && Object.hasOwn(PIPELINES, u.method) && u.argCount === 0);
  if (pipelines.length === 0) return;
  const others = uses.filter((u) => !pipelines.includes(u));
  const watches = others.some((u) => u.method === "watch");
  const otherNames = [...new Set(others.map((u) => (u.method ? `\`${conn.text}.${u.method}()\`` : `\`${conn.text}\` passed on`)))];
  const header = `\`async with ${client.text}.client() as ${conn.text}:\``;
  for (const p of pipelines) {
    const replacement = `${client.text}.${PIPELINES[p.method!]!}`;
    const statement = enclosingStatement(p.node);
    const line = lineWith(ctx, statement, p.node, replacement);
    const what =
      `\`${conn.text}.${p.method}()\` ran on the connection this block borrowed; redis-py's ` +
      `\`${conn.text}.${PIPELINES[p.method!]!}\` takes a second one from the pool while ${header} holds the first, so ` +
      `concurrent callers on a bounded pool can wait for each other forever. With \`maxsize\` ` +
      `(\`BlockingConnectionPool\`, \`timeout=None\`) each caller needs two connections. ` +
      advice(conn.text, client.text, header, replacement, otherNames, watches);
    const assigned = statement.namedChild(0)?.type === "assignment" ? statement.namedChild(0)!.childForFieldName("left")?.text : undefined;
    ctx.manual({ node: p.node, what, suggestion: suggestion(client.text, header, line, assigned ?? "tr", others.length === 0, watches) });
  }
}

/** The pipeline line on the client when `conn` serves only to create it; the WATCH rewrite's header on the client. */
function suggestion(client: string, header: string, line: string | null, name: string, onlyPipeline: boolean, watches: boolean): string {
  if (onlyPipeline && line !== null) return `${line.trimStart()}  # instead of ${header.slice(1, -2)}`;
  if (watches) return `async with ${client}.pipeline(transaction=True) as ${name}:  # instead of ${header.slice(1, -2)}`;
  return "";
}

function advice(conn: string, client: string, header: string, replacement: string, others: readonly string[], watches: boolean): string {
  if (others.length === 0)
    return `This block uses \`${conn}\` only for the pipeline: drop ${header} and create it on the client, \`${replacement}\`, which borrows one connection for itself.`;
  if (watches)
    return (
      `The WATCH rewrite moves the commands between WATCH and EXEC onto the pipeline; if \`${conn}\` then serves only ` +
      `to create it, use \`${client}.pipeline(transaction=True)\` and drop ${header}, otherwise size the pool for two ` +
      `connections per concurrent caller.`
    );
  return (
    `The block also uses \`${conn}\` elsewhere (${others.join(", ")}): if that needs no connection of its own ` +
    `(SELECT, CLIENT SETNAME), use \`${client}\` there too, create the pipeline with \`${replacement}\` and drop ` +
    `${header}; otherwise size the pool for two connections per concurrent caller.`
  );
}

/** One use of the connection name: `conn.method(...)` (method and argument count) or the bare name. */
interface Use {
  readonly node: SyntaxNode;
  readonly method: string | null;
  readonly argCount: number;
}

/** Every use of `name` in `block`, outside nested functions (which may run after the connection is released). */
function usesOf(block: SyntaxNode, name: string): Use[] {
  const uses: Use[] = [];
  for (const id of block.descendantsOfType("identifier")) {
    if (id.text !== name || insideNestedFunction(id, block)) continue;
    const parent = id.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === id.id) continue; // `x.conn`
    if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === id.id) continue;
    const call = parent?.type === "attribute" && parent.childForFieldName("object")?.id === id.id ? parent.parent : null;
    const m = call?.type === "call" ? methodCall(call, call, false) : null;
    if (m && unparenthesize(m.receiver).id === id.id) uses.push({ node: call!, method: m.method, argCount: m.argCount });
    else uses.push({ node: id, method: null, argCount: 0 });
  }
  return uses;
}

function insideNestedFunction(node: SyntaxNode, block: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== block.id; p = p.parent) {
    if (p.type === "function_definition" || p.type === "lambda") return true;
  }
  return false;
}
