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
    return this.edits.length === 0 && this.removed.size === 0;
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

  /**
   * Removes one argument and its separating comma; arguments alone on their line(s) take the whole lines. Adjacent
   * removed arguments go as one run (so their edits cannot overlap), and comments in the removed text stay (see
   * `removalKeepingComments`).
   */
  remove(arg: SyntaxNode): this {
    if (argumentNodes(this.args).some((a) => a.id === arg.id)) this.removed.add(arg.id);
    return this;
  }

  /** The edits, sorted; throws when two of them overlap (a bug in the rule, caught by the fixtures). */
  build(): TextEdit[] {
    const sorted = [...this.edits, ...this.removalEdits()].sort(compareEdits);
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

  private removalEdits(): TextEdit[] {
    const all = argumentNodes(this.args);
    const edits: TextEdit[] = [];
    for (let a = 0; a < all.length; a++) {
      if (!this.removed.has(all[a]!.id)) continue;
      let b = a;
      while (b + 1 < all.length && this.removed.has(all[b + 1]!.id)) b++;
      const range = this.runRange(all[a]!, all[b]!, all[a - 1], all[b + 1]);
      edits.push(removalKeepingComments(this.text, this.args, range.start, range.end));
      a = b;
    }
    return edits;
  }

  /** What removing the adjacent arguments `first`…`last` deletes: their lines, or the text up to a neighbour. */
  private runRange(first: SyntaxNode, last: SyntaxNode, prev?: SyntaxNode, next?: SyntaxNode): { start: number; end: number } {
    const lines = wholeLines(this.text, first, last, this.args);
    if (lines) return lines;
    if (prev && !hasCommentBetween(this.args, prev, first)) return { start: prev.endIndex, end: last.endIndex };
    if (next) return { start: first.startIndex, end: next.startIndex };
    const comma = last.nextSibling?.type === "," ? last.nextSibling : null;
    return { start: first.startIndex, end: comma ? comma.endIndex : last.endIndex };
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

/** The whole lines of `first`…`last` when nothing else shares them (indentation before, only `,` and a comment after). */
export function wholeLines(text: string, first: SyntaxNode, last: SyntaxNode, args: SyntaxNode): { start: number; end: number } | null {
  const lineStart = text.lastIndexOf("\n", first.startIndex - 1) + 1;
  if (lineStart <= args.startIndex || text.slice(lineStart, first.startIndex).trim() !== "") return null;
  const nl = text.indexOf("\n", last.endIndex);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  const rest = text.slice(last.endIndex, nl < 0 ? text.length : nl).replace(/\r$/, "");
  if (!/^\s*,?\s*(#.*)?$/.test(rest)) return null;
  if (lineEnd > args.endIndex) return null;
  return { start: lineStart, end: lineEnd };
}

/**
 * The edit that deletes `[start, end)` of an argument list without losing a comment in it: a comment keeps its place
 * at the end of what remains of its line, or, where its whole line goes, stays as a line of its own at that line's
 * indentation. Without comments this is a plain deletion.
 */
export function removalKeepingComments(text: string, args: SyntaxNode, start: number, end: number): TextEdit {
  const comments = args.descendantsOfType("comment").filter((c) => c.startIndex >= start && c.endIndex <= end);
  if (comments.length === 0) return { start, end, text: "" };
  const startLine = text.lastIndexOf("\n", start - 1) + 1;
  const midLine = text.slice(startLine, start).trim() !== "";
  let out = "";
  let pos = start;
  for (let nl = text.indexOf("\n", pos); nl >= 0 && nl < end; nl = text.indexOf("\n", pos)) {
    const terminator = text[nl - 1] === "\r" ? "\r\n" : "\n";
    const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
    const comment = comments.find((c) => c.startIndex >= pos && c.startIndex < nl);
    const commentText = comment ? text.slice(comment.startIndex, nl).replace(/\r$/, "") : "";
    if (comment && pos === start && midLine) out += spaceBefore(text, comment.startIndex) + commentText + terminator;
    else if (comment) out += leadingSpace(text.slice(lineStart)) + commentText + terminator;
    else if (pos === start && midLine) out += terminator; // the line the removal starts on keeps its end
    pos = nl + 1;
  }
  // What follows the removal (the next argument, `)`) keeps its indentation.
  out += leadingSpace(text.slice(pos, end));
  // Mid-line, the line now ends at the comment or newline: drop the spaces left before it. Otherwise every kept line
  // carries its own indentation, so the removal starts at the line start.
  let from = midLine ? start : startLine;
  if (midLine) while (text[from - 1] === " " || text[from - 1] === "\t") from--;
  return { start: from, end, text: out };
}

/** The spaces between a trailing comment and the code before it (two, as PEP 8 asks, when there were none). */
function spaceBefore(text: string, commentStart: number): string {
  let i = commentStart;
  while (i > 0 && (text[i - 1] === " " || text[i - 1] === "\t")) i--;
  return text.slice(i, commentStart) || "  ";
}

function leadingSpace(s: string): string {
  return /^[ \t]*/.exec(s)![0];
}
