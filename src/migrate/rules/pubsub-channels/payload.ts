import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, stringLiteralValue } from "../../syntax.js";

/**
 * The expression that turns a redis-py message dict into what an aioredis `Channel` read returned:
 * `get()` → the payload; `get(encoding=…)` / `iter(encoding=…)` → the decoded payload; `get_json()` → `json.loads`;
 * a pattern channel → `(channel, payload)`.
 */
export function payloadExpression(ctx: RuleContext, read: SyntaxNode, message: string, pattern: boolean): string {
  const parts = callParts(read);
  const method = parts?.method ?? "get";
  const encodingKw = parts?.keywords.get("encoding");
  let data = `${message}["data"]`;
  if (encodingKw) {
    const value = encodingKw.childForFieldName("value")!;
    const codec = stringLiteralValue(value) !== null ? value.text : value.text;
    // the client may already decode (decode_responses=True): decode only bytes
    data = `(${data}.decode(${codec}) if isinstance(${data}, bytes) else ${data})`;
  }
  if (method === "get_json") {
    const json = ctx.names.plainModule("json", moduleBindsJson(ctx));
    data = `${json}.loads(${message}["data"])`;
  }
  return pattern ? `(${message}["channel"], ${data})` : data;
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
