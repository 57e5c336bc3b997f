/**
 * Rule triggers (src/migrate/triggers.ts): which rules have a trigger word in the parsed text, and in what a round's
 * edits wrote. A missed word skips a rule that had work, so each way a word can appear is checked.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, type TextEdit } from "../../src/migrate/edits.js";
import type { Rule } from "../../src/migrate/rule.js";
import { TriggerCheck } from "../../src/migrate/triggers.js";

const rule = (id: string, triggers?: string[]): Rule => ({ id, description: id, phase: "code", triggers, needsImport: false, apply: () => {} });
const RULES = [
  rule("errors", ["Error"]),
  rule("reply", ["ReplyError"]),
  rule("client", ["Redis"]),
  rule("ctor", ["Redis("]),
  rule("hash", ["hmset("]),
  rule("always"),
];
const fired = (check: TriggerCheck): string[] => RULES.filter((r) => check.fires(r)).map((r) => r.id);

describe("rule triggers", () => {
  it("finds overlapping words and words starting at the same place", () => {
    assert.deepEqual(fired(new TriggerCheck(RULES, ["except ReplyError: pass"])), ["errors", "reply", "always"]);
    assert.deepEqual(fired(new TriggerCheck(RULES, ["x = Redis(host)"])), ["client", "ctor", "always"]);
    assert.deepEqual(fired(new TriggerCheck(RULES, ["import os", "y = 1"])), ["always"]);
  });

  it("searches each parsed range, not across their joins", () => {
    assert.deepEqual(fired(new TriggerCheck(RULES, ["x = Red", "is(1)"])), ["always"]);
  });

  it("after a round, finds the words its edits wrote, or completed next to text they kept", () => {
    const text = "a = hm_set(k, v)\nc = 1\n";
    const check = new TriggerCheck(RULES, [text]);
    assert.deepEqual(fired(check), ["always"]);
    const edits: TextEdit[] = [
      { start: text.indexOf("_set"), end: text.indexOf("_set") + 1, text: "" }, // hm_set( → hmset(
      { start: text.indexOf("c = 1"), end: text.indexOf("c = 1") + 5, text: "c = Redis()" },
    ];
    check.afterEdits(edits, applyEdits(text, edits));
    assert.deepEqual(fired(check), ["client", "ctor", "hash", "always"]);
  });

  it("keeps a rule fired once its words are gone", () => {
    const text = "r = Redis()\n";
    const check = new TriggerCheck(RULES, [text]);
    const edits: TextEdit[] = [{ start: 4, end: 11, text: "make()" }];
    check.afterEdits(edits, applyEdits(text, edits));
    assert.deepEqual(fired(check), ["client", "ctor", "always"]);
  });
});
