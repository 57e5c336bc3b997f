import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, keywordValue, stringLiteralValue } from "../../syntax.js";
import { normalizeCodec } from "../call-encoding/client.js";
import type { ChannelInfo } from "./channels.js";

/** Added to a rewrite's reason when the payload is encoded back to bytes. */
export const WHY_ENCODED_BACK =
  " The client decodes replies now (`decode_responses=True`, from `encoding=`) but aioredis Channels never did, so the payload (and a pattern message's channel) is encoded back to the bytes `get()` returned.";

/**
 * The expression that turns a redis-py message dict into what an aioredis `Channel` read returned:
 * `get()` → the payload; `get(encoding=…)` / `iter(encoding=…)` → the decoded payload; `decoder=f` → `f(payload)`;
 * `get_json()` → `json.loads`; a pattern channel → `(channel, payload)`. aioredis Channels gave bytes even on a
 * client created with `encoding=`, so on such a client (now `decode_responses=True`) raw reads are encoded back.
 */
export function payloadExpression(ctx: RuleContext, read: SyntaxNode, message: string, channel: ChannelInfo | undefined): string {
  const parts = callParts(read);
  const method = parts?.method ?? "get";
  const encodingKw = parts?.keywords.get("encoding");
  const decoderKw = parts?.keywords.get("decoder");
  const codec = decodingCodec(channel);
  const raw = `${message}["data"]`;
  let data = raw;
  if (method === "get_json") {
    // json.loads takes str and bytes alike
    const json = ctx.names.plainModule("json", moduleBindsJson(ctx));
    data = `${json}.loads(${raw})`;
  } else if (encodingKw) {
    const value = keywordValue(encodingKw);
    const asked = stringLiteralValue(value);
    // the client may already decode (decode_responses=True): decode only bytes
    if (codec === null || asked === null || normalizeCodec(asked) !== codec)
      data = `(${raw}.decode(${value.text}) if isinstance(${raw}, bytes) else ${raw})`;
  } else if (codec !== null) data = `${raw}.encode(${JSON.stringify(codec)})`;
  if (decoderKw && method !== "get_json") data = `${keywordValue(decoderKw).text}(${data})`;
  if (!channel?.pattern) return data;
  const name = codec !== null ? `${message}["channel"].encode(${JSON.stringify(codec)})` : `${message}["channel"]`;
  return `(${name}, ${data})`;
}

/** Whether `payloadExpression` encodes the payload or the channel back to bytes for this read. */
export function encodesBack(read: SyntaxNode, channel: ChannelInfo | undefined): boolean {
  if (decodingCodec(channel) === null) return false;
  const method = callParts(read)?.method;
  return channel!.pattern || (method !== "get_json" && !callParts(read)?.keywords.has("encoding"));
}

/** The codec of a client that decodes replies (a module-made client with `encoding=`), else null. */
function decodingCodec(channel: ChannelInfo | undefined): string | null {
  const codec = channel?.codec;
  return codec === undefined || codec === null || codec === "bytes" ? null : codec;
}

export function moduleBindsJson(ctx: RuleContext): boolean {
  return ctx.tree.rootNode
    .descendantsOfType("import_statement")
    .some((s) => s.parent?.type === "module" && /\bimport\s+json\b(?!\s+as)/.test(s.text));
}

/** A fresh local name for the message dict. */
export function messageName(ctx: RuleContext): string {
  for (const candidate of ["message", "msg_dict", "pubsub_message"]) if (!ctx.facts.usedNames.has(candidate)) return candidate;
  for (let i = 2; ; i++) if (!ctx.facts.usedNames.has(`message${i}`)) return `message${i}`;
}
