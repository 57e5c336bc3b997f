import type { CommandCall } from "../../command-calls/receiver.js";
import type { RuleContext } from "../../rule.js";

/** aioredis' `xinfo(stream)` was an alias of `xinfo_stream(stream)`, which redis-py has under that name only. */
export function xinfoRename(ctx: RuleContext, call: CommandCall): void {
  ctx.replace(call.parts.callee.childForFieldName("attribute")!, "xinfo_stream", "redis-py has no `xinfo` alias; the command is `xinfo_stream`.");
}

/**
 * `await r.xinfo_help()` → `b"\n".join(await r.execute_command("XINFO", "HELP"))`: redis-py has no xinfo_help, and
 * aioredis joined the reply's lines into one bytes string.
 */
export function xinfoHelp(ctx: RuleContext, call: CommandCall): void {
  const raw = `${call.parts.receiver.text}.execute_command("XINFO", "HELP")`;
  if (call.awaited) ctx.replace(call.awaited, `b"\\n".join(await ${raw})`, WHY);
  else ctx.manual({ node: call.parts.call, what: "redis-py has no `xinfo_help`: send the raw command and join its lines.", suggestion: `b"\\n".join(await ${raw})` });
}

const WHY = "redis-py has no `xinfo_help`; the raw XINFO HELP reply is a list of lines, which aioredis joined with newlines.";
