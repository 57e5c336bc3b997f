import type { SyntaxNode } from "../../parser.js";
import { stringLiteralValue, unparenthesize } from "../../syntax.js";
import { localConstant, moduleConstant } from "./constants.js";
import { rewriteAioredisUrl, urlScheme, type UrlRewrite } from "./url.js";

/**
 * How an aioredis 1.x `address` argument maps onto redis-py (§3.2): a URL goes to `Redis.from_url`, a `(host, port)`
 * pair to `Redis(host=, port=)`, a bare socket path to `Redis(unix_socket_path=)`.
 */
export type Address =
  | {
      readonly kind: "url";
      /** Text of the URL argument (a rewritten literal, or the user's expression). */
      readonly text: string;
      /** The literal URL after rewriting, when the URL is spelled in this file. */
      readonly literal: UrlRewrite | null;
      /**
       * What a person must still check: nothing (a literal), the URL's query options (an expression named like a
       * URL), or whether it is a URL at all (anything else).
       */
      readonly check: "none" | "options" | "is-url";
      /** The URL is a module constant's value (so TLS cannot be folded into the call's URL). */
      readonly viaConstant?: boolean;
      /** A module constant holding a URL that needs rewriting. */
      readonly constant?: { readonly value: SyntaxNode; readonly newText: string; readonly reads: readonly SyntaxNode[] };
    }
  | { readonly kind: "tcp"; readonly host: string; readonly port: string }
  | { readonly kind: "unix"; readonly path: string }
  | { readonly kind: "unknown"; readonly why: string };

const URLISH_NAME = /url|uri|dsn/i;
const ENV_LOOKUP = /\b(environ\b|getenv\s*\(|env\s*\(|config\s*\()/;
const NOT_A_URL_KEY = /host|port|sock|path/i;
const URL_LITERAL_START = /^[rRuUbB]?[fF]?[rR]?("""|'''|"|')(rediss?|unix):\/\//i;
const PATH_LITERAL_START = /^[rRuU]?[fF]?[rR]?("""|'''|"|')\.{0,2}\//;

/** Re-quotes a plain string literal with new content, keeping its prefix and quotes. */
function requote(literal: SyntaxNode, content: string): string {
  const start = literal.namedChildren.find((c) => c.type === "string_start")!;
  const end = literal.namedChildren.find((c) => c.type === "string_end")!;
  return start.text + content + end.text;
}

function fromLiteral(node: SyntaxNode, forceSsl: boolean): Address | null {
  const n = unparenthesize(node);
  const value = stringLiteralValue(n);
  if (value !== null) {
    if (urlScheme(value)) {
      const literal = rewriteAioredisUrl(value, forceSsl);
      return { kind: "url", text: literal.url === value ? n.text : requote(n, literal.url), literal, check: "none" };
    }
    if (/^\.{0,2}\//.test(value) || value.endsWith(".sock")) return { kind: "unix", path: n.text };
    return { kind: "unknown", why: `${n.text} is neither a redis:// URL nor a socket path` };
  }
  if ((n.type === "tuple" || n.type === "list") && n.namedChildCount === 2) {
    const [host, port] = n.namedChildren;
    if (host!.type.endsWith("splat") || port!.type.endsWith("splat") || host!.type === "comment" || port!.type === "comment")
      return null;
    return { kind: "tcp", host: host!.text, port: port!.text };
  }
  return null;
}

/**
 * Classifies the address argument. `forceSsl` (the factory's `ssl=True`) is folded into a literal URL's scheme.
 * `onlyFactoryAddresses` tells whether every read of a module constant is the address of a factory call, so the
 * constant's URL can be rewritten where it is defined.
 */
export function classifyAddress(
  node: SyntaxNode,
  root: SyntaxNode,
  forceSsl: boolean,
  onlyFactoryAddresses: (reads: readonly SyntaxNode[]) => boolean,
): Address {
  const n = unparenthesize(node);
  const literal = fromLiteral(n, forceSsl);
  if (literal) return literal;
  const constant = moduleConstant(root, n) ?? localConstant(n);
  if (constant) {
    const value = unparenthesize(constant.value);
    const resolved = fromLiteral(value, false);
    if (resolved?.kind === "tcp") return { kind: "tcp", host: `${n.text}[0]`, port: `${n.text}[1]` };
    if (resolved?.kind === "unix") return { kind: "unix", path: n.text };
    if (resolved?.kind === "url") {
      const changed = resolved.text !== value.text;
      if (!changed) return { ...resolved, text: n.text, viaConstant: true };
      const constantFix = { value, newText: resolved.text, reads: constant.reads };
      return onlyFactoryAddresses(constant.reads)
        ? { ...resolved, text: n.text, viaConstant: true, constant: constantFix }
        : { ...resolved, text: n.text, viaConstant: true, check: "options", constant: constantFix };
    }
    if (resolved?.kind === "unknown") return resolved;
  }
  const text = n.text;
  // An f-string or formatted URL: only a visible query part can hold aioredis-only options.
  if (URL_LITERAL_START.test(text)) return { kind: "url", text, literal: null, check: text.includes("?") ? "options" : "none" };
  if (PATH_LITERAL_START.test(text)) return { kind: "unix", path: text };
  if (URLISH_NAME.test(text)) return { kind: "url", text, literal: null, check: "options" };
  if (ENV_LOOKUP.test(text) && !NOT_A_URL_KEY.test(text)) return { kind: "url", text, literal: null, check: "options" };
  return { kind: "url", text, literal: null, check: "is-url" };
}
