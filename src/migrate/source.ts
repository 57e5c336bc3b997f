/** Line bookkeeping over a text, with offsets in UTF-16 code units (the unit tree-sitter's node binding uses). */
export class SourceText {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line containing `offset`. */
  lineIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Row and column (0-based, UTF-16 code units) of `offset`: a tree-sitter point. */
  pointAt(offset: number): { row: number; column: number } {
    const row = this.lineIndexAt(offset);
    return { row, column: offset - this.lineStarts[row]! };
  }

  /** 1-based line number of `offset`. */
  lineAt(offset: number): number {
    return this.lineIndexAt(offset) + 1;
  }

  lineStart(lineIndex: number): number {
    return this.lineStarts[Math.min(lineIndex, this.lineStarts.length - 1)]!;
  }

  /** End of the line's content (before `\r\n` or `\n`). */
  lineContentEnd(lineIndex: number): number {
    const next = lineIndex + 1 < this.lineStarts.length ? this.lineStarts[lineIndex + 1]! - 1 : this.text.length;
    return next > 0 && this.text.charCodeAt(next - 1) === 13 && next - 1 >= this.lineStart(lineIndex) ? next - 1 : next;
  }

  /** Offset just after the line's terminator (start of the next line, or end of text). */
  lineEndWithTerminator(lineIndex: number): number {
    return lineIndex + 1 < this.lineStarts.length ? this.lineStarts[lineIndex + 1]! : this.text.length;
  }

  lineText(lineIndex: number): string {
    return this.text.slice(this.lineStart(lineIndex), this.lineContentEnd(lineIndex));
  }

  /** The leading whitespace of the line holding `offset`. */
  indentAt(offset: number): string {
    const line = this.lineText(this.lineIndexAt(offset));
    return /^[ \t]*/.exec(line)![0];
  }

  /** The text's newline convention: CRLF when the first line break is `\r\n`. */
  get newline(): string {
    const i = this.text.indexOf("\n");
    return i > 0 && this.text.charCodeAt(i - 1) === 13 ? "\r\n" : "\n";
  }

  /** Whole lines covering [start, end), without the final terminator. */
  linesCovering(start: number, end: number): string {
    const first = this.lineIndexAt(start);
    const last = this.lineIndexAt(Math.max(start, end - 1));
    return this.text.slice(this.lineStart(first), this.lineContentEnd(last)).replace(/\r\n/g, "\n");
  }
}
