import type { TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { awaitingParent, callParts, expressionKey, keywordValue, stringLiteralValue, unparenthesize, type CallParts } from "../../syntax.js";
import { isConnectionAlias } from "../lifecycle/receiver.js";
import { REDIS_COMMANDS } from "./commands.js";
import { CONVERTED_REPLIES, restoreOldShape } from "./replies.js";

const WHY = "redis-py names the raw-command method `execute_command`; `execute` only exists on pipelines.";
const WHY_ENCODING = "redis-py names the raw-command method `execute_command`, which takes no `encoding=` (decoding is a client setting).";

/** Names that hold pipelines or transactions: their `execute()` runs the queued commands and is never renamed. */
const PIPELINE_NAME = /(^|[._"])(pipe|pipeline|tr|tx|multi|transaction|multi_exec)\W*$/i;

/**
 * aioredis 1.x sends raw commands with `execute("GET", key)` on clients and connections; redis-py calls it
 * `execute_command`. A pipeline's `execute()` takes no positional arguments, so a positional argument tells them apart.
 * `encoding=` (1.x per-call decoding) is dropped and flagged: the reply is bytes unless the client decodes.
 */
export default defineRule({
  id: "execute-command",
  description: "`client.execute(\"CMD\", *args)` → `await client.execute_command(\"CMD\", *args)`",
  phase: "code",
  triggers: [".execute("],
  needsImport: false,
  apply(ctx) {
    for (const call of ctx.facts.calls) {
      const parts = callParts(call);
      if (!parts || parts.method !== "execute" || !parts.receiver || parts.positional.length === 0) continue;
      if (!isRawCommandCall(ctx, parts)) continue;
      const attr = parts.callee.childForFieldName("attribute")!;
      const edits: TextEdit[] = [{ start: attr.startIndex, end: attr.endIndex, text: "execute_command" }];
      const encoding = parts.keywords.get("encoding");
      if (encoding) edits.push(removeArgument(parts, encoding));
      ctx.rewrite(edits, encoding ? WHY_ENCODING : WHY);
      // `encoding=None` asked for bytes: nothing else changes
      const decoded = encoding && unparenthesize(keywordValue(encoding)).text !== "None" ? keywordValue(encoding).text : null;
      const rewritten = awaitedText(call, edits);
      if (call.parent?.type === "expression_statement") reportNotAwaited(ctx, parts, rewritten);
      // A reply nobody reads (`await conn.execute("SET", …)` as a statement) may change shape freely.
      if (isDiscarded(call)) continue;
      if (reportConvertedReply(ctx, parts, rewritten, decoded !== null) || decoded === null) continue;
      ctx.manual({
        node: encoding!,
        what: `This reply is now bytes: redis-py's \`execute_command\` has no \`encoding=\`. Decode it here, or create the client with \`decode_responses=True\`.`,
        suggestion: `(${rewritten}).decode(${decoded})  # for a bytes reply; None and lists need their own handling`,
      });
    }
  },
});

function isDiscarded(call: SyntaxNode): boolean {
  const statement = (awaitingParent(call) ?? call).parent;
  return statement?.type === "expression_statement";
}

/** aioredis 1.x sent a command as soon as it was called; a redis-py coroutine that is never awaited sends nothing. */
function reportNotAwaited(ctx: RuleContext, parts: CallParts, rewritten: string): void {
  ctx.manual({
    node: parts.call,
    what: "This command is never awaited: aioredis 1.x sent it anyway, redis-py sends nothing until the coroutine is awaited. Await it (or schedule it with `asyncio.ensure_future`).",
    suggestion: `await ${rewritten}`,
  });
}

/** The data flow knows a client or connection; or the name says redis; or a generic name sends a Redis command literal. */
function isRawCommandCall(ctx: RuleContext, parts: CallParts): boolean {
  const receiver = parts.receiver!;
  const kind = ctx.facts.receiverKind(receiver);
  if (kind) return kind === "client" || kind === "connection";
  const key = expressionKey(receiver);
  if (isConnectionAlias(ctx, receiver)) return true;
  if (PIPELINE_NAME.test(key) || !ctx.facts.isRedisReceiver(receiver, ctx.options.repositoryUsesAioredis)) return false;
  if (/redis/i.test(/([A-Za-z_]\w*)\W*$/.exec(key)?.[1] ?? "")) return true;
  const command = literalCommand(parts);
  return command !== null && REDIS_COMMANDS.has(command.toLowerCase());
}

/** The command a call sends when its first argument is a literal (`"get"`, `b"GET"`), upper-cased. */
function literalCommand(parts: CallParts): string | null {
  const first = parts.positional[0]!;
  if (first.type === "list_splat") return null;
  const value = stringLiteralValue(first) ?? bytesLiteralValue(first);
  return value === null ? null : value.toUpperCase();
}

/**
 * redis-py runs a response callback on some replies that aioredis 1.x returned raw (`PING` → `True`). Reports it,
 * with an expression restoring the old shape where one exists; returns whether a step was reported.
 */
function reportConvertedReply(ctx: RuleContext, parts: CallParts, rewritten: string, encodingDropped: boolean): boolean {
  const command = literalCommand(parts);
  const bytesNote = encodingDropped ? " Its strings are bytes too: `encoding=` is not supported." : "";
  if (command !== null) {
    const shape = CONVERTED_REPLIES.get(command);
    if (!shape) return false;
    ctx.manual({
      node: parts.call,
      what: `redis-py converts the \`${command}\` reply: \`execute_command\` now returns ${shape}. Check the code that reads it.${bytesNote}`,
      suggestion: restoreOldShape(command, rewritten),
    });
    return true;
  }
  if (stringLiteralValue(parts.positional[0]!) !== null) return false; // a literal that is not a command name
  ctx.manual({
    node: parts.call,
    what: `The command is only known at run time: redis-py converts the replies of some commands (\`PING\` → True, \`HGETALL\` → dict, \`SMEMBERS\` → set, \`SET\` → True) that aioredis 1.x returned raw. Check the code that reads this reply.${bytesNote}`,
    suggestion: "",
  });
  return true;
}

/** `b"GET"` → `GET` (plain bytes literals only). */
function bytesLiteralValue(node: SyntaxNode): string | null {
  const n = unparenthesize(node);
  if (n.type !== "string" || !/^[bB]["']/.test(n.text)) return null;
  const content = n.namedChildren.filter((c) => c.type === "string_content");
  return content.length === 1 && n.namedChildren.every((c) => c.type !== "interpolation" && c.type !== "escape_sequence") ? content[0]!.text : null;
}

/** Deletes one argument with the comma that separates it from its neighbour. */
function removeArgument(parts: CallParts, arg: SyntaxNode): TextEdit {
  const args = parts.args.namedChildren.filter((c) => c.type !== "comment");
  const i = args.findIndex((a) => a.id === arg.id);
  if (i > 0) return { start: args[i - 1]!.endIndex, end: arg.endIndex, text: "" };
  return { start: arg.startIndex, end: args[i + 1]?.startIndex ?? arg.endIndex, text: "" };
}

/** The rewritten call's text, with its `await` when it is awaited: `await r.execute_command("GET", k)`. */
function awaitedText(call: SyntaxNode, edits: readonly TextEdit[]): string {
  let text = call.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, e.start - call.startIndex) + e.text + text.slice(e.end - call.startIndex);
  }
  return awaitingParent(call) !== null ? `await ${text}` : text;
}
