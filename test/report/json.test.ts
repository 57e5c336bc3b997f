import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SCHEMA_VERSION, toJsonReport } from "../../src/report/json.js";
import { EMPTY, MAIN_CLOSE, MAIN_IMPORT, SAMPLE } from "./sample.js";

describe("report/json", () => {
  it("carries the schema version, tool, target and summary counts", () => {
    const json = toJsonReport(SAMPLE, { written: false });
    assert.equal(json.schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(json.tool, { name: "redis-migrate", version: "1.2.3" });
    assert.equal(json.target, "5.0.1");
    assert.equal(json.written, false);
    assert.deepEqual(json.summary, {
      scanned: 6,
      parsed: 3,
      changed: 3,
      changes: 2,
      manualSteps: 1,
      dependencyChanges: 1,
      skipped: 1,
      skippedByReason: { binary: 1 },
      syntaxErrors: 1,
      byRule: [
        { ruleId: "imports", changes: 1, manualSteps: 0 },
        { ruleId: "lifecycle", changes: 1, manualSteps: 0 },
        { ruleId: "pubsub", changes: 0, manualSteps: 1 },
      ],
      leftoverTodos: 0,
    });
  });

  it("lists only files with changes or manual steps, with their diff, and every skipped file", () => {
    const json = toJsonReport(SAMPLE, { written: true, warnings: ["x: cannot read (EACCES)"] });
    assert.deepEqual(
      json.files.map((f) => [f.file, f.kind, f.changed, f.changes.length, f.manualSteps.length]),
      [
        ["app/main.py", "python", true, 2, 0],
        ["app/pubsub.py", "python", true, 0, 1],
        ["requirements.txt", "manifest", true, 0, 0],
      ],
    );
    assert.deepEqual(json.files[0]!.changes, [MAIN_IMPORT, MAIN_CLOSE]);
    assert.equal(json.files[2]!.diff, "--- a/requirements.txt\n+++ b/requirements.txt\n@@ -1 +1 @@\n-aioredis==1.3.1\n+redis>=5.0.1\n");
    assert.deepEqual(json.dependencyChanges, [{ file: "requirements.txt", before: "aioredis==1.3.1", after: "redis>=5.0.1" }]);
    assert.deepEqual(json.skipped.map((s) => [s.file, s.reason]), [["data/blob.py", "binary"], ["lib/broken.py", "syntax-error"]]);
    assert.deepEqual(json.warnings, ["x: cannot read (EACCES)"]);
    assert.equal(json.written, true);
  });

  it("drops fields the engine adds for its own use", () => {
    const withInternals = { ...SAMPLE, files: SAMPLE.files.map((f) => ({ ...f, receivers: new Map([["r", "client"]]) })) };
    const text = JSON.stringify(toJsonReport(withInternals, { written: false }));
    assert.doesNotMatch(text, /receivers/);
    assert.deepEqual(JSON.parse(text).files.length, 3);
  });

  it("reports an empty run", () => {
    const json = toJsonReport(EMPTY, { written: false });
    assert.deepEqual(json.files, []);
    assert.equal(json.summary.scanned, 1);
    assert.equal(json.summary.changed, 0);
    assert.equal(json.target, "4.2");
  });
});
