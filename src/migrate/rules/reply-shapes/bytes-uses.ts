import { stringLiteral } from "../../command-calls/literals.js";
import { elementUses, type Use } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";
import { inStatement } from "./statement.js";

/**
 * Uses that only work on bytes: `.decode()`, and comparisons, `+` and method calls with a bytes literal
 * (`name == b"worker"`, `b"k" in keys`, `name.startswith(b"w")`). For replies that were bytes in aioredis 1.x and
 * are str in redis-py whatever the client decodes (`client_getname`, `command_getkeys`). With `elements`, the
 * reply is a list: the list itself (`b"k" in keys`) and its items are checked.
 */
export function bytesUses(uses: readonly Use[], elements: boolean): Use[] {
  const decoded = (u: Use): boolean => u.kind === "method" && u.detail === "decode";
  const withBytes = (u: Use): boolean => ["compare", "concat", "method"].includes(u.kind) && hasBytesLiteral(u.site, u.node);
  const whole = elements ? uses.filter(withBytes) : [];
  const values = (elements ? elementUses(uses) : uses).filter((u) => decoded(u) || withBytes(u));
  return [...whole, ...values].sort((a, b) => a.site.startIndex - b.site.startIndex);
}

/** The statement's first line with the use rewritten for a str value: `.decode()` dropped, `b"x"` → `"x"`. */
export function strSuggestion(u: Use): string {
  return inStatement(u.site, u.kind === "method" && u.detail === "decode" ? u.node.text : withoutBytesPrefix(u.site, u.node));
}

function bytesLiterals(node: SyntaxNode, except: SyntaxNode): SyntaxNode[] {
  return node.descendantsOfType("string").filter((s) => stringLiteral(s)?.bytes && !(s.startIndex >= except.startIndex && s.endIndex <= except.endIndex));
}

function hasBytesLiteral(site: SyntaxNode, value: SyntaxNode): boolean {
  return bytesLiterals(site, value).length > 0;
}

/** `node`'s text with the `b` prefix of its bytes literals (outside `value`) removed. */
function withoutBytesPrefix(node: SyntaxNode, value: SyntaxNode): string {
  let out = "";
  let at = node.startIndex;
  for (const s of bytesLiterals(node, value)) {
    const start = s.namedChildren.find((c) => c.type === "string_start")!;
    const prefix = start.text.replace(/["']+$/, "");
    const i = prefix.search(/[bB]/);
    out += node.text.slice(at - node.startIndex, start.startIndex + i - node.startIndex);
    at = start.startIndex + i + 1;
  }
  return out + node.text.slice(at - node.startIndex);
}
