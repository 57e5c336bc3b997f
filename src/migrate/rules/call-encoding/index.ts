import { ArgumentEdits } from "../../command-calls/arguments.js";
import { atLeast, commandCalls, type CommandCall } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, stringLiteralValue, unparenthesize } from "../../syntax.js";
import { flagUses } from "../../command-calls/flags.js";
import { usesOf } from "../../command-calls/uses.js";
import { bytesUses, strSuggestion } from "../reply-shapes/bytes-uses.js";
import { clientEncoding, normalizeCodec } from "./client.js";
import { decodeSuggestion, isOneValue } from "./suggestion.js";

/** aioredis 1.x commands that took a per-call `encoding=` (from the signatures of aioredis 1.3.1's `Redis`). */
const ENCODING_METHODS = new Set([
  "blpop", "brpop", "brpoplpush", "bzpopmax", "bzpopmin", "client_getname", "cluster_get_keys_in_slots", "command_getkeys",
  "echo", "geohash", "geopos", "georadius", "georadiusbymember", "get", "getrange", "getset", "hget", "hgetall", "hkeys", "hmget", "hvals",
  "keys", "lindex", "lpop", "lrange", "mget", "ping", "randomkey", "rpop", "rpoplpush", "smembers", "spop",
  "srandmember", "zpopmax", "zpopmin", "zrange", "zrangebylex", "zrangebyscore", "zrevrange", "zrevrangebylex",
  "zrevrangebyscore",
]);

/**
 * Replies redis-py always decodes to str (its response callbacks run `str_if_bytes`, whatever `decode_responses`
 * says; verified with redis-py 4.3.4, same callbacks in 5.x): a per-call codec is already what they get. `geopos`
 * replies floats: a codec never applied to it.
 */
const ALWAYS_STR = new Set(["client_getname", "command_getkeys", "geohash", "geopos"]);

const WHY_SAME = "The client decodes replies with this codec already (`decode_responses=True`); redis-py has no per-call `encoding=`.";
const WHY_REMOVE = "redis-py has no per-call `encoding=`: methods without `**kwargs` raise TypeError, the others run the command and ignore it.";

/**
 * aioredis 1.x per-call `encoding=` on commands (reference §5.0, §11.6). redis-py decodes per client
 * (`decode_responses=True`), so the keyword goes; when the module's own client decodes with the same codec that is
 * all, otherwise the call site must decode the reply itself and a manual step says how. `client_getname` and
 * `command_getkeys` reply str on every redis-py client: only `encoding=None` (bytes) leaves something to check.
 */
export default defineRule({
  id: "call-encoding",
  description: "per-call `encoding=` on commands → removed; decoding is per client (`decode_responses=True`) or at the call site",
  phase: "code",
  triggers: ["encoding"],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, ENCODING_METHODS)) {
      const kw = call.parts.keywords.get("encoding");
      // `encoding=` is invalid on every redis-py command method, so a client-like name is enough
      if (kw && atLeast(call.trust, "repository")) migrate(ctx, call, kw);
    }
  },
});

function migrate(ctx: RuleContext, call: CommandCall, kw: SyntaxNode): void {
  const { parts } = call;
  const edits = new ArgumentEdits(parts.args, ctx.source.text).remove(kw);
  const value = keywordValue(kw);
  const literal = stringLiteralValue(value);
  const asked = literal !== null ? normalizeCodec(literal) : unparenthesize(value).type === "none" ? "bytes" : null;
  if (ALWAYS_STR.has(parts.method)) {
    alwaysStr(ctx, call, edits, asked === "bytes");
    return;
  }
  const client = clientEncoding(ctx, parts.receiver);
  if (asked !== null && asked === client) {
    ctx.rewrite(edits.build(), WHY_SAME);
    return;
  }
  ctx.rewrite(edits.build(), WHY_REMOVE);
  const codec = literal !== null ? { text: literal, literal: true } : asked === "bytes" ? null : { text: value.text, literal: false };
  ctx.manual({
    node: parts.call,
    what:
      asked === "bytes"
        ? "`encoding=None` asked aioredis for raw bytes from a decoding client; redis-py decodes per client: use a second client without `decode_responses` for these replies."
        : `Per-call \`encoding=\` does not exist in redis-py, so this reply is bytes now: decode it here, or create the client with \`decode_responses=True\`.`,
    suggestion: codec === null ? "" : decodeSuggestion(parts, edits, call.awaited, codec, ctx.source),
    replacesLines: codec !== null && isWholeLineAssignment(ctx, call) ? 1 : 0,
  });
}

/** `x = await r.get(k, encoding=...)` alone on its line: the two-line suggestion replaces it as is. */
function isWholeLineAssignment(ctx: RuleContext, call: CommandCall): boolean {
  let n = call.awaited ?? call.parts.call;
  while (n.parent?.type === "parenthesized_expression") n = n.parent;
  const a = n.parent;
  if (a?.type !== "assignment" || a.childForFieldName("left")?.type !== "identifier") return false;
  const line = ctx.source.lineIndexAt(a.startIndex);
  return ctx.source.lineIndexAt(a.endIndex) === line && ctx.source.lineText(line).trim() === a.text && isOneValue(call.parts.method, call);
}

/**
 * `client_getname`/`command_getkeys` reply str in redis-py on every client. A codec asked for str: nothing else to
 * do. `encoding=None` asked for bytes: the uses that need bytes are reported (`client_getname`'s by reply-shapes,
 * which checks every `client_getname` reply that way).
 */
function alwaysStr(ctx: RuleContext, call: CommandCall, edits: ArgumentEdits, askedBytes: boolean): void {
  const m = call.parts.method;
  ctx.rewrite(edits.build(), `redis-py has no per-call \`encoding=\`, and replies str for \`${m}\` whatever the client decodes.`);
  if (!askedBytes || m !== "command_getkeys" || !call.awaited) return;
  const what = "`encoding=None` asked aioredis for bytes keys; redis-py's `command_getkeys` replies str keys on every client: `.decode()` and bytes comparisons on them no longer work.";
  flagUses(ctx, bytesUses(usesOf(call.awaited), true), what, strSuggestion);
}
