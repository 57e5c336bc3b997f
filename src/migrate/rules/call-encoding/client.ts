import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { expressionKey, keywordValue, stringLiteralValue, unparenthesize } from "../../syntax.js";

/** How replies of a client are decoded: a codec, `"bytes"` (no decoding), or unknown. */
export type ClientEncoding = string | "bytes" | null;

/** `utf8`, `UTF-8`, `utf_8` → `utf-8`: codec names as Python's codecs module folds them. */
export function normalizeCodec(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, "-");
  return n === "utf8" ? "utf-8" : n;
}

/**
 * What the module's own creation of `receiver` says about decoding: the `encoding=` keyword of the factory (kept
 * by the client-creation rule next to `decode_responses=True`), a `?encoding=` in a literal URL, or no encoding at
 * all for a literal address. Unknown when the client comes from elsewhere or the address is a variable (its URL
 * may carry `?encoding=`).
 */
export function clientEncoding(ctx: RuleContext, receiver: SyntaxNode): ClientEncoding {
  const key = expressionKey(receiver);
  const found = new Set<ClientEncoding>();
  for (const a of ctx.tree.rootNode.descendantsOfType("assignment")) {
    const left = a.childForFieldName("left");
    const right = a.childForFieldName("right");
    if (!left || !right || expressionKey(left) !== key || unparenthesize(right).type === "none") continue;
    let value = unparenthesize(right);
    if (value.type === "await") value = unparenthesize(value.namedChild(0)!);
    found.add(value.type === "call" ? creationEncoding(value) : null);
  }
  return found.size === 1 ? [...found][0]! : null;
}

function creationEncoding(call: SyntaxNode): ClientEncoding {
  const args = call.childForFieldName("arguments");
  if (!args) return null;
  let decode = false;
  let address: SyntaxNode | null = null;
  for (const a of args.namedChildren) {
    if (a.type === "keyword_argument") {
      const name = a.childForFieldName("name")!.text;
      const value = keywordValue(a);
      if (name === "encoding") {
        const codec = stringLiteralValue(value);
        return codec === null ? (unparenthesize(value).type === "none" ? "bytes" : null) : normalizeCodec(codec);
      }
      if (name === "decode_responses") decode = unparenthesize(value).type === "true";
      if (name === "address" || name === "url") address = value;
    } else if (a.type === "list_splat" || a.type === "dictionary_splat") return null;
    else address ??= a;
  }
  if (decode) return "utf-8";
  if (!address) return "bytes"; // `Redis(host=..., port=...)` without decoding
  const url = stringLiteralValue(address);
  if (url !== null) {
    const m = /[?&]encoding=([^&#]+)/.exec(url);
    return m ? normalizeCodec(decodeURIComponent(m[1]!)) : "bytes";
  }
  return ["tuple", "list"].includes(unparenthesize(address).type) ? "bytes" : null;
}
