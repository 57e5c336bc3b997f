import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { colorDiff, summaryText } from "../../src/report/terminal.js";
import { EMPTY, SAMPLE } from "./sample.js";

describe("report/terminal", () => {
  it("summarises a dry run: counts, changes per rule, manual steps at original lines, skipped and syntax errors", () => {
    assert.equal(
      summaryText(SAMPLE, { colour: false, mode: "dry-run" }),
      [
        "redis-migrate 1.2.3 · aioredis → redis.asyncio (redis-py ≥ 5.0.1)",
        "6 files scanned, 3 parsed, 3 changed, 1 skipped, 1 syntax error",
        "2 automatic changes, 1 manual step, 1 dependency change",
        "",
        "Changes by rule",
        "  imports    1",
        "  lifecycle  1",
        "",
        "Manual steps",
        "  app/pubsub.py:1  pubsub  Use a PubSub object. Channels are gone.",
        "",
        "Skipped",
        "  data/blob.py  binary  NUL byte at offset 3",
        "",
        "Syntax errors (left unchanged)",
        "  lib/broken.py  syntax error at line 1; the file was left unchanged",
        "",
        "Dry run: nothing was written. Run again with --write to change 3 files; 1 manual step remains.",
        "",
      ].join("\n"),
    );
  });

  it("after --write, points manual steps at the lines of the written files and counts failed writes", () => {
    const text = summaryText(SAMPLE, { colour: false, mode: "write", writeFailures: 1 });
    assert.match(text, /^ {2}app\/pubsub\.py:2 {2}pubsub {2}Use a PubSub object\./m);
    assert.ok(text.endsWith("\nWrote 2 files; 1 file could not be written; 1 manual step remains.\n"));
  });

  it("says when there is nothing to migrate", () => {
    assert.equal(
      summaryText(EMPTY, { colour: false, mode: "dry-run" }),
      "redis-migrate 1.2.3 · aioredis → redis.asyncio (redis-py ≥ 4.2)\n" +
        "1 file scanned, 0 parsed, 0 changed, 0 skipped\n" +
        "0 automatic changes, 0 manual steps\n\nNothing to migrate.\n",
    );
  });

  it("colours only when asked", () => {
    assert.doesNotMatch(summaryText(SAMPLE, { colour: false, mode: "dry-run" }), /\x1b\[/);
    assert.match(summaryText(SAMPLE, { colour: true, mode: "dry-run" }), /\x1b\[1mChanges by rule\x1b\[22m/);
  });

  it("colours a diff by line kind, telling a removed '-- x' line from a header", () => {
    const diff = "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1 @@\n--- x\n+b\n c\r\n\\ No newline at end of file\n";
    assert.equal(colorDiff(diff, false), diff);
    assert.equal(
      colorDiff(diff, true),
      "\x1b[1m--- a/x.py\x1b[22m\n\x1b[1m+++ b/x.py\x1b[22m\n\x1b[36m@@ -1,2 +1 @@\x1b[39m\n" +
        "\x1b[31m--- x\x1b[39m\n\x1b[32m+b\x1b[39m\n c\r\n\x1b[2m\\ No newline at end of file\x1b[22m\n",
    );
  });
});
