/**
 * The engine parses only the statements that can involve aioredis (src/migrate/regions/). These tests check the
 * two things that must hold for that to be invisible: the lexical scan splits modules exactly where tree-sitter
 * does and counts the same names, and the migration through the blanked view equals the migration of the whole
 * module, on every Python file of the repository (rule fixtures, differential programs, the example) and on
 * generated real-looking code bases (the benchmark's generator), for both targets.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { generateCorpus } from "../../bench/corpus.js";
import { migrateFile } from "../../src/migrate/engine.js";
import { ModuleFacts } from "../../src/migrate/facts.js";
import { DEFAULT_OPTIONS, type MigrationOptions } from "../../src/migrate/findings.js";
import { parsePython } from "../../src/migrate/parser.js";
import { moduleRegions } from "../../src/migrate/regions/index.js";
import { splitTopLevel } from "../../src/migrate/regions/scan.js";
import { SourceText } from "../../src/migrate/source.js";

const ROOT = join(import.meta.dirname, "..", "..");
const KEYWORDS = new Set(("False None True and as assert async await break class continue def del elif else except " +
  "finally for from global if import in is lambda nonlocal not or pass raise return try while with yield print exec").split(" "));

interface PyFile {
  readonly path: string;
  readonly text: string;
}

const repositoryFiles = (): PyFile[] =>
  execFileSync("git", ["ls-files", "*.py"], { cwd: ROOT, encoding: "utf8" })
    .trim()
    .split("\n")
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8").replace(/^\uFEFF/, "") }));

const generated = (seed: number, share: number): PyFile[] =>
  generateCorpus({ seed, minChars: 300_000, aioredisShare: share, streamShare: 0.05 }).map((f) => ({
    path: f.path,
    text: f.text.replace(/^\uFEFF/, ""),
  }));

describe("regions: the lexical split of a module", () => {
  const files = [...repositoryFiles(), ...generated(5, 0.5)];

  it("starts a chunk exactly where tree-sitter starts a top-level statement, and counts the same names", () => {
    let checked = 0;
    for (const f of files) {
      const tree = parsePython(f.text);
      if (tree.rootNode.hasError) continue;
      checked++;
      const tops = tree.rootNode.namedChildren.filter((c) => c.type !== "comment").map((c) => c.startIndex);
      const chunks = splitTopLevel(f.text);
      assert.deepEqual(chunks.slice(1).map((c) => c.start), tops.slice(1), `${f.path}: statement starts`);
      assert.equal(chunks[chunks.length - 1]!.end, f.text.length);
      const scanned = new Set(chunks.flatMap((c) => [...c.identifiers]));
      const parsed = new ModuleFacts(tree, new SourceText(f.text)).usedNames;
      assert.deepEqual([...parsed].filter((n) => !scanned.has(n)), [], `${f.path}: names the scan missed`);
      assert.deepEqual([...scanned].filter((n) => !parsed.has(n) && !KEYWORDS.has(n)), [], `${f.path}: names the parse does not have`);
    }
    assert.ok(checked > 500, `checked ${checked} files`);
  });

  it("handles the lexical corners: strings, f-strings, continuations, decorators, clauses, keyword arguments", () => {
    const text = [
      '"""Docstring with\nimport aioredis\nat column 0."""',
      "@decorator(x=1)",
      "@other",
      "def f(a, b=2, *, c=3):",
      "    s = f'{a!r:>{b}} {c[\"k\"]}' + rb'\\'' + '''",
      "x = 1",
      "'''",
      "    return g(key=a, **kw) \\",
      "        + 1",
      "if a:",
      "    pass",
      "elif b:",
      "    pass",
      "else:",
      "    pass",
      "try:",
      "    pass",
      "except E:",
      "    pass",
      "finally:",
      "    pass",
      "total = (1 +",
      "2)",
      "",
    ].join("\n");
    const chunks = splitTopLevel(text);
    const firstLines = chunks.map((c) => text.slice(c.start, c.end).split("\n")[0]);
    assert.deepEqual(firstLines, ['"""Docstring with', "@decorator(x=1)", "if a:", "try:", "total = (1 +"]);
    assert.equal(chunks[1]!.defines, "f");
    assert.equal(chunks[4]!.defines, "total");
    assert.equal(chunks[4]!.definesLiteral, true);
    const names = chunks[1]!.identifiers;
    for (const n of ["decorator", "other", "f", "a", "b", "c", "s", "g", "kw"]) assert.ok(names.has(n), n);
    for (const n of ["x", "key", "k"]) assert.ok(!names.has(n), n);
  });
});

describe("regions: what the rules need", () => {
  const relevantLines = (text: string): string[] => {
    const regions = moduleRegions(text, []);
    return regions.chunks
      .filter((_, i) => regions.needed[i])
      .flatMap((c) => text.slice(c.start, c.end).split("\n"))
      .filter((l) => l.trim() !== "");
  };

  it("keeps imports, the docstring, aioredis code, client-like receivers, and one step of definitions and uses", () => {
    const text = [
      '"""Module docstring."""',
      "import aioredis",
      "import logging",
      'REDIS_URL = "redis://localhost"',
      "log = logging.getLogger(__name__)",
      "",
      "async def connect():",
      "    return await aioredis.create_redis_pool(REDIS_URL)",
      "",
      "async def unrelated(x):",
      "    return x + 1",
      "",
      "async def caller():",
      "    return await connect()",
      "",
      "def uses_url():",
      "    print(REDIS_URL)",
      "",
      "async def heuristic(cache):",
      "    return await cache.get('k')",
      "",
      "def logs():",
      "    log.info('hi')",
      "",
    ].join("\n");
    const kept = relevantLines(text);
    assert.ok(kept.includes('"""Module docstring."""'));
    assert.ok(kept.includes("import logging"));
    assert.ok(kept.includes('REDIS_URL = "redis://localhost"'), "a constant the aioredis code reads");
    assert.ok(kept.includes("    print(REDIS_URL)"), "every use of such a constant (rules rewrite constants only when they see all uses)");
    assert.ok(kept.includes("    return await connect()"), "a caller of a function that makes a client");
    assert.ok(kept.includes("    return await cache.get('k')"), "a receiver named like a client");
    assert.ok(!kept.includes("    return x + 1"), "unrelated code is left out");
    assert.ok(!kept.includes("    log.info('hi')"), "so are uses of a non-constant the aioredis code does not read");
  });

  it("keeps the statements that use a client the facts found, even under an unusual name", () => {
    const text = [
      "import aioredis",
      "",
      "store_handle = None",
      "",
      "async def init():",
      "    global store_handle",
      "    store_handle = await aioredis.create_redis_pool('redis://localhost')",
      "",
      "async def handler(key):",
      "    await store_handle.set(key, 1, expire=10)",
      "",
      "async def later(key):",
      "    return await store_handle.get(key, encoding='utf-8')",
      "",
    ].join("\n");
    const r = migrateFile({ file: "m.py", text }, { ...DEFAULT_OPTIONS, repositoryUsesAioredis: true });
    assert.match(r.output, /return await store_handle\.get\(key\)/);
    assert.equal(r.output, migrateFile({ file: "m.py", text, wholeModule: true }, { ...DEFAULT_OPTIONS, repositoryUsesAioredis: true }).output);
  });

  it("unbalanced brackets or an unterminated string anywhere: the file is reported and left unchanged, as before", () => {
    for (const broken of ["def broken(:\n    pass", "x = [1, 2\ny = 3", "s = 'unterminated\nt = 1", 'doc = """never closed', "x = 1)"]) {
      const text = ["import aioredis", "", "async def f(redis):", "    await redis.set('k', 1, expire=5)", "", broken, ""].join("\n");
      const r = migrateFile({ file: "m.py", text }, DEFAULT_OPTIONS);
      assert.ok(r.syntaxError, broken);
      assert.equal(r.output, text, broken);
    }
  });

  it("another syntax error in a statement that cannot involve aioredis is left as it is; the rest is migrated", () => {
    const text = ["import aioredis", "", "async def f(redis):", "    await redis.set('k', 1, expire=5)", "", "def broken():", "    x = = 1", ""].join("\n");
    const viewed = migrateFile({ file: "m.py", text }, DEFAULT_OPTIONS);
    assert.equal(viewed.syntaxError, undefined);
    assert.match(viewed.output, /await redis\.set\('k', 1, ex=5\)/);
    assert.ok(viewed.output.endsWith("def broken():\n    x = = 1\n"), "the broken statement is byte-identical");
    // the whole-module parse sees the error and leaves the file alone
    const whole = migrateFile({ file: "m.py", text, wholeModule: true }, DEFAULT_OPTIONS);
    assert.ok(whole.syntaxError);
    assert.equal(whole.output, text);
  });

  it("a syntax error in a statement that involves aioredis leaves the file unchanged, as before", () => {
    const text = ["import aioredis", "", "async def f(redis):", "    await redis.set('k', 1, expire=5", ""].join("\n");
    const r = migrateFile({ file: "m.py", text }, DEFAULT_OPTIONS);
    assert.ok(r.syntaxError);
    assert.equal(r.output, text);
  });
});

describe("regions: the migration through the blanked view equals the whole-module migration", () => {
  const targets: MigrationOptions[] = [
    { ...DEFAULT_OPTIONS, repositoryUsesAioredis: true },
    { ...DEFAULT_OPTIONS, target: "4.2", repositoryUsesAioredis: true, todoComments: false },
  ];
  const check = (files: readonly PyFile[], name: string, minHiddenShare: number): void => {
    let hidden = 0;
    for (const f of files) {
      for (const opts of targets) {
        const viewed = migrateFile({ file: f.path, text: f.text, forceParse: true }, opts);
        const whole = migrateFile({ file: f.path, text: f.text, forceParse: true, wholeModule: true }, opts);
        if (whole.syntaxError) continue;
        const where = `${name} ${f.path} (target ${opts.target})`;
        assert.equal(viewed.output, whole.output, `${where}: output`);
        assert.deepEqual(viewed.changes, whole.changes, `${where}: changes`);
        assert.deepEqual(viewed.manualSteps, whole.manualSteps, `${where}: manual steps`);
        assert.deepEqual([...viewed.receivers], [...whole.receivers], `${where}: receivers`);
      }
      if (!moduleRegions(f.text, []).needed.every(Boolean)) hidden++;
    }
    assert.ok(hidden >= files.length * minHiddenShare, `${name}: ${hidden} of ${files.length} files had statements left out`);
  };

  it("on every Python file of the repository", () => check(repositoryFiles(), "repository", 0.05));
  it("on real code: the aioredis 1.3.1 and redis-py packages the test setup installs", () => {
    // scripts/install-test-deps.sh installs them for /usr/bin/python3; the differential suite needs them too
    const dirs = execFileSync("/usr/bin/python3", ["-c", "import os, aioredis, redis; print(os.path.dirname(aioredis.__file__)); print(os.path.dirname(redis.__file__))"], {
      encoding: "utf8",
    }).trim().split("\n");
    const files: PyFile[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory() && e.name !== "__pycache__") walk(p);
        else if (e.name.endsWith(".py")) files.push({ path: p, text: readFileSync(p, "utf8") });
      }
    };
    for (const d of dirs) walk(d);
    assert.ok(files.length > 50, `${files.length} files under ${dirs.join(", ")}`);
    check(files, "packages", 0.3);
  });
  it("on a generated code base where every module uses aioredis", () => check(generated(11, 1), "dense", 0.9));
  it("on a generated code base where some modules use aioredis", () => check(generated(12, 0.3), "mixed", 0.2));
});
