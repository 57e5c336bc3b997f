import assert from "node:assert/strict";
import { test } from "node:test";
import { UTF8 } from "../../src/io/codecs.js";
import { buildProposal, commentableLines, lineLink, reviewComments } from "../../src/jobs/proposal.js";
import { assembleMigration } from "../../src/report/assemble.js";
import { CACHE_PY } from "../app/fixtures.js";

function migrate(files: Record<string, string>, todoComments = true) {
  return assembleMigration({
    toolVersion: "0.1.0",
    target: "5.0.1",
    todoComments,
    python: Object.entries(files).map(([path, text]) => ({ path, text, codec: UTF8 })),
    manifests: [],
    skipped: [],
  });
}

test("line links point into the branch, path segments encoded", () => {
  const link = lineLink("https://ghe.example.com/acme/shop", "redis-migrate/x");
  assert.equal(link("src/my app/a.py", 3), "https://ghe.example.com/acme/shop/blob/redis-migrate/x/src/my%20app/a.py#L3");
});

test("commentable lines: the changed lines and two around them, on the new side", () => {
  const before = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].join("\n") + "\n";
  const after = ["a", "b", "c", "d", "E", "f", "g", "h", "i", "j"].join("\n") + "\n";
  const inDiff = commentableLines(before, after);
  assert.equal(inDiff(5, 5), true);
  assert.equal(inDiff(3, 7), true);
  assert.equal(inDiff(2, 2), false);
  assert.equal(inDiff(8, 8), false);
  assert.equal(inDiff(6, 8), false, "a range must fit in one hunk");
});

test("steps GitHub could not place on the diff get no review comment; they stay in the checklist", () => {
  const input = Array.from({ length: 30 }, (_, i) => `line${i + 1}`).join("\n") + "\n";
  const output = input.replace("line3\n", "LINE3\n");
  const step = (line: number, replaces = 0, file = "a.py") => ({ ruleId: "r", file, originalLine: line, line, what: `step at ${line}`, suggestion: replaces ? "new" : "", suggestionReplacesLines: replaces });
  const report = {
    toolVersion: "0",
    target: "5.0.1" as const,
    files: [
      { file: "a.py", input, output, changes: [], parsed: true, manualSteps: [step(3, 1), step(5), step(20), step(4, 3)] },
      { file: "b.py", input, output: input, changes: [], parsed: true, manualSteps: [step(1, 0, "b.py")] },
    ],
    manifests: [],
    skipped: [],
  };
  const { comments, notCommented } = reviewComments(report, new Map([["a.py", Buffer.from(output)]]));
  assert.deepEqual(comments.map((c) => [c.line, c.startLine, c.body.split("\n")[0]]), [
    [3, undefined, "**Manual step** (`r`): step at 3"],
    [5, undefined, "**Manual step** (`r`): step at 5"],
    [4, undefined, "**Manual step** (`r`): step at 4"],
  ]);
  assert.ok(comments[0]!.body.includes("```suggestion\nnew\n```"));
  // lines 4-6 leave the hunk: the code is offered as a python block on line 4 instead of a suggestion
  assert.ok(comments[2]!.body.includes("```python\nnew\n```"));
  // line 20 is outside the hunk; b.py is not in the PR at all
  assert.equal(notCommented, 2);
});

test("the body within budget: no REDIS_MIGRATION.md; over it: shortened, linked, and the full report committed", () => {
  const m = migrate({ "shop/cache.py": CACHE_PY });
  const base = { report: m.report, writes: m.writes, modes: new Map(), baseSha: "a".repeat(40), baseTreeSha: "b".repeat(40), htmlUrl: "https://github.com/acme/shop", branch: "rm/x" };
  const normal = buildProposal(base);
  assert.equal(normal.shortened, false);
  assert.deepEqual(normal.files.map((f) => f.path), ["shop/cache.py"]);
  assert.equal(normal.parseFilesHash(normal.body), normal.filesHash);

  const small = buildProposal({ ...base, budget: 1500 });
  assert.equal(small.shortened, true);
  assert.ok(small.body.length <= 1500, `${small.body.length}`);
  assert.ok(small.body.includes("[`REDIS_MIGRATION.md`](https://github.com/acme/shop/blob/rm/x/REDIS_MIGRATION.md)"));
  assert.deepEqual(small.files.map((f) => f.path), ["shop/cache.py", "REDIS_MIGRATION.md"]);
  assert.equal(small.files[1]!.bytes.toString("utf8"), normal.body, "the full report is the unshortened body");
  assert.equal(small.parseFilesHash(small.body), small.filesHash, "the state marker survives shortening");
});
