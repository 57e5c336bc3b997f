import { defineRule } from "../../rule.js";
import { callParts, insideAsyncFunction } from "../../syntax.js";
import { REDIS_COMMANDS } from "../execute-command/commands.js";

/** Client methods that are not commands (or that are already handled by their own rules). */
const NOT_COMMANDS = new Set(["close", "wait_closed", "pipeline", "multi_exec", "pubsub", "client", "lock", "execute"]);

/** Methods whose command has another name. */
const METHOD_COMMANDS: Record<string, string> = { delete: "del", hmset_dict: "hmset", iscan: "scan" };

/**
 * aioredis 1.x wrote a command to the socket as soon as it was called: `redis.set(k, v)` without `await` still
 * ran (fire and forget). A redis-py command is a coroutine: never awaited, it sends nothing (and Python warns
 * "coroutine was never awaited"). Statements that call a command on a known client without awaiting it are awaited.
 */
export default defineRule({
  id: "unawaited-commands",
  description: "Commands called without `await` on a client (sent anyway by aioredis 1.x) → awaited",
  phase: "code",
  needsImport: false,
  apply(ctx) {
    if (ctx.facts.flavour === "2.x") return;
    for (const stmt of ctx.tree.rootNode.descendantsOfType("expression_statement")) {
      const call = stmt.namedChild(0);
      const parts = call?.type === "call" ? callParts(call) : null;
      if (!parts?.receiver || NOT_COMMANDS.has(parts.method)) continue;
      if (ctx.facts.receiverKind(parts.receiver) !== "client") continue;
      const command = METHOD_COMMANDS[parts.method] ?? parts.method.split("_")[0]!.toLowerCase();
      if (!REDIS_COMMANDS.has(command)) continue;
      if (!insideAsyncFunction(stmt)) {
        ctx.manual({
          node: stmt,
          what: `\`${parts.call.text.slice(0, 60)}\` is not awaited: aioredis sent it anyway, a redis-py coroutine that is never awaited sends nothing. Await it from async code, or schedule it with \`asyncio.ensure_future(...)\`.`,
          suggestion: `asyncio.ensure_future(${parts.call.text})`,
        });
        continue;
      }
      ctx.rewrite(
        [{ start: call!.startIndex, end: call!.startIndex, text: "await " }],
        "aioredis sent a command even when it was not awaited; a redis-py command that is never awaited is never sent.",
      );
    }
  },
});
