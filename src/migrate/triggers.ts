import { compareEdits, type TextEdit } from "./edits.js";
import type { Rule } from "./rule.js";
import { escapeRegExp } from "./text.js";

/**
 * Which rules have a trigger word in the parsed text. Searching the whole text for every rule's words in every round
 * cost more than some rules: the parsed statements are searched once, and after a round only the text the edits wrote
 * (with enough of its surroundings to catch a word the edit completed). A rule once triggered stays so: a trigger is
 * only a cheap skip, and a rule whose words a rewrite removed finds nothing more.
 */
export class TriggerCheck {
  private readonly fired = new Set<string>();

  constructor(private readonly rules: readonly Rule[], texts: readonly string[]) {
    for (const text of texts) this.search(text);
  }

  fires(rule: Rule): boolean {
    return !rule.triggers || this.fired.has(rule.id);
  }

  /** `edits` (on the previous text) made `next`: what they wrote is all that can hold a new trigger word. */
  afterEdits(edits: readonly TextEdit[], next: string): void {
    const { margin } = triggerIndex(this.rules);
    const pieces: string[] = [];
    let shift = 0;
    for (const e of [...edits].sort(compareEdits)) {
      const start = e.start + shift;
      pieces.push(next.slice(Math.max(0, start - margin), start + e.text.length + margin));
      shift += e.text.length - (e.end - e.start);
    }
    for (const piece of pieces) this.search(piece);
  }

  /** Marks the rules with a trigger word in `text`, in one pass of a regular expression over all the words. */
  private search(text: string): void {
    const { pattern, rulesByWord, ruleCount } = triggerIndex(this.rules);
    // `pattern` only looks ahead: `test` leaves lastIndex at the word's position and allocates no match
    pattern.lastIndex = 0;
    while (this.fired.size < ruleCount && pattern.test(text)) {
      const at = pattern.lastIndex;
      // the alternation reports one word per position: look for the others there too (`Redis` and `Redis(`)
      for (const [word, ruleIds] of rulesByWord) if (text.startsWith(word, at)) for (const id of ruleIds) this.fired.add(id);
      pattern.lastIndex = at + 1; // occurrences may overlap (`Error` in `ReplyError`)
    }
  }
}

interface TriggerIndex {
  readonly pattern: RegExp;
  readonly rulesByWord: Map<string, string[]>;
  /** Rules that have triggers. */
  readonly ruleCount: number;
  /** Characters around an edit that a word it completed can reach into: the longest word's length less one. */
  readonly margin: number;
}

const triggerIndexes = new WeakMap<readonly Rule[], TriggerIndex>();

/** All trigger words of `rules` as one regular expression, and which rules each word triggers. */
function triggerIndex(rules: readonly Rule[]): TriggerIndex {
  let index = triggerIndexes.get(rules);
  if (!index) {
    const rulesByWord = new Map<string, string[]>();
    for (const r of rules) for (const t of r.triggers ?? []) rulesByWord.set(t, [...(rulesByWord.get(t) ?? []), r.id]);
    const words = [...rulesByWord.keys()].sort((a, b) => b.length - a.length);
    // a rule set without triggers: a pattern that never matches
    const pattern = new RegExp(words.length > 0 ? `(?=${words.map(escapeRegExp).join("|")})` : "(?!)", "g");
    index = { pattern, rulesByWord, ruleCount: rules.filter((r) => r.triggers).length, margin: Math.max(0, ...words.map((w) => w.length - 1)) };
    triggerIndexes.set(rules, index);
  }
  return index;
}
