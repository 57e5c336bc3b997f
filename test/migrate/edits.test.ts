import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { applyEdits, compareEdits, editsConflict, OffsetChain, OffsetMap, type TextEdit } from "../../src/migrate/edits.js";
import { SourceText } from "../../src/migrate/source.js";
import { insertTodoComments, TODO_PREFIX, todoText } from "../../src/migrate/todo.js";

const SEED = Number(process.env.PROPERTY_SEED ?? 20240611);
const RUNS = { seed: SEED, numRuns: 200 };

//            0123456789012345678
const TEXT = "alpha beta gamma\n";

describe("applyEdits", () => {
  it("applies sorted edits in one sweep: replacement, insertion, deletion", () => {
    const edits: TextEdit[] = [
      { start: 0, end: 0, text: ">" },
      { start: 0, end: 5, text: "ALPHA" },
      { start: 6, end: 11, text: "" },
      { start: 16, end: 16, text: "!" },
    ];
    assert.equal(applyEdits(TEXT, edits), ">ALPHA gamma!\n");
  });

  it("orders edits by start, then end, and tells conflicts", () => {
    assert.deepEqual([{ start: 4, end: 6, text: "" }, { start: 4, end: 4, text: "" }, { start: 1, end: 9, text: "" }].sort(compareEdits).map((e) => [e.start, e.end]), [[1, 9], [4, 4], [4, 6]]);
    assert.equal(editsConflict({ start: 2, end: 5, text: "" }, { start: 4, end: 8, text: "" }), true, "overlap");
    assert.equal(editsConflict({ start: 2, end: 5, text: "" }, { start: 5, end: 8, text: "" }), false, "adjacent");
    assert.equal(editsConflict({ start: 3, end: 3, text: "a" }, { start: 3, end: 3, text: "b" }), true, "two insertions at one point");
    assert.equal(editsConflict({ start: 3, end: 3, text: "a" }, { start: 3, end: 6, text: "b" }), false, "insertion before a replacement");
    assert.equal(editsConflict({ start: 4, end: 4, text: "a" }, { start: 3, end: 6, text: "b" }), true, "insertion inside a replacement");
  });
});

describe("OffsetMap", () => {
  it("moves offsets after an insertion; at the insertion point the bias decides", () => {
    const map = new OffsetMap([{ start: 6, end: 6, text: "big " }]); // "alpha big beta gamma\n"
    assert.equal(map.forward(2), 2);
    assert.equal(map.forward(6, "before"), 6);
    assert.equal(map.forward(6, "after"), 10);
    assert.equal(map.forward(11), 15);
    assert.equal(map.back(15), 11);
    assert.equal(map.back(8, "before"), 6, "inside the inserted text");
    assert.equal(map.back(8, "after"), 6, "an insertion has no old extent");
    assert.equal(map.back(10), 6, "just after the inserted text");
  });

  it("collapses a deleted range onto its start; maps back to either end by bias", () => {
    const map = new OffsetMap([{ start: 5, end: 11, text: "" }]); // "alphagamma\n"
    assert.equal(map.forward(3), 3);
    assert.equal(map.forward(8, "before"), 5);
    assert.equal(map.forward(8, "after"), 5);
    assert.equal(map.forward(11), 5);
    assert.equal(map.forward(13), 7);
    assert.equal(map.back(5, "before"), 5);
    assert.equal(map.back(5, "after"), 11);
    assert.equal(map.back(7), 13);
  });

  it("maps inside a replacement to its start or end, and shifts what follows by the growth", () => {
    const map = new OffsetMap([{ start: 6, end: 10, text: "BETA-BETA" }]); // "alpha BETA-BETA gamma\n"
    assert.equal(map.forward(6), 6);
    assert.equal(map.forward(8, "before"), 6);
    assert.equal(map.forward(8, "after"), 15);
    assert.equal(map.forward(10), 15);
    assert.equal(map.forward(TEXT.length), TEXT.length + 5);
    assert.equal(map.back(12, "before"), 6);
    assert.equal(map.back(12, "after"), 10);
    assert.equal(map.back(16), 11);
  });

  it("accumulates several edits given in any order", () => {
    const edits: TextEdit[] = [
      { start: 11, end: 16, text: "G" },
      { start: 0, end: 0, text: "## " },
      { start: 6, end: 10, text: "b" },
    ];
    const out = applyEdits(TEXT, [...edits].sort(compareEdits));
    assert.equal(out, "## alpha b G\n");
    const map = new OffsetMap(edits);
    assert.equal(out.slice(map.forward(0, "after")), "alpha b G\n");
    assert.equal(out.slice(map.forward(10)), " G\n");
    assert.equal(out.charAt(map.forward(16)), "\n");
    assert.equal(map.back(out.length), TEXT.length);
  });

  it("keeps every untouched character where forward() says, and finds its way back (property)", () => {
    fc.assert(
      fc.property(textAndEdits(), ({ text, edits }) => {
        const out = applyEdits(text, edits);
        const map = new OffsetMap(edits);
        const grown = edits.reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
        assert.equal(out.length, text.length + grown);
        assert.equal(map.forward(text.length, "after"), out.length);
        let previous = { before: 0, after: 0 };
        for (let o = 0; o <= text.length; o++) {
          const before = map.forward(o, "before");
          const after = map.forward(o, "after");
          assert.ok(before <= after, `forward(${o}) before ≤ after`);
          assert.ok(before >= previous.before && after >= previous.after, `monotonic at ${o}`);
          previous = { before, after };
          const replaced = edits.some((e) => e.start < e.end && e.start <= o && o <= e.end);
          if (!replaced && o < text.length) assert.equal(out[after], text[o], `character ${o} survives`);
          if (!replaced) {
            assert.equal(map.back(before, "before"), o, `back(forward(${o}, before))`);
            assert.equal(map.back(after, "after"), o, `back(forward(${o}, after))`);
          }
        }
        for (let n = 0; n <= out.length; n++) {
          const b = map.back(n, "before");
          assert.ok(b >= 0 && b <= text.length && b <= map.back(n, "after"), `back(${n}) in range`);
        }
      }),
      RUNS,
    );
  });
});

describe("OffsetMap: runs a replacement carries over", () => {
  it("maps offsets inside a kept run to their copy, both ways; elsewhere inside to the edges", () => {
    // "a\nb\n" (at 10) re-indented to "with x:\n  a\n  b\n": line "a\n" kept at 9, line "b\n" at 13
    const edit = { start: 10, end: 14, text: "with x:\n  a\n  b\n", kept: [[0, 10, 2], [2, 14, 2]] as const };
    const map = new OffsetMap([edit]);
    assert.equal(map.forward(10), 10, "the range's start maps to the replacement's start");
    assert.equal(map.forward(11), 10 + 11); // the newline after "a"
    assert.equal(map.forward(12), 10 + 14); // "b"
    assert.equal(map.forward(13), 10 + 15); // the newline after "b"
    assert.equal(map.back(10 + 14), 12);
    assert.equal(map.back(10 + 2), 10, "inside the new header: the start of the replaced range");
    assert.equal(map.back(10 + 2, "after"), 14);
    assert.equal(map.forward(14), 10 + edit.text.length, "after the range: shifted by the growth");
  });
});

describe("OffsetChain", () => {
  it("maps between the original and the last text over several rounds", () => {
    const round1: TextEdit[] = [{ start: 0, end: 5, text: "A" }]; // "A beta gamma\n"
    const text1 = applyEdits(TEXT, round1);
    const round2: TextEdit[] = [{ start: 2, end: 2, text: "new " }]; // "A new beta gamma\n"
    const text2 = applyEdits(text1, round2);
    const chain = new OffsetChain();
    chain.push(new OffsetMap(round1));
    chain.push(new OffsetMap(round2));
    assert.equal(chain.rounds, 2);
    const gamma = TEXT.indexOf("gamma");
    assert.equal(text2.slice(chain.toFinal(gamma, 0)), "gamma\n");
    assert.equal(chain.toFinal(text1.indexOf("beta"), 1, "after"), text2.indexOf("beta"), "from round 1");
    assert.equal(chain.toFinal(text1.indexOf("beta"), 1, "before"), text2.indexOf("new"));
    assert.equal(chain.toOriginal(text2.indexOf("gamma"), 2), gamma);
    assert.equal(chain.toOriginal(text2.indexOf("new"), 2), TEXT.indexOf("beta"), "inserted text maps to its insertion point");
    assert.equal(chain.toOriginal(text1.indexOf("beta"), 1), TEXT.indexOf("beta"));
    assert.equal(chain.toFinal(7, 2), 7, "from the last round: identity");
  });
});

describe("TODO comments", () => {
  const step = (source: SourceText, needle: string, what: string) => ({ offset: source.text.indexOf(needle), what });

  it("writes the first sentence of the step on one line", () => {
    assert.equal(todoText("Close the pool.\nThen wait for it. Really."), `${TODO_PREFIX}Close the pool.`);
    assert.equal(todoText("  no   full stop\there  "), `${TODO_PREFIX}no full stop here`);
    assert.equal(todoText("Use `x.y()` (v2.0) here? Maybe."), `${TODO_PREFIX}Use \`x.y()\` (v2.0) here?`);
  });

  it("goes above the statement with its indentation, once per line and text", () => {
    const source = new SourceText("def f():\n    if x:\n        r.close()\n    return 1\n");
    const { text, map } = insertTodoComments(source, [
      step(source, "r.close()", "Await the close. More."),
      step(source, "r.close()", "Await the close."),
      step(source, "r.close", "Check the pool."),
    ]);
    assert.equal(
      text,
      "def f():\n    if x:\n        # TODO(redis-migrate): Await the close.\n        # TODO(redis-migrate): Check the pool.\n        r.close()\n    return 1\n",
    );
    const at = source.text.indexOf("r.close()");
    assert.equal(text.slice(map.forward(at, "after"), map.forward(at, "after") + 9), "r.close()");
    assert.equal(text.slice(map.forward(source.lineStart(2), "before")).startsWith("        # TODO"), true);
    assert.equal(map.forward(source.text.indexOf("return")), text.indexOf("return"));
  });

  it("keeps tabs and CRLF", () => {
    const source = new SourceText("class A:\r\n\tdef f(self):\r\n\t\tself.r.close()\r\n");
    const { text } = insertTodoComments(source, [step(source, "self.r", "Close it.")]);
    assert.equal(text, "class A:\r\n\tdef f(self):\r\n\t\t# TODO(redis-migrate): Close it.\r\n\t\tself.r.close()\r\n");
  });

  it("adds nothing when the comment block above already says it (a second run)", () => {
    const first = new SourceText("x = 1\n# keep\n# TODO(redis-migrate): Close it.\n# other note\nr.close()\n");
    const again = insertTodoComments(first, [step(first, "r.close", "Close it. Then wait.")]);
    assert.equal(again.text, first.text);
    assert.equal(again.map.forward(10), 10);
    // not when a code line separates them
    const separated = new SourceText("# TODO(redis-migrate): Close it.\nx = 1\nr.close()\n");
    assert.equal(insertTodoComments(separated, [step(separated, "r.close", "Close it.")]).text, "# TODO(redis-migrate): Close it.\nx = 1\n# TODO(redis-migrate): Close it.\nr.close()\n");
  });

  it("puts a comment for the first line after a byte-order mark, so the mark stays first", () => {
    const source = new SourceText("\uFEFFr = aioredis.Redis()\nx = 1\n");
    const { text, map } = insertTodoComments(source, [{ offset: 1, what: "Check it." }]);
    assert.equal(text, "\uFEFF# TODO(redis-migrate): Check it.\nr = aioredis.Redis()\nx = 1\n");
    assert.equal(map.forward(1, "after"), text.indexOf("r = "));
    assert.equal(insertTodoComments(new SourceText(text), [{ offset: text.indexOf("r = "), what: "Check it." }]).text, text, "idempotent");
  });
});

/** A text and sorted, non-conflicting edits on it (insertions, deletions, replacements, astral characters). */
function textAndEdits(): fc.Arbitrary<{ text: string; edits: TextEdit[] }> {
  const chars = fc.constantFrom("a", "b", " ", "\n", "\r", "é", "🚀", "#", "(");
  return fc
    .array(chars, { minLength: 0, maxLength: 40 })
    .map((cs) => cs.join(""))
    .chain((text) =>
      fc
        .array(
          fc.record({
            a: fc.nat({ max: text.length }),
            b: fc.nat({ max: text.length }),
            insert: fc.boolean(),
            text: fc.array(chars, { maxLength: 6 }).map((cs) => cs.join("")),
          }),
          { maxLength: 6 },
        )
        .map((raw) => {
          const edits: TextEdit[] = [];
          for (const r of raw) {
            const start = Math.min(r.a, r.b);
            const e: TextEdit = { start, end: r.insert ? start : Math.max(r.a, r.b), text: r.text };
            if (e.start === e.end && e.text === "") continue;
            if (edits.every((k) => !editsConflict(k, e))) edits.push(e);
          }
          return { text, edits: edits.sort(compareEdits) };
        }),
    );
}
