import assert from "node:assert/strict";
import { it } from "node:test";
import { migrateFile } from "../../src/migrate/engine.js";
import { DEFAULT_OPTIONS } from "../../src/migrate/findings.js";

it("locates each change in the migrated file even when an earlier rewrite of the same round added lines", () => {
  const input = [
    "import aioredis",
    "",
    "",
    "async def f(r: aioredis.Redis):",
    '    a, = await r.subscribe("x")',
    '    b, = await r.subscribe("y")',
    "    return a, b",
    "",
  ].join("\n");
  const result = migrateFile({ file: "f.py", text: input }, DEFAULT_OPTIONS);
  const out = result.output.split("\n");
  const subscribes = result.changes.filter((c) => c.ruleId === "pubsub-channels");
  assert.equal(subscribes.length, 2);
  for (const c of subscribes) {
    const name = c.before.includes('"x"') ? "a" : "b";
    assert.equal(out[c.line - 1]!.trim(), `${name} = r.pubsub()`, `line ${c.line} of the output`);
    assert.equal(c.after, out.slice(c.line - 1, c.endLine).join("\n"));
    assert.equal(c.before, input.split("\n")[c.originalLine - 1]);
  }
});

it("a finding inside a block the WATCH rewrite re-indents keeps its own original line", () => {
  const input = [
    "import aioredis",
    "",
    "",
    "async def reserve(redis, seats, user):",
    "    await redis.watch(seats)",
    "    free = int(await redis.get(seats))",
    "    tr = redis.multi_exec()",
    "    tr.set(seats, free - 1)",
    '    tr.rpush("holders", user)',
    "    try:",
    "        await tr.execute()",
    "    except aioredis.WatchVariableError:",
    "        return False",
    "    return True",
    "",
  ].join("\n");
  const result = migrateFile({ file: "f.py", text: input }, DEFAULT_OPTIONS);
  assert.ok(result.output.includes("async with redis.pipeline(transaction=True) as"), result.output);
  const handler = result.manualSteps.find((m) => m.ruleId === "exceptions");
  assert.ok(handler, JSON.stringify(result.manualSteps));
  // the call it is about, not the first line of the re-indented block (`await redis.watch(seats)`, line 5); the TODO
  // goes above its handler
  assert.equal(input.split("\n")[handler.originalLine - 1]!.trim(), "await tr.execute()");
  assert.match(result.output.split("\n")[handler.line - 1]!.trim(), /^except .*WatchError:$/);
});
