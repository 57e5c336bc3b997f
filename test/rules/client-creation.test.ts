import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { migrateFile } from "../../src/migrate/engine.js";
import { DEFAULT_OPTIONS } from "../../src/migrate/findings.js";
import clientCreation from "../../src/migrate/rules/client-creation/index.js";
import { rewriteAioredisUrl } from "../../src/migrate/rules/client-creation/url.js";

/** Runs only this rule, so what other rules do to the same file cannot hide what this one does. */
function runAlone(text: string) {
  return migrateFile({ file: "m.py", text, rules: [clientCreation] }, DEFAULT_OPTIONS);
}

describe("client-creation: aioredis 2.x forms are left to the type-references rule", () => {
  const cases = [
    'r = aioredis.from_url("redis://localhost", decode_responses=True)',
    'r = aioredis.Redis.from_url("redis://localhost")',
    'r = aioredis.Redis(host="localhost", port=6379)',
    'r = aioredis.Redis("localhost")',
    'r = aioredis.StrictRedis(connection_pool=pool)',
    'HOST = "redis"\nr = aioredis.Redis(HOST)',
  ];
  for (const line of cases) {
    it(line.split("\n").pop()!, () => {
      const text = `import aioredis\n${line}\n`;
      const result = runAlone(text);
      assert.equal(result.output, text);
      assert.deepEqual(result.changes, []);
      assert.deepEqual(result.manualSteps, []);
    });
  }

  it("does rewrite the 1.x factory next to them (the test is not vacuous)", () => {
    const result = runAlone('import aioredis\nr = await aioredis.create_redis_pool("redis://localhost")\n');
    assert.match(result.output, /r = redis\.Redis\.from_url\("redis:\/\/localhost"\)/);
  });
});

describe("client-creation: aioredis URL options", () => {
  it("maps timeout, ssl and encoding", () => {
    const r = rewriteAioredisUrl("redis://:pw@host:6380/2?timeout=1.5&ssl=true&encoding=utf-8");
    assert.equal(r.url, "rediss://:pw@host:6380/2?socket_connect_timeout=1.5&encoding=utf-8");
    assert.equal(r.decode, true);
    assert.equal(r.sslOnUnix, false);
  });

  it("drops ssl=false without changing the scheme, and folds the ssl keyword into the scheme", () => {
    assert.equal(rewriteAioredisUrl("redis://h?ssl=false&db=1").url, "redis://h?db=1");
    assert.equal(rewriteAioredisUrl("redis://h", true).url, "rediss://h");
    assert.equal(rewriteAioredisUrl("rediss://h", true).url, "rediss://h");
    assert.equal(rewriteAioredisUrl("unix:///s.sock?ssl=true").sslOnUnix, true);
  });

  it("leaves URLs without aioredis-only options byte-identical", () => {
    const param = fc.constantFrom("db=1", "password=x", "encoding=latin-1", "socket_timeout=2", "health_check_interval=5");
    fc.assert(
      fc.property(
        fc.constantFrom("redis://", "rediss://", "REDIS://", "unix://"),
        fc.stringMatching(/^[a-z0-9.:@/-]{0,20}$/),
        fc.array(param, { maxLength: 3 }),
        (scheme, rest, params) => {
          const url = scheme + rest.replace(/[?&]/g, "") + (params.length ? "?" + params.join("&") : "");
          const r = rewriteAioredisUrl(url);
          assert.equal(r.url, url);
          assert.deepEqual(r.changes, []);
        },
      ),
    );
  });
});
