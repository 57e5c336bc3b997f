import { canonicalName } from "../../names.js";
import { countSyntaxErrors, parsePython, type SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { stringLiteralValue } from "../../syntax.js";
import { RENAMES, targetPath } from "./mapping.js";

export interface AnnotationString {
  readonly string: SyntaxNode;
  /** The string's content parsed as an expression (its own tree: offsets are relative to `base`). */
  readonly expression: SyntaxNode;
  readonly base: number;
}

/** Forward references (`x: "aioredis.Redis"`, `Optional["aioredis.Redis"]`, `cast("aioredis.Redis", r)`), parsed. */
export function annotationStrings(ctx: RuleContext): AnnotationString[] {
  const found: AnnotationString[] = [];
  for (const string of ctx.tree.rootNode.descendantsOfType("string")) {
    const value = stringLiteralValue(string);
    const content = string.namedChildren.find((c) => c.type === "string_content");
    if (value === null || !content || !/^[A-Za-z_]/.test(value) || !inAnnotation(string)) continue;
    const tree = parsePython(value);
    const statement = tree.rootNode.namedChild(0);
    if (countSyntaxErrors(tree) > 0 || tree.rootNode.namedChildCount !== 1 || statement?.type !== "expression_statement") continue;
    found.push({ string, expression: statement, base: content.startIndex });
  }
  return found;
}

function inAnnotation(string: SyntaxNode): boolean {
  for (let child = string, p = string.parent; p; child = p, p = p.parent) {
    if (p.type === "type") return true;
    if (p.type === "subscript" && p.childForFieldName("value")?.id !== child.id && isTypingName(p.childForFieldName("value"))) return true;
    if (p.type === "argument_list" && p.parent?.type === "call") return isTypeArgument(child, p, p.parent);
    if (p.type === "block" || p.type === "module" || p.type.endsWith("statement")) return false;
  }
  return false;
}

/** `Optional`, `typing.List`, `Type`: generic names are capitalised. */
function isTypingName(node: SyntaxNode | null): boolean {
  const last = node?.text.split(".").pop() ?? "";
  return /^[A-Z]/.test(last);
}

/** `cast("T", x)` (first argument) and `TypeVar("T", bound="…")`. */
function isTypeArgument(arg: SyntaxNode, args: SyntaxNode, call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function")?.text.split(".").pop();
  if (callee === "cast") return args.namedChildren[0]?.id === arg.id;
  if (callee === "TypeVar") return arg.type === "keyword_argument" ? arg.childForFieldName("name")?.text === "bound" : args.namedChildren[0]?.id !== arg.id;
  return false;
}

const DOTTED_AIOREDIS = /^aioredis(\.[A-Za-z_]\w*)+$/;

/**
 * Strings that spell an aioredis path outside annotations (`mock.patch("aioredis.Redis.get")`, lazy imports): they
 * depend on where the name is looked up, so they are reported with the redis-py path rather than rewritten.
 */
export function pathStrings(ctx: RuleContext): void {
  for (const string of ctx.tree.rootNode.descendantsOfType("string")) {
    const value = stringLiteralValue(string);
    if (value === null || !DOTTED_AIOREDIS.test(value) || inAnnotation(string)) continue;
    const parts = value.split(".");
    for (let i = parts.length; i >= 2; i--) {
      const target = RENAMES.get(canonicalName(parts.slice(0, i).join(".")));
      if (!target) continue;
      const path = [targetPath(target), ...parts.slice(i)].join(".");
      ctx.manual({
        node: string,
        what: `This string names \`${value}\` (a patch target or a lazy import): point it at the redis-py name \`${path}\`.`,
        suggestion: string.text.replace(value, path),
      });
      break;
    }
  }
}
