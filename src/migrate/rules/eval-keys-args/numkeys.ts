import type { ArgumentEdits } from "../../command-calls/arguments.js";
import type { SyntaxNode } from "../../parser.js";
import { keywordValue, unparenthesize } from "../../syntax.js";

/**
 * Edits that turn aioredis' `keys` and `args` (keyword or positional, literal list or expression) into redis-py's
 * `numkeys, *keys, *args`. Literal lists are unwrapped in place (their items, comments included, stay as written);
 * other expressions become `len(keys), *keys` / `*args`. Returns the keys expression when it is not safe to
 * evaluate twice (a call, …): then nothing is edited.
 */
export function keysAndArgsEdits(
  edits: ArgumentEdits,
  script: SyntaxNode,
  keys: SyntaxNode | null,
  args: SyntaxNode | null,
  text: string,
): SyntaxNode | null {
  const keysValue = keys ? valueOf(keys) : null;
  const keyItems = keysValue ? listItems(keysValue) : [];
  if (keysValue && keyItems === null && !isPure(keysValue)) return keysValue;
  if (keys && args && args.startIndex < keys.startIndex) {
    // `args=` before `keys=`: rebuild that span in the right order
    const k = keyItems ? [String(keyItems.length), ...keyItems.map((i) => i.text)] : [`len(${keysValue!.text})`, `*${keysValue!.text}`];
    const argItems = listItems(valueOf(args));
    const a = argItems ? argItems.map((i) => i.text) : [`*${valueOf(args).text}`];
    edits.replaceRange(args.startIndex, keys.endIndex, [...k, ...a].join(", "));
    return null;
  }
  if (!keys) {
    if (args) edits.insertAt(args.startIndex, "0, ");
    else edits.insertAfter(script, "0");
  } else if (keyItems === null) {
    edits.replace(keys, `len(${keysValue!.text}), *${keysValue!.text}`);
  } else if (keyItems.length === 0) {
    edits.replace(keys, "0");
  } else {
    unwrap(edits, keys, keysValue!, keyItems, `${keyItems.length}, `, text);
  }
  if (args) {
    const argsValue = valueOf(args);
    const argItems = listItems(argsValue);
    if (argItems === null) edits.replace(args, `*${argsValue.text}`);
    else if (argItems.length === 0) edits.remove(args);
    else unwrap(edits, args, argsValue, argItems, "", text);
  }
  return null;
}

/**
 * `keys=["a", b]` → `<prefix>"a", b`: drops `keys=[` and `]` (and a trailing comma inside the brackets). Comments
 * inside the brackets stay: then only the bracket tokens go (a `]` alone on its line takes its line with it).
 */
function unwrap(edits: ArgumentEdits, arg: SyntaxNode, list: SyntaxNode, items: readonly SyntaxNode[], prefix: string, text: string): void {
  const inner = unparenthesize(list);
  const open = inner.child(0)!;
  const close = inner.child(inner.childCount - 1)!;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const commentsIn = (a: number, b: number): boolean => inner.namedChildren.some((c) => c.type === "comment" && c.startIndex >= a && c.endIndex <= b);
  if (commentsIn(open.endIndex, first.startIndex)) edits.replaceRange(arg.startIndex, open.endIndex, prefix.trimEnd());
  else edits.replaceRange(arg.startIndex, first.startIndex, prefix);
  if (!commentsIn(last.endIndex, close.startIndex)) {
    edits.replaceRange(last.endIndex, arg.endIndex, "");
    return;
  }
  const trailing = last.nextSibling?.type === "," ? last.nextSibling : null;
  const lineStart = text.lastIndexOf("\n", close.startIndex - 1) + 1;
  const aloneOnLine = text.slice(lineStart, close.startIndex).trim() === "" && lineStart > last.endIndex;
  let end = arg.endIndex;
  if (trailing && aloneOnLine) {
    // `    ],` on its own line: the trailing comma inside becomes the separator
    if (text[end] === ",") end++;
    const nl = text.indexOf("\n", end);
    if (nl >= 0 && text.slice(end, nl).trim() === "") end = nl + 1;
    edits.replaceRange(lineStart, end, "");
    return;
  }
  if (trailing) edits.replaceRange(trailing.startIndex, trailing.endIndex, "");
  edits.replaceRange(close.startIndex, arg.endIndex, "");
}

function valueOf(node: SyntaxNode): SyntaxNode {
  return node.type === "keyword_argument" ? keywordValue(node) : node;
}

/** Items of a list or tuple literal without `*` items, else null. */
function listItems(node: SyntaxNode): SyntaxNode[] | null {
  const n = unparenthesize(node);
  if (n.type !== "list" && n.type !== "tuple") return null;
  const items = n.namedChildren.filter((c) => c.type !== "comment");
  return items.some((i) => i.type === "list_splat") ? null : items;
}

/** Names, attributes and constant subscripts: evaluating them twice (`len(k), *k`) is harmless. */
function isPure(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  if (n.type === "identifier") return true;
  if (n.type === "attribute") return isPure(n.childForFieldName("object")!);
  if (n.type === "subscript") {
    const index = n.childForFieldName("subscript");
    return isPure(n.childForFieldName("value")!) && !!index && ["string", "integer", "identifier"].includes(index.type);
  }
  return false;
}
