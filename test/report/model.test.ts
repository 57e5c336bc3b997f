import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FileMigration } from "../../src/migrate/findings.js";
import { changedTexts, leftoverTodos, summarize, type MigrationReport } from "../../src/report/model.js";
import { summaryText } from "../../src/report/terminal.js";
import { EMPTY, SAMPLE } from "./sample.js";

const step = { ruleId: "pubsub", file: "a.py", what: "Port it.", suggestion: "", suggestionReplacesLines: 0 };

function withFile(f: FileMigration): MigrationReport {
  return { ...EMPTY, target: "5.0.1", files: [f] };
}

describe("report/model", () => {
  it("lists changed Python files and manifests by path", () => {
    assert.deepEqual(changedTexts(SAMPLE).map((f) => f.file), ["app/main.py", "app/pubsub.py", "requirements.txt"]);
  });

  it("finds TODO comments no manual step of this run accounts for", () => {
    const text = "import aioredis\n\n# TODO(redis-migrate): Port the sentinel.\n# keep: reviewed\ns = make()\n\n  # TODO(redis-migrate): Old.\nx = 1\r\n";
    const unaccounted = withFile({ file: "a.py", input: text, output: text, changes: [], manualSteps: [], parsed: true });
    assert.deepEqual(leftoverTodos(unaccounted, "input"), [
      { file: "a.py", line: 3, text: "Port the sentinel." },
      { file: "a.py", line: 7, text: "Old." },
    ]);
    assert.equal(summarize(unaccounted).leftoverTodos, 2);
    // A step reported on line 5 (below the comment block) accounts for the first one.
    const accounted = withFile({ file: "a.py", input: text, output: text, changes: [], manualSteps: [{ ...step, originalLine: 5, line: 5 }], parsed: true });
    assert.deepEqual(leftoverTodos(accounted, "output").map((t) => t.line), [7]);
  });

  it("compares input TODOs with original lines and output TODOs with migrated lines", () => {
    const input = "x = 1\n# TODO(redis-migrate): Do it.\ny = 2\n";
    const output = "import z\nx = 1\n# TODO(redis-migrate): Do it.\ny = 2\n";
    const r = withFile({ file: "a.py", input, output, changes: [], manualSteps: [{ ...step, originalLine: 3, line: 4 }], parsed: true });
    assert.deepEqual([leftoverTodos(r, "input"), leftoverTodos(r, "output")], [[], []]);
    const shifted = withFile({ file: "a.py", input, output, changes: [], manualSteps: [{ ...step, originalLine: 4, line: 3 }], parsed: true });
    assert.deepEqual([leftoverTodos(shifted, "input").length, leftoverTodos(shifted, "output").length], [1, 1]);
  });

  it("shows leftover TODO comments in the summary as work that remains", () => {
    const text = "# TODO(redis-migrate): Port the sentinel.\ns = make()\n";
    const r = withFile({ file: "a.py", input: text, output: text, changes: [], manualSteps: [], parsed: true });
    const summary = summaryText(r, { colour: false, mode: "dry-run" });
    assert.ok(summary.includes("0 automatic changes, 0 manual steps, 1 TODO comment from an earlier run\n"));
    assert.ok(summary.includes("\nTODO comments left from an earlier run\n  a.py:1  Port the sentinel.\n"));
    assert.ok(summary.endsWith("\nNo automatic changes left; 1 TODO comment remains.\n"));
  });
});
