import { applyEdits, compareEdits, editsConflict, OffsetMap, type TextEdit } from "../edits.js";
import type { Change, ManualStep, RedisTarget } from "../findings.js";
import { SourceText } from "../source.js";
import { MANIFEST_RULE_ID, type ManifestContext, type ManifestKind, type ManifestMigration } from "./types.js";
import { targetFacts, type TargetFacts } from "./target.js";

interface PendingChange {
  readonly edits: readonly TextEdit[];
  readonly why: string;
}

interface PendingStep {
  readonly offset: number;
  readonly what: string;
  readonly suggestion: string;
  readonly replacesLines: number;
}

/**
 * One manifest being migrated: the text, the target, and the changes and manual steps the format's code reports.
 * `finish()` applies every change at once and locates each finding in the original and the migrated text.
 */
export class ManifestDocument {
  readonly source: SourceText;
  readonly target: TargetFacts;
  private readonly changes: PendingChange[] = [];
  private readonly steps: PendingStep[] = [];
  /** Set when the manifest declares aioredis itself as a dependency (not just a stub or a mention). */
  usesAioredis = false;
  /** The file is generated (pip-compile output): regenerating it settles the pins aioredis pulled in. */
  generated = false;

  constructor(
    readonly file: string,
    readonly text: string,
    target: RedisTarget,
    readonly context: ManifestContext = {},
  ) {
    this.source = new SourceText(text);
    this.target = targetFacts(target);
  }

  /** The file's base name (`requirements/dev.txt` → `dev.txt`). */
  get basename(): string {
    return this.file.slice(this.file.lastIndexOf("/") + 1);
  }

  change(edits: readonly TextEdit[], why: string): void {
    if (edits.length === 0) return;
    this.changes.push({ edits: [...edits].sort(compareEdits), why });
  }

  /**
   * A manual step anchored at `offset`. `suggestion` replaces `replacesLines` lines from the anchor's line when
   * that number is positive (a GitHub suggestion block), otherwise it is advice (a command, a snippet).
   */
  manual(offset: number, what: string, suggestion = "", replacesLines = 0): void {
    this.steps.push({ offset, what, suggestion, replacesLines });
  }

  /** The text of [start, end) without the quotes of a string literal: `redis<4`, `hiredis = "^2.0"`. */
  written(start: number, end: number): string {
    return this.text.slice(start, end).replace(/^(["'])(.*)\1$/, "$2").trim();
  }

  /**
   * The whole lines covering [start, end) as they read after the migration, with `edits` (all inside them) applied
   * too: a drop-in suggestion for the migrated file. Changes already made on those lines are kept, unless they
   * reach beyond the lines or overlap `edits`.
   */
  linesWith(start: number, end: number, edits: readonly TextEdit[]): { text: string; lines: number } {
    const first = this.source.lineIndexAt(start);
    const last = this.source.lineIndexAt(Math.max(start, end - 1));
    const from = this.source.lineStart(first);
    const to = this.source.lineContentEnd(last);
    const all = [...edits];
    for (const c of this.changes) {
      if (c.edits.every((e) => e.start >= from && e.end <= to) && !c.edits.some((m) => all.some((e) => editsConflict(m, e)))) {
        all.push(...c.edits);
      }
    }
    const local = all
      .sort(compareEdits)
      .map((e) => ({ start: e.start - from, end: e.end - from, text: e.text }));
    return { text: applyEdits(this.text.slice(from, to), local).replace(/\r\n/g, "\n"), lines: last - first + 1 };
  }

  /** [start, end) is whole lines (or, at the end of a file, the last lines and the newline before them). */
  private deletesWholeLines(start: number, end: number): boolean {
    const t = this.text;
    const atLineStart = (o: number): boolean => o === 0 || t[o - 1] === "\n";
    if (end === t.length && (t[start] === "\n" || t[start] === "\r")) return true;
    return atLineStart(start) && (atLineStart(end) || end === t.length) && end > start;
  }

  finish(kind: ManifestKind): ManifestMigration {
    // A change whose edits overlap an earlier one is a bug in a format's code; never apply half of it.
    const accepted: PendingChange[] = [];
    const all: TextEdit[] = [];
    for (const c of this.changes) {
      if (c.edits.some((e) => all.some((a) => editsConflict(a, e)))) {
        const at = c.edits[0]!;
        this.manual(at.start, `Could not apply this change automatically, apply it by hand: ${c.why}`, "");
        continue;
      }
      accepted.push(c);
      all.push(...c.edits);
    }
    all.sort(compareEdits);
    const output = applyEdits(this.text, all);
    const map = new OffsetMap(all);
    const final = new SourceText(output);
    const lastLine = (t: SourceText): number =>
      t.text.endsWith("\n") && t.lineCount > 1 ? t.lineCount - 1 : t.lineCount;
    const clampFinal = (line: number): number => Math.max(1, Math.min(line, lastLine(final)));

    const changes: Change[] = accepted.map((c) => {
      const oEnd = Math.max(...c.edits.map((e) => e.end));
      let oStart = c.edits[0]!.start;
      // removing the last line of a file without a final newline takes the newline before it: report the line
      if (oEnd === this.text.length && c.edits[0]!.text === "") {
        while (oStart < oEnd && (this.text[oStart] === "\r" || this.text[oStart] === "\n")) oStart++;
      }
      const fStart = map.forward(oStart, "before");
      const fEnd = map.forward(oEnd, "after");
      return {
        ruleId: MANIFEST_RULE_ID,
        file: this.file,
        originalLine: this.source.lineAt(oStart),
        originalEndLine: this.source.lineAt(Math.max(oStart, oEnd - 1)),
        line: clampFinal(final.lineAt(fStart)),
        endLine: clampFinal(final.lineAt(Math.max(fStart, fEnd - 1))),
        before: this.source.linesCovering(oStart, oEnd),
        after: fEnd === fStart && this.deletesWholeLines(oStart, oEnd) ? "" : final.linesCovering(fStart, fEnd),
        why: c.why,
      };
    });
    const manualSteps: ManualStep[] = this.steps.map((s) => ({
      ruleId: MANIFEST_RULE_ID,
      file: this.file,
      originalLine: this.source.lineAt(s.offset),
      line: clampFinal(final.lineAt(map.forward(s.offset, "after"))),
      what: s.what,
      suggestion: s.suggestion,
      suggestionReplacesLines: s.replacesLines,
    }));
    changes.sort((a, b) => a.line - b.line || a.originalLine - b.originalLine);
    manualSteps.sort((a, b) => a.line - b.line || a.originalLine - b.originalLine);
    return { file: this.file, input: this.text, output, changes, manualSteps, kind };
  }
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
