import assert from "node:assert/strict";
import { test } from "node:test";
import { isCommand, parseCommand } from "../../src/jobs/command.js";

test("what counts as a command", () => {
  assert.equal(isCommand("/redis-migrate"), true);
  assert.equal(isCommand("  /redis-migrate dry-run"), true);
  assert.equal(isCommand("/redis-migrate\nplease"), true);
  assert.equal(isCommand("/redis-migrated"), false);
  assert.equal(isCommand("please /redis-migrate"), false);
  assert.equal(isCommand(""), false);
  assert.equal(isCommand(null), false);
});

test("the three forms; anything else on the first line is not guessed at", () => {
  assert.deepEqual(parseCommand("/redis-migrate"), { ok: true, kind: "run" });
  assert.deepEqual(parseCommand("/redis-migrate\r\nwe need this before Friday"), { ok: true, kind: "run" });
  assert.deepEqual(parseCommand("/redis-migrate  dry-run "), { ok: true, kind: "dry-run" });
  assert.deepEqual(parseCommand("/redis-migrate Recreate"), { ok: true, kind: "recreate" });
  assert.deepEqual(parseCommand("/redis-migrate dryrun"), { ok: false, given: "dryrun" });
  assert.deepEqual(parseCommand("/redis-migrate recreate now"), { ok: false, given: "recreate now" });
});
