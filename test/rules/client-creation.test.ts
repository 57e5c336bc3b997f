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

describe("client-creation: one pool step per factory call", () => {
  /** The part of each step's text before its first colon, for `app["redis"] = await aioredis.<call>`. */
  const steps = (call: string): string[] =>
    runAlone(`import aioredis\n\n\nasync def start(app):\n    app["redis"] = await aioredis.${call}\n`).manualSteps.map((s) => s.what.split(":")[0]!);

  it("minsize with maxsize: the startup check only; neither: the size only; minsize=0 connects nothing", () => {
    assert.deepEqual(steps('create_redis_pool("redis://h", minsize=2, maxsize=5)'), ['Add `await app["redis"].ping()` after creating this client if startup must fail when Redis is unreachable']);
    assert.deepEqual(steps('create_pool("redis://h")'), ["Choose a size for this connection pool"]);
    assert.deepEqual(steps('create_redis_pool("redis://h", minsize=0)'), ["Choose a size for this connection pool"]);
    assert.deepEqual(steps('create_redis_pool("redis://h", maxsize=5)'), []);
    assert.deepEqual(steps('create_redis("redis://h")'), []);
  });

  it("leaves the startup check of a factory in a try body to the exceptions rule, and **options to the splat step", () => {
    const inTry = runAlone(
      'import aioredis\n\n\nasync def start(app):\n    try:\n        app["redis"] = await aioredis.create_redis_pool("redis://h", minsize=2, maxsize=5)\n    except OSError:\n        raise SystemExit("redis is down")\n',
    );
    assert.deepEqual(inTry.manualSteps, []);
    const splat = runAlone('import aioredis\n\n\nasync def start(app, options):\n    app["redis"] = await aioredis.create_redis_pool("redis://h", **options)\n');
    assert.deepEqual(splat.manualSteps.map((s) => s.what.slice(0, 29)), ["Check the keys of `**options`"]);
  });
});
