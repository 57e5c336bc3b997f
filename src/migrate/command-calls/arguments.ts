import { applyEdits, compareEdits, editsConflict, type TextEdit } from "../edits.js";
import type { SyntaxNode } from "../parser.js";

/**
 * Small, in-place edits of one call's argument list: rename a keyword, insert or remove an argument, replace one
 * argument's text. Everything the edits do not touch (comments, layout, quotes) stays byte-identical.
 */
export class ArgumentEdits {
  private readonly edits: TextEdit[] = [];
  private readonly removed = new Set<number>();

  constructor(private readonly args: SyntaxNode, private readonly text: string) {}

  get isEmpty(): boolean {
    return this.edits.length === 0;
  }

  /** `changed=True` → `ch=True`. */
  renameKeyword(kw: SyntaxNode, name: string): this {
    const n = kw.childForFieldName("name")!;
    if (n.text !== name) this.push({ start: n.startIndex, end: n.endIndex, text: name });
    return this;
  }

  replace(node: SyntaxNode, text: string): this {
    if (node.text !== text) this.push({ start: node.startIndex, end: node.endIndex, text });
    return this;
  }

  /** Replaces the text between two offsets (e.g. from the first to the last of several arguments). */
  replaceRange(start: number, end: number, text: string): this {
    return this.push({ start, end, text });
  }

  /** Inserts `text` at an offset (merged with other insertions at the same offset, in call order). */
  insertAt(offset: number, text: string): this {
    const same = this.edits.find((e) => e.start === offset && e.end === offset);
    if (same) {
      this.edits.splice(this.edits.indexOf(same), 1, { ...same, text: same.text + text });
      return this;
    }
    return this.push({ start: offset, end: offset, text });
  }

  /** `f(a)` → `f(a, text)`. */
  insertAfter(node: SyntaxNode, text: string): this {
    return this.insertAt(node.endIndex, `, ${text}`);
  }

  /** `f(a)` → `f(text, a)`. */
  insertBefore(node: SyntaxNode, text: string): this {
    return this.insertAt(node.startIndex, `${text}, `);
  }

  /** Adds `text` as the last argument (before a trailing comma, or inside empty parentheses). */
  append(text: string): this {
    const all = argumentNodes(this.args).filter((a) => !this.removed.has(a.id));
    const last = all[all.length - 1];
    return last ? this.insertAfter(last, text) : this.insertAt(this.args.startIndex + 1, text);
  }

  /** Removes one argument and its separating comma; an argument alone on its line takes the whole line. */
  remove(arg: SyntaxNode): this {
    const all = argumentNodes(this.args);
    const i = all.findIndex((a) => a.id === arg.id);
    if (i < 0) return this;
    this.removed.add(arg.id);
    const line = wholeLine(this.text, arg, this.args);
    if (line) return this.push(line);
    const prev = all[i - 1];
    const next = all[i + 1];
    if (prev && !hasCommentBetween(this.args, prev, arg)) return this.push({ start: prev.endIndex, end: arg.endIndex, text: "" });
    if (next) return this.push({ start: arg.startIndex, end: next.startIndex, text: "" });
    const comma = arg.nextSibling?.type === "," ? arg.nextSibling : null;
    return this.push({ start: arg.startIndex, end: comma ? comma.endIndex : arg.endIndex, text: "" });
  }

  /** The edits, sorted; throws when two of them overlap (a bug in the rule, caught by the fixtures). */
  build(): TextEdit[] {
    const sorted = [...this.edits].sort(compareEdits);
    for (let i = 1; i < sorted.length; i++)
      if (editsConflict(sorted[i - 1]!, sorted[i]!)) throw new Error(`overlapping argument edits in ${this.args.text}`);
    return sorted;
  }

  /** The text of `node` (the call) as these edits would leave it: the suggestion when the rewrite is not certain. */
  preview(node: SyntaxNode): string {
    const inside = this.build().filter((e) => e.start >= node.startIndex && e.end <= node.endIndex);
    const shifted = inside.map((e) => ({ ...e, start: e.start - node.startIndex, end: e.end - node.startIndex }));
    return applyEdits(node.text, shifted);
  }

  private push(edit: TextEdit): this {
    this.edits.push(edit);
    return this;
  }
}

/** Arguments of an argument list in order (positional, keyword and splats), without comments and commas. */
export function argumentNodes(args: SyntaxNode): SyntaxNode[] {
  return args.namedChildren.filter((c) => c.type !== "comment");
}

function hasCommentBetween(args: SyntaxNode, a: SyntaxNode, b: SyntaxNode): boolean {
  return args.namedChildren.some((c) => c.type === "comment" && c.startIndex >= a.endIndex && c.endIndex <= b.startIndex);
}

/** The whole line(s) of an argument that sits alone on them (indentation before, only `,` and a comment after). */
function wholeLine(text: string, arg: SyntaxNode, args: SyntaxNode): TextEdit | null {
  const lineStart = text.lastIndexOf("\n", arg.startIndex - 1) + 1;
  if (lineStart <= args.startIndex || text.slice(lineStart, arg.startIndex).trim() !== "") return null;
  const nl = text.indexOf("\n", arg.endIndex);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  const rest = text.slice(arg.endIndex, nl < 0 ? text.length : nl).replace(/\r$/, "");
  if (!/^\s*,?\s*(#.*)?$/.test(rest)) return null;
  if (lineEnd > args.endIndex) return null;
  return { start: lineStart, end: lineEnd, text: "" };
}
