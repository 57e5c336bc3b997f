import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { skippedFiles } from "../../../src/report/markdown/skipped-files.js";
import { EMPTY, SAMPLE } from "../sample.js";

describe("report/markdown/skipped-files", () => {
  it("tables skipped and unparsable files by path with a readable reason", () => {
    assert.equal(
      skippedFiles(SAMPLE),
      `### Files not migrated

| File | Reason | Detail |
| --- | --- | --- |
| \`data/blob.py\` | binary | NUL byte at offset 3 |
| \`lib/broken.py\` | syntax error | syntax error at line 1; the file was left unchanged |`,
    );
  });

  it("cut to a length becomes a list", () => {
    assert.equal(skippedFiles(SAMPLE, { maxChars: 1000 }), "### Files not migrated\n\n- `data/blob.py`: binary\n- `lib/broken.py`: syntax error");
  });

  it("is empty when nothing was skipped", () => {
    assert.equal(skippedFiles(EMPTY), "");
  });
});
