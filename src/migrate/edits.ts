/** A replacement of [start, end) of a text (UTF-16 offsets) by `text`. Insertions have start === end. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * Runs of the replaced text that `text` carries over unchanged, as [offset in the replaced range, offset in
   * `text`, length]: an offset inside such a run maps to its copy (a re-indented block keeps each line's position),
   * not to the edge of the replacement.
   */
  readonly kept?: readonly KeptRun[];
}

export type KeptRun = readonly [oldOffset: number, newOffset: number, length: number];

export function compareEdits(a: TextEdit, b: TextEdit): number {
  return a.start - b.start || a.end - b.end;
}

/** Two edits conflict when their ranges overlap, or when both insert at the same point. */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Applies sorted, non-conflicting edits in one sweep. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Which side of an edit an offset sticks to when the edit replaces or inserts text at that offset. */
export type Bias = "before" | "after";

/**
 * Maps offsets through one round of applied edits, both ways. An offset strictly inside a replaced range maps to
 * the start (bias "before") or the end (bias "after") of its replacement; likewise at an insertion point.
 */
export class OffsetMap {
  private readonly edits: readonly TextEdit[];

  constructor(edits: readonly TextEdit[]) {
    this.edits = [...edits].sort(compareEdits);
  }

  forward(offset: number, bias: Bias = "before"): number {
    let delta = 0;
    for (const e of this.edits) {
      const growth = e.text.length - (e.end - e.start);
      if (e.start === e.end) {
        if (e.start < offset || (e.start === offset && bias === "after")) {
          delta += growth;
          continue;
        }
        break;
      }
      if (e.end <= offset) {
        delta += growth;
        continue;
      }
      if (e.start >= offset) break;
      const run = e.kept?.find(([from, , length]) => from <= offset - e.start && offset - e.start < from + length);
      if (run) return e.start + delta + run[1] + (offset - e.start - run[0]);
      return e.start + delta + (bias === "after" ? e.text.length : 0);
    }
    return offset + delta;
  }

  back(offset: number, bias: Bias = "before"): number {
    let delta = 0;
    for (const e of this.edits) {
      const newStart = e.start + delta;
      const newEnd = newStart + e.text.length;
      if (offset < newStart) break;
      if (offset >= newEnd && !(offset === newStart && bias === "before")) {
        delta += e.text.length - (e.end - e.start);
        continue;
      }
      const run = e.kept?.find(([, to, length]) => to <= offset - newStart && offset - newStart < to + length);
      if (run) return e.start + run[0] + (offset - newStart - run[1]);
      return bias === "before" ? e.start : e.end;
    }
    return offset - delta;
  }
}

/** A chain of OffsetMaps, one per applied round, mapping between the first and the last text. */
export class OffsetChain {
  private readonly maps: OffsetMap[] = [];

  push(map: OffsetMap): void {
    this.maps.push(map);
  }

  /** From the text after round `fromRound` (0 = original) to the text after the last round. */
  toFinal(offset: number, fromRound: number, bias: Bias = "before"): number {
    let o = offset;
    for (let i = fromRound; i < this.maps.length; i++) o = this.maps[i]!.forward(o, bias);
    return o;
  }

  /** From the text after round `fromRound` back to the original text. */
  toOriginal(offset: number, fromRound: number, bias: Bias = "before"): number {
    let o = offset;
    for (let i = fromRound - 1; i >= 0; i--) o = this.maps[i]!.back(o, bias);
    return o;
  }

  get rounds(): number {
    return this.maps.length;
  }
}
