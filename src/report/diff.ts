/**
 * Unified diffs of two texts, line by line. Lines keep their terminators, so a CRLF file shows its `\r` and a
 * missing final newline gets the usual `\ No newline at end of file` marker: the output applies with `git apply`.
 */

export interface DiffOptions {
  /** Path shown after `a/` and `b/` in the headers. */
  readonly path: string;
  /** Unchanged lines shown around each change (default 3). */
  readonly context?: number;
}

/** Splits after each `\n`, keeping it; a last line without terminator is kept as is. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The unified diff from `before` to `after`; the empty string when they are equal. */
export function unifiedDiff(before: string, after: string, options: DiffOptions): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const { deleted, inserted } = diffLines(a, b);
  const ops = editScript(a, b, deleted, inserted);
  const hunks = groupHunks(ops, options.context ?? 3);
  let out = `--- a/${options.path}\n+++ b/${options.path}\n`;
  for (const h of hunks) out += renderHunk(h);
  return out;
}

type OpKind = " " | "-" | "+";

interface Op {
  readonly kind: OpKind;
  readonly line: string;
  /** Lines of `a` and `b` consumed before this op. */
  readonly aIndex: number;
  readonly bIndex: number;
}

function editScript(a: string[], b: string[], deleted: Uint8Array, inserted: Uint8Array): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && deleted[i]) ops.push({ kind: "-", line: a[i]!, aIndex: i++, bIndex: j });
    else if (j < b.length && inserted[j]) ops.push({ kind: "+", line: b[j]!, aIndex: i, bIndex: j++ });
    else ops.push({ kind: " ", line: a[i]!, aIndex: i++, bIndex: j++ });
  }
  return ops;
}

/** Runs of ops around the changes: changes closer than 2 × context share a hunk. */
function groupHunks(ops: readonly Op[], context: number): Op[][] {
  const hunks: Op[][] = [];
  let start = -1;
  let end = -1;
  for (let k = 0; k < ops.length; k++) {
    if (ops[k]!.kind === " ") continue;
    const from = Math.max(0, k - context);
    if (start !== -1 && from > end) {
      hunks.push(ops.slice(start, end));
      start = -1;
    }
    if (start === -1) start = from;
    end = Math.min(ops.length, k + context + 1);
  }
  if (start !== -1) hunks.push(ops.slice(start, end));
  return hunks;
}

function renderHunk(hunk: readonly Op[]): string {
  const first = hunk[0]!;
  const aCount = hunk.filter((o) => o.kind !== "+").length;
  const bCount = hunk.filter((o) => o.kind !== "-").length;
  // An empty range is numbered by the line before it (GNU diff, git).
  const range = (start: number, count: number): string =>
    count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
  let out = `@@ -${range(first.aIndex, aCount)} +${range(first.bIndex, bCount)} @@\n`;
  for (const op of hunk) {
    out += op.kind + op.line;
    if (!op.line.endsWith("\n")) out += "\n\\ No newline at end of file\n";
  }
  return out;
}

/**
 * Which lines of `a` are deleted and which of `b` inserted, by Myers' O(ND) algorithm in linear space
 * (divide and conquer on the middle snake, as GNU diff does), after mapping lines to integers.
 */
export function diffLines(a: readonly string[], b: readonly string[]): { deleted: Uint8Array; inserted: Uint8Array } {
  const ids = new Map<string, number>();
  const idOf = (line: string): number => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a, idOf);
  const y = Int32Array.from(b, idOf);
  const deleted = new Uint8Array(x.length);
  const inserted = new Uint8Array(y.length);
  const offset = y.length + 1;
  const size = x.length + y.length + 3;
  const fd = new Int32Array(size);
  const bd = new Int32Array(size);

  const compare = (xoff: number, xlim: number, yoff: number, ylim: number): void => {
    while (xoff < xlim && yoff < ylim && x[xoff] === y[yoff]) {
      xoff++;
      yoff++;
    }
    while (xlim > xoff && ylim > yoff && x[xlim - 1] === y[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) {
      for (let j = yoff; j < ylim; j++) inserted[j] = 1;
    } else if (yoff === ylim) {
      for (let i = xoff; i < xlim; i++) deleted[i] = 1;
    } else {
      const [xmid, ymid] = middleSnake(xoff, xlim, yoff, ylim);
      compare(xoff, xmid, yoff, ymid);
      compare(xmid, xlim, ymid, ylim);
    }
  };

  /** A point on an optimal path halfway through, found by searching from both ends at once. */
  const middleSnake = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    const odd = ((fmid - bmid) & 1) !== 0;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    fd[fmid + offset] = xoff;
    bd[bmid + offset] = xlim;
    for (;;) {
      if (fmin > dmin) fd[--fmin - 1 + offset] = -1;
      else fmin++;
      if (fmax < dmax) fd[++fmax + 1 + offset] = -1;
      else fmax--;
      for (let d = fmax; d >= fmin; d -= 2) {
        const lo = fd[d - 1 + offset]!;
        const hi = fd[d + 1 + offset]!;
        let px = lo < hi ? hi : lo + 1;
        let py = px - d;
        while (px < xlim && py < ylim && x[px] === y[py]) {
          px++;
          py++;
        }
        fd[d + offset] = px;
        if (odd && bmin <= d && d <= bmax && bd[d + offset]! <= px) return [px, py];
      }
      if (bmin > dmin) bd[--bmin - 1 + offset] = 0x7fffffff;
      else bmin++;
      if (bmax < dmax) bd[++bmax + 1 + offset] = 0x7fffffff;
      else bmax--;
      for (let d = bmax; d >= bmin; d -= 2) {
        const lo = bd[d - 1 + offset]!;
        const hi = bd[d + 1 + offset]!;
        let px = lo < hi ? lo : hi - 1;
        let py = px - d;
        while (px > xoff && py > yoff && x[px - 1] === y[py - 1]) {
          px--;
          py--;
        }
        bd[d + offset] = px;
        if (!odd && fmin <= d && d <= fmax && px <= fd[d + offset]!) return [px, py];
      }
    }
  };

  compare(0, x.length, 0, y.length);
  return { deleted, inserted };
}
