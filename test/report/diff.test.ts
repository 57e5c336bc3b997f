import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { diffLines, splitLines, unifiedDiff } from "../../src/report/diff.js";
import { applyPatch } from "./patch.js";

const numbered = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`);

/** Lines changed by a shortest edit script: n + m − 2·LCS. */
function minimalEdits(a: readonly string[], b: readonly string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  return a.length + b.length - 2 * dp[0]![0]!;
}

describe("report/diff", () => {
  it("is empty for equal texts", () => {
    assert.equal(unifiedDiff("a\nb\n", "a\nb\n", { path: "x.py" }), "");
  });

  it("writes headers, a hunk range and 3 lines of context", () => {
    const before = numbered(1, 10).join("");
    const after = before.replace("line 5\n", "line five\n");
    assert.equal(
      unifiedDiff(before, after, { path: "pkg/x.py" }),
      "--- a/pkg/x.py\n+++ b/pkg/x.py\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n",
    );
  });

  it("splits changes more than 6 unchanged lines apart into two hunks, and keeps closer ones together", () => {
    const before = numbered(1, 20).join("");
    const apart = before.replace("line 2\n", "two\n").replace("line 18\n", "eighteen\n");
    assert.equal(
      unifiedDiff(before, apart, { path: "x.py" }),
      "--- a/x.py\n+++ b/x.py\n" +
        "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+two\n line 3\n line 4\n line 5\n" +
        "@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+eighteen\n line 19\n line 20\n",
    );
    const close = before.replace("line 5\n", "five\n").replace("line 12\n", "twelve\n");
    const hunks = unifiedDiff(before, close, { path: "x.py" }).match(/^@@ .* @@$/gm);
    assert.deepEqual(hunks, ["@@ -2,14 +2,14 @@"]);
  });

  it("numbers an empty range by the line before it, and omits a count of 1", () => {
    assert.equal(unifiedDiff("", "a\n", { path: "x.py" }), "--- a/x.py\n+++ b/x.py\n@@ -0,0 +1 @@\n+a\n");
    assert.equal(unifiedDiff("a\nb\n", "a\n", { path: "x.py" }), "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1 @@\n a\n-b\n");
    assert.equal(unifiedDiff("a\nc\n", "a\nb\nc\n", { path: "x.py" }), "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,3 @@\n a\n+b\n c\n");
  });

  it("shows CRLF line endings as they are", () => {
    assert.equal(unifiedDiff("a\r\nb\r\n", "a\r\nc\r\n", { path: "w.py" }), "--- a/w.py\n+++ b/w.py\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
    // A line whose only change is its terminator is a changed line.
    assert.equal(unifiedDiff("a\n", "a\r\n", { path: "w.py" }), "--- a/w.py\n+++ b/w.py\n@@ -1 +1 @@\n-a\n+a\r\n");
  });

  it("marks a last line without newline", () => {
    assert.equal(
      unifiedDiff("a\nb", "a\nc", { path: "x.py" }),
      "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
    );
    assert.equal(unifiedDiff("a", "a\n", { path: "x.py" }), "--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n");
  });

  it("produces a patch that turns the old text into the new one, with a shortest edit script", () => {
    const text = fc.array(fc.constantFrom("a\n", "b\n", "c\n", "d\r\n", "e"), { maxLength: 40 }).map((ls) => ls.join(""));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), (before, after, context) => {
        const patch = unifiedDiff(before, after, { path: "f.py", context });
        assert.equal(before === after ? before : applyPatch(before, patch), after);
        const a = splitLines(before);
        const b = splitLines(after);
        const { deleted, inserted } = diffLines(a, b);
        assert.equal(deleted.reduce((s, x) => s + x, 0) + inserted.reduce((s, x) => s + x, 0), minimalEdits(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it("handles large texts with scattered changes and wholly different texts", () => {
    const before = numbered(1, 30000);
    const after = before.map((l, i) => (i % 1000 === 0 ? `changed ${i}\n` : l));
    const patch = unifiedDiff(before.join(""), after.join(""), { path: "big.py" });
    assert.equal((patch.match(/^-/gm) ?? []).length, 30 + 1); // 30 removed lines and the --- header
    assert.equal(applyPatch(before.join(""), patch), after.join(""));
    const other = numbered(1, 3000).map((l) => "x" + l);
    const { deleted, inserted } = diffLines(numbered(1, 3000), other);
    assert.equal(deleted.every((d) => d === 1) && inserted.every((d) => d === 1), true);
  });
});
