import { removalKeepingComments, wholeLines } from "../../command-calls/arguments.js";
import type { TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import type { SourceText } from "../../source.js";

/**
 * In-place edits of a call's argument list, so the user's layout (one argument per line, trailing commas, comments)
 * survives: arguments are replaced, keyword names renamed, arguments removed with their separator (a whole line when
 * the argument had the line to itself, keeping any comment there), and new keywords appended in the list's own style.
 */
export class ArgListEditor {
  private readonly items: SyntaxNode[];
  private readonly replaced = new Map<number, string>();
  private readonly renamed = new Map<number, string>();
  private readonly removed = new Set<number>();
  private readonly appended: string[] = [];

  constructor(
    private readonly source: SourceText,
    private readonly args: SyntaxNode,
  ) {
    this.items = args.namedChildren.filter((c) => c.type !== "comment");
  }

  replace(item: SyntaxNode, text: string): void {
    this.replaced.set(item.id, text);
  }

  /** Renames the keyword of a `name=value` argument. */
  rename(keyword: SyntaxNode, name: string): void {
    this.renamed.set(keyword.id, name);
  }

  remove(item: SyntaxNode): void {
    this.removed.add(item.id);
  }

  append(text: string): void {
    this.appended.push(text);
  }

  edits(): TextEdit[] {
    const edits: TextEdit[] = [];
    for (const item of this.items) {
      if (this.removed.has(item.id)) continue;
      const text = this.replaced.get(item.id);
      if (text !== undefined) edits.push({ start: item.startIndex, end: item.endIndex, text });
      const name = this.renamed.get(item.id);
      const nameNode = item.childForFieldName("name");
      if (text === undefined && name !== undefined && nameNode)
        edits.push({ start: nameNode.startIndex, end: nameNode.endIndex, text: name });
    }
    const removals = this.removalEdits();
    edits.push(...removals);
    edits.push(...this.appendEdits(removals));
    return edits;
  }

  private removalEdits(): TextEdit[] {
    const edits: TextEdit[] = [];
    const n = this.items.length;
    for (let a = 0; a < n; a++) {
      if (!this.removed.has(this.items[a]!.id)) continue;
      let b = a;
      while (b + 1 < n && this.removed.has(this.items[b + 1]!.id)) b++;
      const range = this.runRange(a, b);
      // a comment beside or between the removed arguments stays (on what remains of its line, or on its own line)
      edits.push(removalKeepingComments(this.source.text, this.args, range.start, range.end));
      a = b;
    }
    return edits;
  }

  /** What removing items `a`…`b` deletes: their whole lines, or the text up to the next (else previous) item or `)`. */
  private runRange(a: number, b: number): { start: number; end: number } {
    const first = this.items[a]!;
    const last = this.items[b]!;
    const lines = wholeLines(this.source.text, first, last, this.args);
    if (lines) return lines;
    if (b + 1 < this.items.length) return { start: first.startIndex, end: this.items[b + 1]!.startIndex };
    if (a > 0) return { start: this.items[a - 1]!.endIndex, end: last.endIndex };
    return { start: first.startIndex, end: this.closeParen().startIndex };
  }

  private closeParen(): SyntaxNode {
    return this.args.child(this.args.childCount - 1)!;
  }

  /** The comma token right after `item`, if any. */
  private commaAfter(item: SyntaxNode): SyntaxNode | null {
    let s = item.nextSibling;
    while (s && s.type === "comment") s = s.nextSibling;
    return s && s.type === "," ? s : null;
  }

  private appendEdits(removals: readonly TextEdit[]): TextEdit[] {
    if (this.appended.length === 0) return [];
    const kept = this.items.filter((i) => !this.removed.has(i.id));
    const lastKept = kept[kept.length - 1];
    const src = this.source;
    const close = this.closeParen();
    if (!lastKept) return [{ start: close.startIndex, end: close.startIndex, text: this.appended.join(", ") }];
    const closeLine = src.lineIndexAt(close.startIndex);
    const closeOnOwnLine = src.text.slice(src.lineStart(closeLine), close.startIndex).trim() === "";
    if (!closeOnOwnLine) return [{ start: lastKept.endIndex, end: lastKept.endIndex, text: ", " + this.appended.join(", ") }];
    // One argument per line: add lines above `)`, in the indentation and trailing-comma style of the list.
    const lastItem = this.items[this.items.length - 1]!;
    const trailingComma = this.commaAfter(lastItem) !== null;
    const comma = this.commaAfter(lastKept);
    const commaSurvives = comma !== null && !removals.some((r) => r.start <= comma.startIndex && comma.endIndex <= r.end);
    const indent = src.indentAt(lastKept.startIndex);
    const nl = src.newline;
    const edits: TextEdit[] = [];
    if (!commaSurvives) edits.push({ start: lastKept.endIndex, end: lastKept.endIndex, text: "," });
    const lines = this.appended.map((t, i) => indent + t + (i < this.appended.length - 1 || trailingComma ? "," : "") + nl);
    edits.push({ start: src.lineStart(closeLine), end: src.lineStart(closeLine), text: lines.join("") });
    return edits;
  }
}
