/**
 * Line diffs as GitHub shows them: Myers' shortest edit script, grouped into unified hunks with 3 lines of context.
 * The simulated GitHub uses the hunks to check that a review comment sits on a line of the pull request's diff
 * (GitHub answers 422 otherwise); the demo prints them.
 */

export type Op = { readonly kind: "equal" | "delete" | "insert"; readonly line: string; readonly oldNo: number; readonly newNo: number };

export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** Each line prefixed with " ", "-" or "+". */
  readonly lines: readonly string[];
}

/** Splits text into lines without their line ends (a final newline adds no empty line). */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The edit script from `a` to `b` (line numbers 1-based; 0 where the line has no side). */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const A = a.slice(prefix, a.length - suffix);
  const B = b.slice(prefix, b.length - suffix);
  const middle = myers(A, B);
  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: "equal", line: a[i]!, oldNo: i + 1, newNo: i + 1 });
  for (const m of middle) {
    ops.push({
      kind: m.kind,
      line: m.kind === "insert" ? B[m.j]! : A[m.i]!,
      oldNo: m.kind === "insert" ? 0 : prefix + m.i + 1,
      newNo: m.kind === "delete" ? 0 : prefix + m.j + 1,
    });
  }
  for (let k = suffix; k > 0; k--) ops.push({ kind: "equal", line: a[a.length - k]!, oldNo: a.length - k + 1, newNo: b.length - k + 1 });
  return ops;
}

function myers(a: readonly string[], b: readonly string[]): { kind: Op["kind"]; i: number; j: number }[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // walk back from (n, m)
  const out: { kind: Op["kind"]; i: number; j: number }[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && x > 0 && y > 0 && a[x - 1] === b[y - 1]) {
      out.push({ kind: "equal", i: x - 1, j: y - 1 });
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === prevX) out.push({ kind: "insert", i: x, j: y - 1 });
    else out.push({ kind: "delete", i: x - 1, j: y });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    out.push({ kind: "equal", i: x - 1, j: y - 1 });
    x--;
    y--;
  }
  return out.reverse();
}

/** Unified hunks of the change from `oldText` to `newText`. */
export function hunks(oldText: string, newText: string, context = 3): Hunk[] {
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const changed = ops.map((o, i) => (o.kind === "equal" ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return [];
  const groups: [number, number][] = [];
  for (const i of changed) {
    const last = groups[groups.length - 1];
    if (last && i - last[1] <= 2 * context + 1) last[1] = i;
    else groups.push([i, i]);
  }
  return groups.map(([first, last]) => {
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, last + context);
    const slice = ops.slice(from, to + 1);
    const oldLines = slice.filter((o) => o.kind !== "insert").length;
    const newLines = slice.filter((o) => o.kind !== "delete").length;
    // the line before the hunk on each side, for hunks that hold no line of that side (GNU diff's convention)
    const before = ops.slice(0, from);
    const oldBefore = before.filter((o) => o.kind !== "insert").length;
    const newBefore = before.filter((o) => o.kind !== "delete").length;
    return {
      oldStart: oldLines === 0 ? oldBefore : oldBefore + 1,
      oldLines,
      newStart: newLines === 0 ? newBefore : newBefore + 1,
      newLines,
      lines: slice.map((o) => `${o.kind === "equal" ? " " : o.kind === "delete" ? "-" : "+"}${o.line}`),
    };
  });
}

/** `git diff`-style text of one file (null: the file does not exist on that side). */
export function unifiedDiff(path: string, oldText: string | null, newText: string | null): string {
  const out = [`--- ${oldText === null ? "/dev/null" : `a/${path}`}`, `+++ ${newText === null ? "/dev/null" : `b/${path}`}`];
  for (const h of hunks(oldText ?? "", newText ?? "")) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines);
  }
  return out.join("\n");
}

/** GitHub's `patch` field of a file in a compare or PR files listing: the hunks only. */
export function patchText(oldText: string, newText: string): string {
  return hunks(oldText, newText)
    .map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join("\n"))
    .join("\n");
}

/** Lines of each side that a review comment may target: those inside a hunk (changed or context). */
export function commentableLines(oldText: string, newText: string): { left: Set<number>; right: Set<number>; hunkOf: (side: "LEFT" | "RIGHT", line: number) => number } {
  const left = new Set<number>();
  const right = new Set<number>();
  const leftHunk = new Map<number, number>();
  const rightHunk = new Map<number, number>();
  hunks(oldText, newText).forEach((h, index) => {
    let o = h.oldStart;
    let n = h.newStart;
    for (const l of h.lines) {
      if (l[0] !== "+") {
        left.add(o);
        leftHunk.set(o++, index);
      }
      if (l[0] !== "-") {
        right.add(n);
        rightHunk.set(n++, index);
      }
    }
  });
  return { left, right, hunkOf: (side, line) => (side === "LEFT" ? leftHunk : rightHunk).get(line) ?? -1 };
}
