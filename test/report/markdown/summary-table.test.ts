import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { summaryTable } from "../../../src/report/markdown/summary-table.js";
import { EMPTY, SAMPLE } from "../sample.js";

describe("report/markdown/summary-table", () => {
  it("counts files, and changes and manual steps per rule with a total", () => {
    assert.equal(
      summaryTable(SAMPLE),
      `### Summary

| Files scanned | Parsed | Changed | Skipped | Syntax errors |
| ---: | ---: | ---: | ---: | ---: |
| 6 | 3 | 3 | 1 | 1 |

| Rule | Automatic changes | Manual steps |
| --- | ---: | ---: |
| \`imports\` | 1 | 0 |
| \`lifecycle\` | 1 | 0 |
| \`pubsub\` | 0 | 1 |
| **Total** | **2** | **1** |`,
    );
  });

  it("has no rule table when no rule fired", () => {
    assert.equal(
      summaryTable(EMPTY),
      "### Summary\n\n| Files scanned | Parsed | Changed | Skipped | Syntax errors |\n| ---: | ---: | ---: | ---: | ---: |\n| 1 | 0 | 0 | 0 | 0 |",
    );
  });
});
