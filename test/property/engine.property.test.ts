/**
 * Properties of the whole engine over generated Python files (fast-check, seeded: PROPERTY_SEED overrides the seed,
 * PROPERTY_RUNS the number of cases; a failure prints the seed, the path and the shrunk file).
 *
 * Files are assembled from fragments: aioredis 1.x/2.x idioms, unrelated code, comments, blank lines, with spaces
 * (4 or 2) or tabs, LF or CRLF, an optional BOM, an optional final newline, and non-ASCII text (including astral
 * characters, which take two UTF-16 code units).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { migrateFile } from "../../src/migrate/engine.js";
import { DEFAULT_OPTIONS, type FileMigration, type MigrationOptions } from "../../src/migrate/findings.js";
import { AIOREDIS_1X_ONLY_NAMES } from "../../src/migrate/names.js";
import { countSyntaxErrors, parsePython } from "../../src/migrate/parser.js";
import { todoText } from "../../src/migrate/todo.js";

const SEED = Number(process.env.PROPERTY_SEED ?? 424242);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 120);
const params = (numRuns = RUNS): fc.Parameters<unknown> => ({ seed: SEED, numRuns, includeErrorInReport: true });

/** Everything the prefilter looks for: files without any of these must not even be parsed. */
const PREFILTER_NAMES = ["aioredis", ...AIOREDIS_1X_ONLY_NAMES];

// ---------------------------------------------------------------------------------------------------------------
// Fragments. Lines are written with 4-space indentation; rendering turns each level into the file's indent unit.

/** Statements for the body of an `async def f(redis, app)` in a module that imports aioredis. */
const AIOREDIS_BODY: readonly string[] = [
  'redis = await aioredis.create_redis_pool("redis://localhost", minsize=1, maxsize=10, encoding="utf-8")',
  'redis = await aioredis.create_redis(("localhost", 6379), db=2)',
  'conn = await aioredis.create_connection("redis://localhost/0")\nawait conn.execute("PING")',
  'await redis.set("greeting", "grüß dich 🚀", expire=10)',
  'value = await redis.get("greeting", encoding="utf-8")',
  'await redis.hmset_dict("user:1", {"name": "Zoë", "city": "東京"})',
  'tr = redis.multi_exec()\ntr.set("a", 1)\ntr.incr("b")\nresult = await tr.execute()',
  'pipe = redis.pipeline()\nfut = pipe.get("a")\npipe.incr("hits")\nawait pipe.execute()\nfirst = await fut',
  "redis.close()\nawait redis.wait_closed()",
  'with await redis as conn:\n    await conn.execute("SET", "k", "v")',
  'try:\n    await redis.get("k")\nexcept aioredis.errors.ReplyError as exc:\n    print(f"failed: {exc}")',
  "try:\n    await redis.ping()\nexcept (aioredis.ConnectionClosedError, aioredis.PoolClosedError):\n    pass",
  'ch, = await redis.subscribe("news")\nwhile await ch.wait_message():\n    msg = await ch.get_json()\n    print(msg)',
  'await redis.publish_json("news", {"title": "naïve café"})',
  'async for key in redis.iscan(match="user:*"):\n    await redis.delete(key)',
  'ok = await redis.set("lock", "1", expire=30, exist=redis.SET_IF_NOT_EXIST)',
  'await redis.zadd("scores", 1.5, "alice")',
  'reply = await redis.execute("GET", "k")',
  'app["redis"] = await aioredis.create_redis_pool(app["config"]["url"])',
  'await app["redis"].hmset_dict("h", {"a": "b"})',
  'r: aioredis.Redis = app["redis"]\nawait r.set("x", 1, pexpire=500)',
  "if isinstance(redis, aioredis.Redis):\n    await redis.flushdb()",
  'client = aioredis.from_url("redis://localhost", decode_responses=True)\nawait client.set("a", "b")',
  'channel: aioredis.Channel = (await redis.subscribe("c"))[0]',
  'await redis.hmset("h", "field", "value")',
  // layouts that rewrites must survive: comments inside arguments, one-line blocks, semicolons, continuations
  'await redis.set(\n    "k",  # the key\n    "v",\n    expire=5,  # seconds\n)',
  'tr = redis.multi_exec()\n# queue two commands\ntr.incr("a")\ntr.incr("b")  # second\nawait tr.execute()',
  "if redis: redis.close()",
  "redis.close(); await redis.wait_closed()",
  'value = \\\n    await redis.get("k", encoding="utf-8")',
  'print("still using aioredis here", redis)',
  'pool = await aioredis.create_pool(("localhost", 6379), minsize=2)\nwith await pool as conn:\n    # inside the block\n    await conn.execute("PING")\npool.close()\nawait pool.wait_closed()',
];

/** Statements without aioredis (nor any name the prefilter looks for). */
const PLAIN_BODY: readonly string[] = [
  "total = sum(x * 2 for x in range(10))",
  'message = f"héllo {total!r} — {len(message) if False else 0:>4} 🎉"',
  'data = {"naïve": "café", "emoji": "🚀", "tab": "a\\tb"}',
  "items = sorted(data.items(), key=lambda kv: kv[1])",
  'if total > 3:\n    print("big")\nelif total:\n    print("small")\nelse:\n    pass',
  "for i, (k, v) in enumerate(data.items()):\n    print(i, k, v)",
  'text = """multi\nline ünïcode string\n    with indentation kept"""',
  "while False:\n    break",
  "cache = {}\ncache.get(\"x\")",
  'assert isinstance(data, dict), "data must be a dict"',
  "result = [n for n in range(5) if n % 2]  # trailing comment ✓",
  'await asyncio.sleep(0)',
  'async with lock:\n    counter = 1',
  'raw = b"bytes \\x00\\xff"',
  'path = r"C:\\temp\\new"',
];

/** Top-level definitions without aioredis. */
const PLAIN_TOP: readonly string[] = [
  "import os\nimport json",
  "from typing import Any, Dict, Optional",
  'DEFAULT_NAME = "Ångström"',
  "def helper(x: int, y: int = 2) -> int:\n    return x + y",
  '@functools.lru_cache(maxsize=None)\ndef cached(n):\n    """Docstring with ümlauts and 🐍."""\n    return n * n',
  'class Settings:\n    """Configuration."""\n\n    url: str = "http://example.com"\n\n    def describe(self) -> str:\n        return f"{self.url}"',
  "async def fetch(session, url):\n    async with session.get(url) as resp:\n        return await resp.json()",
  'if __name__ == "__main__":\n    print("running")',
];

const COMMENTS: readonly string[] = ["a note", "ça marche", "🚀 launch", "see ticket #12", "TODO: later", "x = 1  (not code)"];

for (const f of [...PLAIN_BODY, ...PLAIN_TOP, ...COMMENTS]) {
  const hit = PREFILTER_NAMES.find((n) => f.includes(n));
  if (hit) throw new Error(`test fragment ${JSON.stringify(f)} contains the prefilter name ${hit}: change the fragment`);
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

interface Line {
  readonly level: number;
  /** Without indentation; "" is a blank line; comments start with "#". */
  readonly text: string;
}

const linesOf = (fragment: string, level: number): Line[] =>
  fragment.split("\n").map((l) => {
    const m = /^( {4})*/.exec(l)![0];
    return { level: level + m.length / 4, text: l.slice(m.length) };
  });

/** Inside triple-quoted strings the text is content: lines of `text = """…"""` keep their own spaces. */
const fragmentLines = (fragment: string, level: number): Line[] =>
  fragment.includes('"""') && fragment.includes("\n") && !fragment.startsWith("class") && !fragment.startsWith("@")
    ? fragment.split("\n").map((l, i) => ({ level: i === 0 ? level : -1, text: l }))
    : linesOf(fragment, level);

type Item = { kind: "code"; fragment: string } | { kind: "comment" } | { kind: "blank" };

const bodyItem = (withAioredis: boolean): fc.Arbitrary<Item> =>
  fc.oneof(
    { weight: withAioredis ? 5 : 0, arbitrary: fc.constantFrom(...AIOREDIS_BODY).map((fragment) => ({ kind: "code" as const, fragment })) },
    { weight: 3, arbitrary: fc.constantFrom(...PLAIN_BODY).map((fragment) => ({ kind: "code" as const, fragment })) },
    { weight: 1, arbitrary: fc.constant({ kind: "comment" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "blank" as const }) },
  );

type Top =
  | { kind: "function"; name: string; items: Item[] }
  | { kind: "code"; fragment: string }
  | { kind: "comment" }
  | { kind: "blank" };

const topItem = (withAioredis: boolean): fc.Arbitrary<Top> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("function" as const),
        name: fc.constantFrom("handler", "setup", "worker", "größe", "main"),
        items: fc.array(bodyItem(withAioredis), { minLength: 1, maxLength: 6 }),
      }),
    },
    { weight: 2, arbitrary: fc.constantFrom(...PLAIN_TOP).map((fragment) => ({ kind: "code" as const, fragment })) },
    { weight: 1, arbitrary: fc.constant({ kind: "comment" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "blank" as const }) },
  );

interface Style {
  readonly indent: "    " | "  " | "\t";
  readonly newline: "\n" | "\r\n";
  readonly bom: boolean;
  readonly finalNewline: boolean;
}

const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom("    " as const, "  " as const, "\t" as const),
  newline: fc.constantFrom("\n" as const, "\r\n" as const),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

/** Renders a module; every comment gets a unique number so its survival can be checked one by one. */
function render(tops: readonly Top[], header: readonly string[], s: Style): string {
  const lines: Line[] = header.map((text) => ({ level: 0, text }));
  for (const t of tops) {
    if (t.kind === "blank") lines.push({ level: 0, text: "" });
    else if (t.kind === "comment") lines.push({ level: 0, text: "#" });
    else if (t.kind === "code") lines.push({ level: 0, text: "" }, ...fragmentLines(t.fragment, 0));
    else {
      lines.push({ level: 0, text: "" }, { level: 0, text: `async def ${t.name}(redis, app, lock):` });
      let code = false;
      for (const item of t.items) {
        if (item.kind === "blank") lines.push({ level: 1, text: "" });
        else if (item.kind === "comment") lines.push({ level: 1, text: "#" });
        else {
          lines.push(...fragmentLines(item.fragment, 1));
          code = true;
        }
      }
      if (!code) lines.push({ level: 1, text: "pass" });
    }
  }
  let n = 0;
  const text = lines
    .map((l) => {
      if (l.level < 0) return l.text;
      const body = l.text === "#" ? `# ${COMMENTS[n % COMMENTS.length]} [c${n++}]` : l.text;
      return body === "" ? "" : s.indent.repeat(l.level) + body;
    })
    .join(s.newline);
  return (s.bom ? "\uFEFF" : "") + text + (s.finalNewline ? s.newline : "");
}

const options: fc.Arbitrary<MigrationOptions> = fc.record({
  target: fc.constantFrom("5.0.1" as const, "4.2" as const),
  todoComments: fc.boolean(),
  repositoryUsesAioredis: fc.boolean(),
});

const aioredisModule = fc
  .record({
    header: fc.constantFrom(
      ["import asyncio", "import aioredis"],
      ["import asyncio", "import functools", "import aioredis", "from aioredis.errors import ReplyError"],
      ["# -*- coding: utf-8 -*-", "import asyncio", "import aioredis"],
      ['"""Module docstring — ünïcode."""', "import asyncio", "", "import aioredis"],
      ["import aioredis", "import asyncio"],
      ["from aioredis import Redis", "import aioredis", "import asyncio"],
      ["import aioredis.util", "import asyncio", "import aioredis"],
    ),
    tops: fc.array(topItem(true), { minLength: 1, maxLength: 5 }),
    style,
    options,
  })
  .map((r) => ({ text: render(r.tops, r.header, r.style), style: r.style, options: r.options }));

const plainModule = fc
  .record({
    header: fc.constantFrom(["import asyncio"], ["import asyncio", "import functools"], ["# -*- coding: utf-8 -*-", "import asyncio"]),
    tops: fc.array(topItem(false), { minLength: 1, maxLength: 6 }),
    style,
    options,
  })
  .map((r) => ({ text: render(r.tops, r.header, r.style), style: r.style, options: r.options }));

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const lines = (text: string): string[] => text.replace(/^\uFEFF/, "").split("\n").map((l) => l.replace(/\r$/, ""));
const commentLines = (text: string): string[] => lines(text).map((l) => l.trim()).filter((l) => l.startsWith("#"));
const syntaxErrors = (text: string): number => countSyntaxErrors(parsePython(text));

function migrate(text: string, opts: MigrationOptions): FileMigration {
  return migrateFile({ file: "generated.py", text }, opts);
}

/** Whether `needles` occur in `hay` in order (not necessarily next to each other). */
function isSubsequence(needles: readonly string[], hay: readonly string[]): string | null {
  let at = 0;
  for (const n of needles) {
    while (at < hay.length && hay[at] !== n) at++;
    if (at === hay.length) return n;
    at++;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------

describe("engine properties over generated files", () => {
  it("generated modules parse (the generator is sound)", () => {
    fc.assert(
      fc.property(fc.oneof(aioredisModule, plainModule), ({ text }) => {
        assert.equal(syntaxErrors(text), 0, text);
      }),
      params(60),
    );
  });

  it("(a) idempotence: migrating the output again changes nothing", () => {
    fc.assert(
      fc.property(aioredisModule, ({ text, options: opts }) => {
        const first = migrate(text, opts);
        const second = migrate(first.output, opts);
        assert.equal(second.output, first.output);
      }),
      params(),
    );
  });

  it("(b) files without any aioredis-related text are byte-identical and not parsed", () => {
    fc.assert(
      fc.property(plainModule, ({ text, options: opts }) => {
        assert.ok(!PREFILTER_NAMES.some((n) => text.includes(n)), "generator: no prefilter name");
        const r = migrate(text, opts);
        assert.equal(r.parsed, false);
        assert.equal(r.output, text);
        assert.deepEqual([r.changes.length, r.manualSteps.length], [0, 0]);
      }),
      params(),
    );
  });

  it("(c) the output parses whenever the input parsed", () => {
    fc.assert(
      fc.property(aioredisModule, ({ text, options: opts }) => {
        assert.equal(syntaxErrors(text), 0, "generator: input parses");
        const r = migrate(text, opts);
        assert.equal(r.parsed, true);
        assert.equal(syntaxErrors(r.output), 0);
      }),
      params(),
    );
  });

  it("(d) what lies outside the reported changes is preserved: comments, untouched lines, newlines, BOM", () => {
    fc.assert(
      fc.property(aioredisModule, ({ text, style: s, options: opts }) => {
        const r = migrate(text, opts);
        const out = r.output;
        // every comment of the input is still there (unique numbers: one by one)
        const outComments = new Set(commentLines(out));
        for (const c of commentLines(text)) assert.ok(outComments.has(c), `comment ${JSON.stringify(c)} kept`);
        // new comments are only TODOs
        const inComments = new Set(commentLines(text));
        for (const c of commentLines(out)) assert.ok(inComments.has(c) || c.startsWith("# TODO(redis-migrate): "), `new comment ${c}`);
        // the input lines outside every change's original range appear in the output, in order
        const input = lines(text);
        const changed = new Set<number>();
        for (const c of r.changes) for (let l = c.originalLine; l <= c.originalEndLine; l++) changed.add(l);
        const untouched = input.filter((_, i) => !changed.has(i + 1));
        const missing = isSubsequence(untouched, lines(out));
        assert.equal(missing, null, `untouched line ${JSON.stringify(missing)} kept in order`);
        // newline style, BOM, final newline
        if (s.newline === "\r\n") assert.ok(!/(^|[^\r])\n/.test(out), "CRLF only");
        else assert.ok(!out.includes("\r"), "LF only");
        assert.equal(out.startsWith("\uFEFF"), s.bom, "BOM kept first");
        assert.equal(out.indexOf("\uFEFF", 1), -1, "no BOM elsewhere");
        if (!changed.has(input.length)) assert.equal(out.endsWith(s.newline), text.endsWith(s.newline), "final newline kept as it was");
      }),
      params(),
    );
  });

  it("(e) changes and manual steps point at lines of the files, and their snippets are those lines", () => {
    fc.assert(
      fc.property(aioredisModule, ({ text, options: opts }) => {
        const r = migrate(text, opts);
        // lines without the BOM: reports never show it
        const input = lines(text);
        const output = lines(r.output);
        for (const c of r.changes) {
          const where = `change ${c.ruleId} ${c.originalLine}-${c.originalEndLine} → ${c.line}-${c.endLine}`;
          assert.ok(1 <= c.originalLine && c.originalLine <= c.originalEndLine && c.originalEndLine <= input.length, where);
          assert.ok(1 <= c.line && c.line <= c.endLine && c.endLine <= output.length, where);
          assert.equal(c.before, input.slice(c.originalLine - 1, c.originalEndLine).join("\n"), `${where}: before`);
          if (c.after !== "") assert.equal(c.after, output.slice(c.line - 1, c.endLine).join("\n"), `${where}: after`);
          assert.ok(c.why.length > 0, `${where}: why`);
        }
        for (const m of r.manualSteps) {
          const where = `step ${m.ruleId} ${m.originalLine} → ${m.line}: ${m.what}`;
          assert.ok(1 <= m.originalLine && m.originalLine <= input.length, where);
          assert.ok(1 <= m.line && m.line <= output.length, where);
          assert.ok(!output[m.line - 1]!.trim().startsWith("# TODO(redis-migrate)"), `${where}: points below its TODO`);
          if (opts.todoComments) {
            const above: string[] = [];
            for (let l = m.line - 2; l >= 0 && output[l]!.trim().startsWith("#"); l--) above.push(output[l]!.trim());
            assert.ok(above.includes(todoText(m.what)), `${where}: TODO comment right above`);
          }
        }
      }),
      params(),
    );
  });

  it("(f) the rules see the same module through the blanked view as through the whole parse", () => {
    fc.assert(
      fc.property(aioredisModule, ({ text, options: opts }) => {
        const viewed = migrateFile({ file: "generated.py", text }, opts);
        const whole = migrateFile({ file: "generated.py", text, wholeModule: true }, opts);
        assert.equal(viewed.output, whole.output);
        assert.deepEqual(viewed.changes, whole.changes);
        assert.deepEqual(viewed.manualSteps, whole.manualSteps);
      }),
      params(),
    );
  });
});
