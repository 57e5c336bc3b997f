import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dependencyChanges } from "../../../src/report/markdown/dependency-changes.js";
import type { MigrationReport } from "../../../src/report/model.js";
import { EMPTY, SAMPLE } from "../sample.js";

describe("report/markdown/dependency-changes", () => {
  it("tables each rewritten manifest line", () => {
    assert.equal(
      dependencyChanges(SAMPLE),
      "### Dependencies\n\n| File | Before | After |\n| --- | --- | --- |\n| `requirements.txt` | `aioredis==1.3.1` | `redis>=5.0.1` |",
    );
  });

  it("escapes pipes, folds lines and shows a removed entry", () => {
    const report: MigrationReport = {
      ...EMPTY,
      manifests: [
        {
          file: "pyproject.toml",
          input: "",
          output: "",
          changes: [{ file: "pyproject.toml", before: 'aioredis = {version = "1.3.1",\n markers = "a|b"}', after: "" }],
          manualSteps: [],
        },
      ],
    };
    assert.equal(
      dependencyChanges(report),
      '### Dependencies\n\n| File | Before | After |\n| --- | --- | --- |\n| `pyproject.toml` | `aioredis = {version = "1.3.1", markers = "a\\|b"}` | (none) |',
    );
  });

  it("cut to a length becomes a list", () => {
    const cut = "### Dependencies\n\n- `requirements.txt`: `aioredis==1.3.1` → `redis>=5.0.1`";
    assert.equal(dependencyChanges(SAMPLE, { maxChars: cut.length }), cut);
    // The "and N more" note is longer than this one entry, so one character less leaves room for nothing.
    assert.equal(dependencyChanges(SAMPLE, { maxChars: cut.length - 1 }), "");
    const entry = SAMPLE.manifests[0]!.changes[0]!;
    const three = { ...SAMPLE, manifests: [{ ...SAMPLE.manifests[0]!, changes: [entry, entry, entry] }] };
    const oneOfThree = `${cut}\n- … and 2 more dependency changes, listed in \`REDIS_MIGRATION.md\``;
    assert.equal(dependencyChanges(three, { maxChars: oneOfThree.length }), oneOfThree);
  });

  it("is empty when no manifest changed", () => {
    assert.equal(dependencyChanges(EMPTY), "");
  });
});

describe("report/markdown/dependency-changes with lines", () => {
  it("shows and links the line when the manifest migration gives one", () => {
    const report: MigrationReport = {
      ...SAMPLE,
      manifests: [{ ...SAMPLE.manifests[0]!, changes: [{ file: "requirements.txt", before: "aioredis", after: "redis>=5.0.1", line: 3 }] }],
    };
    assert.equal(
      dependencyChanges(report, { link: (f, l) => `https://example.test/${f}#L${l}` }),
      "### Dependencies\n\n| File | Before | After |\n| --- | --- | --- |\n| [`requirements.txt:3`](https://example.test/requirements.txt#L3) | `aioredis` | `redis>=5.0.1` |",
    );
  });
});
