/**
 * The execute-command rule flags raw commands whose reply redis-py's response callbacks convert. The table must
 * match redis-py: every listed command has a callback, and every single-word command with a shape-changing
 * callback is listed. Read from Debian's redis-py 4.3.4 with /usr/bin/python3; a missing interpreter fails.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { CONVERTED_REPLIES } from "../../../src/migrate/rules/execute-command/replies.js";

/** Callbacks that leave a RESP2 reply as it is when `execute_command` passes no options. */
const SHAPE_KEEPING = new Set(["int", "int_or_none", "zset_score_pairs", "sort_return_tuples", "parse_zadd"]);
/** Single-word lambdas that keep the reply: `r and r or None` (RANDOMKEY), `int` or `"OK"` test on ints (LPUSH, RPUSH). */
const SHAPE_KEEPING_COMMANDS = new Set(["RANDOMKEY", "LPUSH", "RPUSH"]);

function callbacks(): Record<string, string> {
  const r = spawnSync(
    "/usr/bin/python3",
    ["-c", "import json, redis.asyncio as r\nprint(json.dumps({k: getattr(v, '__name__', '') for k, v in r.Redis.RESPONSE_CALLBACKS.items()}))"],
    { encoding: "utf8", timeout: 30_000 },
  );
  assert.equal(r.status, 0, `/usr/bin/python3 cannot read redis-py's callbacks: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout) as Record<string, string>;
}

describe("execute-command converted replies", () => {
  const cb = callbacks();
  it("lists only commands that have a response callback", () => {
    const unknown = [...CONVERTED_REPLIES.keys()].filter((c) => !(c in cb));
    assert.deepEqual(unknown, []);
  });
  it("lists every single-word command whose callback changes the reply", () => {
    const changing = Object.entries(cb)
      .filter(([name, fn]) => !name.includes(" ") && !SHAPE_KEEPING.has(fn) && !SHAPE_KEEPING_COMMANDS.has(name))
      .map(([name]) => name)
      .filter((name) => !CONVERTED_REPLIES.has(name));
    assert.deepEqual(changing.sort(), []);
  });
});
