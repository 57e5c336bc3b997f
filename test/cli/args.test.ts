import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCliArgs, parseRedisVersion, UsageError, useColour } from "../../src/cli/args.js";
import { exitCode } from "../../src/cli/exit-code.js";
import { Progress, progressLine } from "../../src/cli/progress.js";

describe("cli/args", () => {
  it("maps redis-py versions to a target", () => {
    for (const v of ["5", "5.0", "5.0.1", "5.1", "6.4.0", "v7", "8.1.0"]) assert.equal(parseRedisVersion(v), "5.0.1", v);
    for (const v of ["4.2", "4.2.0", "4.6.0", "5.0.0"]) assert.equal(parseRedisVersion(v), "4.2", v);
  });

  it("rejects versions without redis.asyncio and non-versions", () => {
    for (const v of ["3", "4", "4.1.4", "3.5.3"]) assert.throws(() => parseRedisVersion(v), (e) => e instanceof UsageError && /first shipped in redis-py 4\.2/.test(e.message), v);
    for (const v of ["latest", "5.x", "", "5.0.1.2"]) assert.throws(() => parseRedisVersion(v), /is not a version number/, v);
  });

  it("has defaults for everything", () => {
    assert.deepEqual(parseCliArgs([]), {
      path: ".", write: false, json: false, report: undefined, target: "5.0.1", todoComments: true, quiet: false,
      color: undefined, help: false, version: false,
    });
  });

  it("reads every option", () => {
    const a = parseCliArgs(["--write", "--json", "--report", "out.md", "--redis-version", "4.2", "--no-todo-comments", "-q", "src"]);
    assert.deepEqual(
      [a.path, a.write, a.json, a.report, a.target, a.todoComments, a.quiet],
      ["src", true, true, "out.md", "4.2", false, true],
    );
  });

  it("lets the last of --color and --no-color win", () => {
    assert.equal(parseCliArgs(["--color"]).color, true);
    assert.equal(parseCliArgs(["--color", "--no-color"]).color, false);
    assert.equal(parseCliArgs(["--no-color", "--color"]).color, true);
  });

  it("rejects unknown options, two paths, and --json with --report -", () => {
    assert.throws(() => parseCliArgs(["--frobnicate"]), UsageError);
    assert.throws(() => parseCliArgs(["a", "b"]), /expected one PATH, got 2/);
    assert.throws(() => parseCliArgs(["--json", "--report", "-"]), /both want stdout/);
    assert.throws(() => parseCliArgs(["--report"]), UsageError);
  });

  it("decides colour from the flag, then NO_COLOR, FORCE_COLOR, TERM and the terminal", () => {
    assert.equal(useColour(true, { NO_COLOR: "1" }, false), true);
    assert.equal(useColour(false, {}, true), false);
    assert.equal(useColour(undefined, { NO_COLOR: "1" }, true), false);
    assert.equal(useColour(undefined, { NO_COLOR: "" }, true), true, "an empty NO_COLOR does not count");
    assert.equal(useColour(undefined, { FORCE_COLOR: "1" }, false), true);
    assert.equal(useColour(undefined, { FORCE_COLOR: "0" }, true), true);
    assert.equal(useColour(undefined, { TERM: "dumb" }, true), false);
    assert.equal(useColour(undefined, {}, false), false);
  });
});

describe("cli/exit-code", () => {
  const none = { pendingFiles: 0, manualSteps: 0, unmigratable: 0, errors: 0 };
  it("is 0 with nothing left, 1 when work remains, 2 on errors", () => {
    assert.equal(exitCode(none), 0);
    assert.equal(exitCode({ ...none, pendingFiles: 1 }), 1);
    assert.equal(exitCode({ ...none, manualSteps: 2 }), 1);
    assert.equal(exitCode({ ...none, unmigratable: 1 }), 1);
    assert.equal(exitCode({ ...none, pendingFiles: 3, errors: 1 }), 2);
  });
});

describe("cli/progress", () => {
  it("draws a bar proportional to the work done", () => {
    assert.equal(progressLine(0, 10, "files", 10), "[----------] 0/10 files");
    assert.equal(progressLine(5, 10, "files", 10), "[#####-----] 5/10 files");
    assert.equal(progressLine(10, 10, "files", 10), "[##########] 10/10 files");
    assert.equal(progressLine(0, 0, "files", 4), "[####] 0/0 files");
  });

  it("redraws at most every 80 ms but always at the end, and clears its line", () => {
    const out: string[] = [];
    let now = 1000;
    const p = new Progress((t) => out.push(t), 3, "files", () => now);
    p.update(1);
    now += 10;
    p.update(2); // too soon
    p.update(3); // the end
    p.clear();
    assert.deepEqual(out.map((t) => t.replace(/\r\x1b\[2K/, "<clear>")), [
      `<clear>${progressLine(1, 3, "files")}`,
      `<clear>${progressLine(3, 3, "files")}`,
      "<clear>",
    ]);
  });
});
