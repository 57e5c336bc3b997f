/**
 * The prefilter decides which files are parsed at all; a file it rejects is returned byte-identical. Once the
 * repository uses aioredis, a file whose only 1.x names are spellings common elsewhere too (`wait_closed`,
 * `return_exceptions=`) is parsed only if it also names something the facts could take for an aioredis object.
 * These tests check that this costs nothing: on every file it rejects, the engine run anyway (forced) changes nothing
 * and reports nothing — over the rule fixtures and differential programs turned into modules that use aioredis
 * objects without importing aioredis (as is, and with their client-like names renamed), and generated code bases.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { generateCorpus } from "../../bench/corpus.js";
import { migrateFile } from "../../src/migrate/engine.js";
import { DEFAULT_OPTIONS, type MigrationOptions } from "../../src/migrate/findings.js";
import {
  AIOREDIS_1X_DISTINCT_NAMES, AIOREDIS_1X_SHARED_SPELLINGS, CHANNEL_LIKE_NAME, CLIENT_LIKE_NAME, CLIENT_LIKE_WORD,
} from "../../src/migrate/names.js";
import { mayInvolveAioredis, namesReceiverLikeObject } from "../../src/migrate/prefilter.js";

const ROOT = join(import.meta.dirname, "..", "..");
const USES: MigrationOptions = { ...DEFAULT_OPTIONS, repositoryUsesAioredis: true };
const passes = (text: string): boolean => mayInvolveAioredis(text, USES);

describe("prefilter: which files are parsed", () => {
  const cases: [string, boolean, boolean][] = [
    // [text, repository uses aioredis, parsed]
    ["import aioredis\n", false, true],
    ["x = 1  # no longer uses aioredis\n", false, true],
    ["await x.hmset_dict('h', d)\n", false, false],
    ["await x.hmset_dict('h', d)\n", true, true],
    ["ok = await x.set('k', 1, exist=x.SET_IF_NOT_EXIST)\n", true, true],
    ["async for k in thing.iscan(match='a*'):\n    pass\n", true, true],
    // shared spellings: parsed only with a receiver-like name
    ["writer.close()\nawait writer.wait_closed()\n", true, false],
    ["results = await asyncio.gather(*tasks, return_exceptions=True)\nreturn [r for r in results]\n", true, false],
    ["data = request.get_json()\n", true, false],
    ["pool = await asyncpg.create_pool(dsn)\n", true, false],
    ["# stored in the cache. We retry\nawait writer.wait_closed()\n", true, false],
    ['"""Kept in the client. Then"""\nawait server.wait_closed()\n', true, false],
  ];
  for (const [text, uses, parsed] of cases) {
    it(`${JSON.stringify(text)}${uses ? " (repository uses aioredis)" : ""} → ${parsed ? "parsed" : "left alone"}`, () => {
      assert.equal(mayInvolveAioredis(text, { repositoryUsesAioredis: uses }), parsed);
    });
  }

  // Each of these is parsed because of its receiver-like name alone, and the engine does migrate it.
  const receiverCases = [
    "redis.close()\nawait redis.wait_closed()\n",
    "self._redis.close()\nawait self._redis.wait_closed()\n",
    "await app['redis'].wait_closed()\n",
    'await request.app["cache"].set("k", "v", expire=5)\n',
    "await get_redis().zadd('k', 1, 'm')\n",
    "await (redis\n    .set('k', 1, expire=3))\n",
    "async def f(pool):\n    with await pool as c:\n        await c.set('k', 1, expire=3)\n",
    "async def f(self):\n    with (await self.pool) as c:\n        await c.zadd('k', 1, 'm')\n",
    "async def f(ch):\n    msg = await ch.get_json()\n",
    "async def f(tx):\n    await tx.execute(return_exceptions=True)\n",
    "async def f(feed):\n    news, = await feed.subscribe('news')\n    async for m in news.iter():\n        print(dict(message_id=m))\n",
  ];
  for (const text of receiverCases) {
    it(`${JSON.stringify(text)} (repository uses aioredis) → parsed, and migrated`, () => {
      assert.equal(passes(text), true);
      const forced = migrateFile({ file: "m.py", text, forceParse: true }, USES);
      assert.ok(forced.output !== text || forced.manualSteps.length > 0, "the engine acts on it");
    });
  }

  it("a receiver right after a sentence that looked like one still counts", () => {
    assert.equal(passes("# kept in the cache. Redis.from_url('x').get_json = 1\nawait redis_conn.wait_closed()\n"), true);
    assert.equal(namesReceiverLikeObject("# in the cache. Redis.from_url(u)\n"), true);
    assert.equal(namesReceiverLikeObject("# in the cache. We retry\n"), false);
  });

  it("a distinct 1.x name after a shared spelling on the same line still counts", () => {
    assert.equal(passes("await writer.wait_closed(); x.hmset_dict('h', d)\n"), true);
    assert.equal(passes("f(return_exceptions=x.multi_exec())\n"), true);
  });

  it("keeps the shared spellings and the distinct names apart", () => {
    const shared = new Set<string>(AIOREDIS_1X_SHARED_SPELLINGS);
    assert.deepEqual(AIOREDIS_1X_DISTINCT_NAMES.filter((n) => shared.has(n)), []);
    for (const name of AIOREDIS_1X_DISTINCT_NAMES) assert.equal(passes(`value = thing.${name}\n`), true, name);
    for (const spelling of AIOREDIS_1X_SHARED_SPELLINGS) assert.equal(passes(`value = thing.${spelling}\n`), false, spelling);
  });
});

describe("prefilter: receiver-like names agree with the facts' and the pub/sub rule's name tests", () => {
  const alternatives = (re: RegExp): string[] => re.source.replace(/^\^\(|\)\$$/g, "").split("|");
  const spellings = (re: RegExp): string[] =>
    alternatives(re)
      .flatMap((alt) => [alt.replaceAll("\\w*", ""), alt.replaceAll("\\w*", "x_1"), alt.toUpperCase().replaceAll("\\W*", "")])
      .filter((name) => re.test(name)); // `\w*_redis` without its prefix is `_redis`, still a match

  it("accepts every alternative of the two name patterns, in each position a rule asks about", () => {
    for (const name of spellings(CLIENT_LIKE_NAME)) {
      assert.equal(namesReceiverLikeObject(`await ${name}.wait_closed()\n`), true, `${name}.`);
      assert.equal(namesReceiverLikeObject(`with await self.${name} as c:\n    pass\n`), true, `await ${name}`);
      assert.equal(namesReceiverLikeObject(`app["${name}"].get()\n`), true, `["${name}"].`);
    }
    for (const name of spellings(CHANNEL_LIKE_NAME)) {
      assert.equal(namesReceiverLikeObject(`msg = await ${name}.get_json()\n`), true, `${name}.get_json`);
      assert.equal(namesReceiverLikeObject(`async for m in ${name} \\\n        .iter():\n    pass\n`), true, `${name}.iter`);
      // the pub/sub rule reads only plain names as channels
      if (!CLIENT_LIKE_NAME.test(name)) assert.equal(namesReceiverLikeObject(`msg = await self.${name}.get_json()\n`), false, `self.${name}`);
    }
  });

  it("agrees with them on any identifier before a method, and so does the pattern regions/ scans with (fast-check)", () => {
    // inside an identifier there is no word boundary: a match anywhere is a match of the whole name
    const clientWord = new RegExp(CLIENT_LIKE_WORD, "i");
    const piece = fc.constantFrom("r", "rc", "redis", "_", "x", "my", "client", "ch", "chan", "channel", "sub", "pool",
      "db", "red", "tr", "store", "cache", "conn", "ection", "1", "writer", "s", "pipe", "line", "broker", "a", "scription");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.constantFrom("get", "items", "iter", "get_json"), (parts, method) => {
        const name = parts.join("");
        fc.pre(/^[A-Za-z_]\w*$/.test(name));
        const channelMethod = method === "iter" || method === "get_json";
        const expected = CLIENT_LIKE_NAME.test(name) || (channelMethod && CHANNEL_LIKE_NAME.test(name));
        assert.equal(namesReceiverLikeObject(`value = await ${name}.${method}("k")\n`), expected, `${name}.${method}`);
        assert.equal(clientWord.test(name), CLIENT_LIKE_NAME.test(name), `${name} (client-like)`);
      }),
      { seed: 77, numRuns: 4000 },
    );
  });
});

/** A module that uses aioredis objects without importing aioredis: its imports dropped, other mentions renamed. */
function withoutAioredis(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((line) => !/^\s*(?:import|from)\s+aioredis\b/.test(line))
    .join("")
    .replaceAll("aioredis", "legacy");
}

/** Every name the facts or the pub/sub rule could take for an aioredis object, renamed. */
function receiverNamesRenamed(text: string): string {
  return text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => (CLIENT_LIKE_NAME.test(name) || CHANNEL_LIKE_NAME.test(name) ? `thing_${name.length}` : name));
}

describe("prefilter: a file left alone is one the engine would not change", () => {
  const repository = execFileSync("git", ["ls-files", "*.py"], { cwd: ROOT, encoding: "utf8" })
    .trim()
    .split("\n")
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }));
  const generated = [0.3, 1].flatMap((share, i) =>
    generateCorpus({ seed: 31 + i, minChars: 400_000, aioredisShare: share, streamShare: 0.1, gatherShare: 0.1 }),
  );
  // every file gets a shared spelling, so that whatever else it holds is checked too
  const withSharedSpelling = (text: string): string =>
    AIOREDIS_1X_SHARED_SPELLINGS.some((s) => text.includes(s)) ? text : `${text}\n\nasync def _closed(writer):\n    await writer.wait_closed()\n`;
  const variants = [...repository, ...generated].flatMap((f) => {
    const plain = withSharedSpelling(withoutAioredis(f.text));
    return [{ path: f.path, text: plain }, { path: `${f.path} (names renamed)`, text: receiverNamesRenamed(plain) }];
  });
  const sharedOnly = variants.filter((f) => AIOREDIS_1X_SHARED_SPELLINGS.some((s) => f.text.includes(s)) && !AIOREDIS_1X_DISTINCT_NAMES.some((n) => f.text.includes(n)));

  for (const target of ["5.0.1", "4.2"] as const) {
    it(`holds on every file with only shared 1.x spellings (target ${target})`, () => {
      const options: MigrationOptions = { ...USES, target };
      let rejected = 0;
      let parsedAndChanged = 0;
      const wrong: string[] = [];
      for (const f of sharedOnly) {
        const forced = migrateFile({ file: f.path, text: f.text, forceParse: true }, options);
        const acts = forced.output !== f.text || forced.manualSteps.length > 0;
        if (passes(f.text)) {
          if (acts) parsedAndChanged++;
          continue;
        }
        rejected++;
        if (acts) wrong.push(`${f.path}: ${[...forced.changes.map((c) => c.ruleId), ...forced.manualSteps.map((s) => s.ruleId)].join(", ")}`);
      }
      assert.deepEqual(wrong, [], "files left alone that the engine changes or reports on");
      // both sides are exercised: many files left alone, and many that only pass because of a receiver-like name
      assert.ok(rejected >= 100, `left alone: ${rejected} of ${sharedOnly.length}`);
      assert.ok(parsedAndChanged >= 30, `parsed and changed: ${parsedAndChanged}`);
    });
  }
});
