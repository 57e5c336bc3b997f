import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Change, ManualStep } from "../../../src/migrate/findings.js";
import { changesByFile } from "../../../src/report/markdown/changes-by-file.js";
import { commands } from "../../../src/report/markdown/commands.js";
import { dependencyChanges } from "../../../src/report/markdown/dependency-changes.js";
import { header } from "../../../src/report/markdown/header.js";
import { DEFAULT_BUDGET, parseState, renderMarkdownReport, SHORTENED_NOTE } from "../../../src/report/markdown/index.js";
import { manualSteps } from "../../../src/report/markdown/manual-steps.js";
import { skippedFiles } from "../../../src/report/markdown/skipped-files.js";
import { reportState, stateComment } from "../../../src/report/markdown/state.js";
import { summaryTable } from "../../../src/report/markdown/summary-table.js";
import type { MigrationReport } from "../../../src/report/model.js";
import { SAMPLE } from "../sample.js";

/** `changes` changes with long lines across 10 files, and `steps` manual steps with suggestions. */
function bigReport(changes: number, steps: number): MigrationReport {
  const files = Array.from({ length: 10 }, (_, f) => {
    const file = `pkg/module_${f}.py`;
    const cs: Change[] = [];
    const ms: ManualStep[] = [];
    for (let i = f; i < changes; i += 10) {
      const before = `    value_${i} = await client.execute("GET", "some:rather:long:key:${i}", encoding="utf-8")`;
      cs.push({ ruleId: "execute-command", file, originalLine: i + 1, originalEndLine: i + 1, line: i + 1, endLine: i + 1, before, after: before.replace("execute", "execute_command"), why: "redis-py names it `execute_command`." });
    }
    for (let i = f; i < steps; i += 10) {
      ms.push({ ruleId: "pubsub", file, originalLine: i + 1, line: i + 1, what: `Port the channel loop number ${i} to a PubSub object.`, suggestion: "ps = r.pubsub()\nawait ps.subscribe('c')\n".repeat(3), suggestionReplacesLines: 0 });
    }
    return { file, input: "a\n", output: "b\n", changes: cs, manualSteps: ms, parsed: true };
  });
  return { toolVersion: "1.2.3", target: "5.0.1", files, manifests: [], skipped: [] };
}

describe("report/markdown/index", () => {
  it("assembles the sections in order, ending with the state comment", () => {
    const expected = [
      header(SAMPLE),
      summaryTable(SAMPLE),
      manualSteps(SAMPLE),
      changesByFile(SAMPLE),
      dependencyChanges(SAMPLE),
      skippedFiles(SAMPLE),
      commands("5.0.1"),
      stateComment(reportState(SAMPLE)),
    ].join("\n\n") + "\n";
    assert.equal(renderMarkdownReport(SAMPLE), expected);
    assert.equal(renderMarkdownReport(SAMPLE, { budget: DEFAULT_BUDGET }), expected, "fits: nothing shortened");
  });

  it("passes the link builder to the sections", () => {
    const body = renderMarkdownReport(SAMPLE, { link: (f, l) => `https://example.test/${f}#L${l}` });
    assert.ok(body.includes("- [ ] [`app/pubsub.py:2`](https://example.test/app/pubsub.py#L2)"));
    assert.ok(body.includes("- [`app/main.py:1`](https://example.test/app/main.py#L1)"));
  });

  it("over budget, compacts the largest section first and says where the full report is", () => {
    const report = bigReport(400, 10);
    const full = renderMarkdownReport(report);
    const compactChanges = full.replace(changesByFile(report), changesByFile(report, { detail: "compact" }));
    assert.ok(full.length > 40_000 && compactChanges.length < 40_000 - SHORTENED_NOTE.length - 2);
    const body = renderMarkdownReport(report, { budget: 40_000 });
    assert.ok(body.length <= 40_000);
    assert.ok(body.includes(SHORTENED_NOTE));
    assert.ok(body.includes("<summary>400 automatic changes in 10 files</summary>"));
    assert.ok(!body.includes("```diff"), "changes are one line each");
    assert.ok(body.includes("```python"), "the smaller manual-steps section keeps its code");
    assert.deepEqual(parseState(body), reportState(report));
  });

  it("cuts lists when compact forms are still too long, keeping state and commands", () => {
    const report = bigReport(2000, 600);
    const body = renderMarkdownReport(report, { budget: DEFAULT_BUDGET });
    assert.ok(body.length <= DEFAULT_BUDGET, `${body.length} characters`);
    assert.match(body, /- … and \d+ more changes, listed in `REDIS_MIGRATION\.md`/);
    assert.ok(body.includes("<summary>Commands</summary>"));
    assert.deepEqual(parseState(body), reportState(report));
    assert.ok(body.indexOf("### Manual steps") < body.indexOf("### Automatic changes"));
  });

  it("stays within even a tiny budget", () => {
    const report = bigReport(50, 50);
    const body = renderMarkdownReport(report, { budget: 2000 });
    assert.ok(body.length <= 2000, `${body.length} characters`);
    assert.deepEqual(parseState(body), reportState(report));
  });
});
