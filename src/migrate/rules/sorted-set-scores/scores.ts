import type { Use } from "../../command-calls/uses.js";
import { siteWith } from "../../command-calls/flags.js";
import { elementUses, patternSlots, usesOf, usesOfTargetName } from "../../command-calls/uses.js";

/** Callees whose output shows the difference between `5` and `5.0`, or that need an int. */
const INT_SENSITIVE_CALLS = new Set(["range", "isinstance", "type", "str", "repr", "print", "json.dumps", "chr", "hex", "bin"]);

/** A use of a score (int in aioredis when integral, always float in redis-py) that can tell the two apart. */
export function isIntSensitive(use: Use): boolean {
  if (use.kind === "as-index" || use.kind === "format") return true;
  return use.kind === "call-arg" && INT_SENSITIVE_CALLS.has(use.detail);
}

/** Suggested code for such a use: an index gets `int(x)`, text gets aioredis' own rule (`int` when integral). */
export function scoreSuggestion(use: Use): string {
  const v = use.node.text;
  if (use.kind === "as-index" || (use.kind === "call-arg" && use.detail === "range")) return siteWith(use, `int(${v})`);
  if (use.kind === "call-arg" && (use.detail === "isinstance" || use.detail === "type")) return use.site.text.replace(/\bint\b/, "float");
  return siteWith(use, oldNumber(use));
}

/** aioredis' own conversion (`int` when integral), evaluating a command call only once. */
function oldNumber(use: Use): string {
  const v = use.node.text;
  if (["identifier", "attribute", "subscript"].includes(use.node.type)) return `(int(${v}) if ${v}.is_integer() else ${v})`;
  return `(int(_score) if (_score := ${v}).is_integer() else _score)`;
}

/** A use that shows a score, and what holds it there: the score itself, one (member, score) pair, or the list. */
export interface ScoreUse {
  readonly use: Use;
  readonly holds: "score" | "pair" | "pairs";
}

const SHOWS = ["print", "str", "repr", "json.dumps"];

const shows = (u: Use): boolean => u.kind === "format" || (u.kind === "call-arg" && SHOWS.includes(u.detail));

/**
 * Uses of the scores inside a list of `(member, score)` pairs (a `withscores=True` result, a `zscan` page): the
 * second name of `for member, score in pairs`, `pair[1]` of `for pair in pairs` or of
 * `pairs[0]`, and whole pairs or lists that are printed or formatted.
 */
export function scoreUsesInPairs(listUses: readonly Use[]): ScoreUse[] {
  const out: ScoreUse[] = [];
  for (const u of listUses) {
    if (shows(u)) out.push({ use: u, holds: "pairs" });
    if (u.kind === "index" && /^-?\d+$/.test(u.detail)) out.push(...scoreUsesInPair(usesOf(u.site)));
    if (u.kind === "unpack" && u.target) {
      for (const id of patternSlots(u.target)) if (id) out.push(...scoreUsesInPair(usesOfTargetName(id, u.site)));
    }
    if (u.kind !== "iterate" || !u.target) continue;
    const slots = patternSlots(u.target);
    if (slots.length === 2 && slots[1]) {
      for (const s of usesOfTargetName(slots[1], u.site)) if (isIntSensitive(s)) out.push({ use: s, holds: "score" });
    }
    if (slots.length === 1 && slots[0]) out.push(...scoreUsesInPair(usesOfTargetName(slots[0], u.site)));
  }
  return out;
}

/** Uses of one `(member, score)` pair: `pair[1]` read where the int/float difference shows, or the pair printed. */
function scoreUsesInPair(pairUses: readonly Use[]): ScoreUse[] {
  const out: ScoreUse[] = [];
  for (const e of pairUses) {
    if (e.kind === "index" && e.detail === "1") {
      for (const s of elementUses([e])) if (isIntSensitive(s)) out.push({ use: s, holds: "score" });
    } else if (shows(e)) out.push({ use: e, holds: "pair" });
  }
  return out;
}

/** The pages of a `zscan` reply (`cursor, pairs = …`, `reply[1]`): lists of pairs. */
export function zscanPages(replyUses: readonly Use[]): Use[] {
  const out: Use[] = [];
  for (const u of replyUses) {
    if (u.kind === "index" && u.detail === "1") out.push(...usesOf(u.site));
    const page = u.kind === "unpack" && u.target ? patternSlots(u.target)[1] : null;
    if (page) out.push(...usesOfTargetName(page, u.site));
  }
  return out;
}

/** Suggested code for a score use (see `scoreSuggestion`), a printed pair or a printed list of pairs. */
export function scoreUseSuggestion(s: ScoreUse): string {
  const v = s.use.node.text;
  if (s.holds === "score") return scoreSuggestion(s.use);
  if (s.holds === "pair") return siteWith(s.use, `(${v}[0], int(${v}[1]) if ${v}[1].is_integer() else ${v}[1])`);
  return siteWith(s.use, `[(m, int(s) if s.is_integer() else s) for m, s in ${v}]`);
}
