import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { filesHash, parseState, reportState, stateComment } from "../../../src/report/markdown/state.js";
import { SAMPLE } from "../sample.js";

describe("report/markdown/state", () => {
  it("writes the state as JSON in an HTML comment", () => {
    const state = { schema: 1 as const, tool: "1.2.3", target: "5.0.1" as const, filesHash: "sha256:ab" };
    assert.equal(stateComment(state), '<!-- redis-migrate-state: {"schema":1,"tool":"1.2.3","target":"5.0.1","filesHash":"sha256:ab"} -->');
  });

  it("escapes what could end the comment, and reads it back", () => {
    const state = { schema: 1 as const, tool: "1--2-->x", target: "4.2" as const, filesHash: "sha256:ab" };
    const comment = stateComment(state);
    assert.equal(comment.slice(4, -4).includes("--"), false);
    assert.equal(comment.includes(">", 4) && comment.indexOf(">") === comment.length - 1, true);
    assert.deepEqual(parseState(`Some body\n\n${comment}\n`), state);
  });

  it("reads nothing from a body without state or with a malformed one", () => {
    assert.equal(parseState("no state here"), undefined);
    assert.equal(parseState('<!-- redis-migrate-state: {"schema":1,"tool":"x"} -->'), undefined);
    assert.equal(parseState('<!-- redis-migrate-state: {"schema":1,"tool":"x","target":"3","filesHash":"h"} -->'), undefined);
    assert.equal(parseState("<!-- redis-migrate-state: {not json} -->"), undefined);
  });

  it("hashes the paths and migrated texts of changed files only", () => {
    const h = filesHash(SAMPLE);
    assert.match(h, /^sha256:[0-9a-f]{64}$/);
    const plainEdited = { ...SAMPLE, files: SAMPLE.files.map((f) => (f.file === "lib/plain.py" ? { ...f, input: "y\n", output: "y\n" } : f)) };
    assert.equal(filesHash(plainEdited), h, "an unchanged file does not count");
    const mainEdited = { ...SAMPLE, files: SAMPLE.files.map((f) => (f.file === "app/main.py" ? { ...f, output: f.output + "#\n" } : f)) };
    assert.notEqual(filesHash(mainEdited), h);
    assert.deepEqual(reportState(SAMPLE), { schema: 1, tool: "1.2.3", target: "5.0.1", filesHash: h });
  });
});
