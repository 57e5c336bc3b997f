import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  isManifestPath,
  manifestUsesAioredis,
  migrateManifest,
  pythonImportsAsyncTimeout,
} from "../../src/migrate/manifests/index.js";
import { parseRequirement } from "../../src/migrate/manifests/pep508.js";
import { parseToml } from "../../src/migrate/manifests/toml.js";
import { checkFloor, compareVersions, parseSpec, parseVersion } from "../../src/migrate/manifests/versions.js";

describe("manifests/versions", () => {
  it("orders versions, pre-releases first", () => {
    const v = (s: string) => parseVersion(s)!;
    assert.equal(compareVersions(v("5.0.1"), v("5.0.1")), 0);
    assert.equal(compareVersions(v("5.0"), v("5.0.0")), 0);
    assert.equal(compareVersions(v("4.6.0"), v("5.0.1")), -1);
    assert.equal(compareVersions(v("5.0.1rc1"), v("5.0.1")), -1);
    assert.equal(compareVersions(v("10.0"), v("9.9.9")), 1);
    assert.equal(parseVersion("not-a-version"), null);
  });

  const cases: [string, "pep440" | "poetry" | "conda", string, string][] = [
    // spec, dialect, floor, expected (ok | excludes | unreadable | the raised spec)
    [">=5.0.4", "pep440", "5.0.1", "ok"],
    ["==5.0.1", "pep440", "5.0.1", "ok"],
    ["", "pep440", "5.0.1", ">=5.0.1"],
    [">=4.0", "pep440", "5.0.1", ">=5.0.1"],
    [">=3.5,<6", "pep440", "5.0.1", ">=5.0.1,<6"],
    [">= 4.0, < 6", "pep440", "5.0.1", ">=5.0.1, < 6"],
    [">3", "pep440", "5.0.1", ">=5.0.1"],
    ["~=5.0", "pep440", "5.0.1", ">=5.0.1,~=5.0"],
    ["<6", "pep440", "5.0.1", ">=5.0.1,<6"],
    ["!=5.0.0", "pep440", "5.0.1", ">=5.0.1,!=5.0.0"],
    ["<4", "pep440", "5.0.1", "excludes"],
    ["<5", "pep440", "5.0.1", "excludes"],
    ["==4.5.1", "pep440", "5.0.1", "excludes"],
    ["~=4.2", "pep440", "5.0.1", "excludes"],
    ["==5.0.*", "pep440", "5.0.1", ">=5.0.1,==5.0.*"],
    ["~=4.2", "pep440", "4.2.0", "ok"],
    ["<5", "pep440", "4.2.0", ">=4.2.0,<5"],
    ["^4.3", "poetry", "5.0.1", "excludes"],
    ["^5.0", "poetry", "5.0.1", "^5.0.1"],
    ["^4", "poetry", "4.2.0", "^4.2.0"],
    ["~4", "poetry", "4.2.0", ">=4.2.0,~4"],
    ["*", "poetry", "5.0.1", ">=5.0.1"],
    ["4.5.1", "poetry", "5.0.1", "excludes"],
    [">=4.2 <6", "poetry", "5.0.1", ">=5.0.1 <6"],
    ["^4.0 || ^5.0", "poetry", "5.0.1", "unreadable"],
    ["=4.5", "conda", "5.0.1", "excludes"],
    [">=4", "conda", "5.0.1", ">=5.0.1"],
    ["5.*", "conda", "5.0.1", ">=5.0.1,5.*"],
    ["4.5.*|5.0.*", "conda", "5.0.1", "unreadable"],
    ["4.5.1", "pep440", "5.0.1", "unreadable"],
  ];
  for (const [spec, dialect, floor, expected] of cases) {
    it(`${dialect} ${JSON.stringify(spec)} against ${floor} → ${expected}`, () => {
      const r = checkFloor(spec, dialect, floor);
      if (expected === "ok" || expected === "excludes" || expected === "unreadable") assert.equal(r.status, expected);
      else assert.deepEqual(r, { status: "raise", spec: expected });
    });
  }

  it("a raised constraint guarantees the floor and keeps the upper bound", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(6), fc.nat(9), fc.nat(9)),
        fc.tuple(fc.integer({ min: 5, max: 9 }), fc.nat(3)),
        ([a, b, c], [ua, ub]) => {
          const spec = `>=${a}.${b}.${c},<${ua}.${ub}`;
          const r = checkFloor(spec, "pep440", "5.0.1");
          const parsed = parseSpec(spec, "pep440");
          assert.ok(parsed.ok);
          if (r.status === "raise") {
            assert.ok(r.spec.endsWith(`<${ua}.${ub}`), r.spec);
            assert.equal(checkFloor(r.spec, "pep440", "5.0.1").status, "ok", r.spec);
          } else {
            assert.ok(r.status === "ok" || r.status === "excludes", `${spec} → ${r.status}`);
          }
        },
      ),
    );
  });
});

describe("manifests/pep508", () => {
  it("reads names, extras, constraints, markers and their spans", () => {
    const text = 'AioRedis [hiredis] >= 1.3, <2 ; python_version >= "3.7"';
    const r = parseRequirement(text)!;
    assert.equal(r.name, "AioRedis");
    assert.deepEqual(r.extras, ["hiredis"]);
    assert.equal(r.spec, ">= 1.3, <2");
    assert.equal(text.slice(r.specStart, r.specEnd), r.spec);
    assert.equal(r.marker, 'python_version >= "3.7"');
  });
  it("reads parenthesised constraints, URLs and bare names", () => {
    assert.equal(parseRequirement("aioredis (>=1.3)")!.spec, ">=1.3");
    assert.equal(parseRequirement("aioredis @ git+https://github.com/aio-libs/aioredis-py@v2.0.1")!.url, "git+https://github.com/aio-libs/aioredis-py@v2.0.1");
    const bare = parseRequirement("aioredis")!;
    assert.equal(bare.spec, "");
    assert.equal(bare.specStart, "aioredis".length);
  });
  it("rejects what is not a requirement", () => {
    assert.equal(parseRequirement("aioredis 1.3.1"), null);
    assert.equal(parseRequirement("-r base.txt"), null);
    assert.equal(parseRequirement("[oops"), null);
  });
});

describe("manifests/toml", () => {
  it("keeps positions of keys, strings, arrays and inline tables", () => {
    const text = '[tool.poetry.dependencies]\n"aioredis" = { version = "^2.0", extras = ["hiredis"] }  # c\n[x]\nd = 1979-05-27 07:32:00Z\ns = """a\n"b" """\n';
    const tables = parseToml(text)!;
    assert.deepEqual(tables.map((t) => t.path.join(".")), ["", "tool.poetry.dependencies", "x"]);
    const kv = tables[1]!.entries[0]!;
    assert.deepEqual(kv.key.parts, ["aioredis"]);
    assert.equal(kv.value.kind, "table");
    if (kv.value.kind === "table") {
      const v = kv.value.entries[0]!.value;
      assert.ok(v.kind === "string" && text.slice(v.contentStart, v.contentEnd) === "^2.0");
    }
    const s = tables[2]!.entries[1]!.value;
    assert.ok(s.kind === "string" && s.value === 'a\n"b" ' && !s.plain);
  });
  it("returns null on text it cannot follow", () => {
    assert.equal(parseToml("[project\nname = 1"), null);
    assert.equal(parseToml('a = "unterminated\n'), null);
    assert.equal(parseToml("a = [1, 2"), null);
  });
});

describe("manifests/paths", () => {
  const yes = [
    "requirements.txt",
    "requirements-dev.txt",
    "dev-requirements.txt",
    "requirements/base.txt",
    "reqs/test.in",
    "constraints.txt",
    "requirements.in",
    "services/api/pyproject.toml",
    "setup.cfg",
    "setup.py",
    "Pipfile",
    "environment.yml",
    "ci/environment-py39.yaml",
    "conda-env.yml",
    "tox.ini",
    "poetry.lock",
    "Pipfile.lock",
    "uv.lock",
    "pdm.lock",
    "requirements.lock",
    "requirements-dev.lock",
    "conda-lock.yml",
  ];
  const no = ["MANIFEST.in", "Makefile.in", "README.md", "config.yml", "docs/conf.py", "app/settings.py", "package-lock.json", "setup.py.bak", "Cargo.lock"];
  for (const p of yes) it(`${p} is a manifest`, () => assert.ok(isManifestPath(p)));
  for (const p of no) it(`${p} is not a manifest`, () => assert.ok(!isManifestPath(p)));
  it("lock files are recognised as locks, not requirements", () => {
    assert.equal(migrateManifest("requirements.lock", "aioredis==1.3.1\n", "5.0.1").kind, "lock");
  });
  it("an unknown path comes back unchanged with kind null", () => {
    const r = migrateManifest("README.md", "pip install aioredis\n", "5.0.1");
    assert.deepEqual([r.kind, r.output, r.changes.length, r.manualSteps.length], [null, r.input, 0, 0]);
  });
});

describe("manifests/manifestUsesAioredis", () => {
  it("is true for a declared dependency or its stubs", () => {
    assert.ok(manifestUsesAioredis("requirements.txt", "aioredis==1.3.1\n"));
    assert.ok(manifestUsesAioredis("requirements-dev.txt", "types-aioredis\n"));
    assert.ok(manifestUsesAioredis("pyproject.toml", '[tool.poetry.dependencies]\naioredis = "^1.3"\n'));
    assert.ok(manifestUsesAioredis("setup.py", 'setup(install_requires=[f"aioredis=={V}"])\n'));
    assert.ok(manifestUsesAioredis("requirements.txt", "-e git+https://github.com/aio-libs/aioredis-py.git#egg=aioredis\n"));
  });
  it("is false for mentions, other packages and lock files", () => {
    assert.ok(!manifestUsesAioredis("requirements.txt", "# aioredis was replaced by redis\nredis>=5\n"));
    assert.ok(!manifestUsesAioredis("requirements.txt", "aioredis-cluster==2.3\n"));
    assert.ok(!manifestUsesAioredis("poetry.lock", '[[package]]\nname = "aioredis"\n'));
    assert.ok(!manifestUsesAioredis("setup.py", 'setup(description="built on aioredis")\n'));
    assert.ok(!manifestUsesAioredis("README.md", "aioredis==1.3.1\n"));
  });
});

describe("manifests/requirements properties", () => {
  const untouched = [
    "fastapi==0.95.0",
    "# aioredis is pinned below",
    "",
    "-r base.txt",
    "--index-url https://example.com/simple",
    'uvloop>=0.17; sys_platform != "win32"  # fast loop',
    "celery[redis]>=5",
    "hiredis==2.2.3",
  ];
  const aioredisLines = [
    "aioredis==1.3.1",
    "aioredis[hiredis]>=2.0 ; python_version < '3.11'  # cache",
    "AioRedis",
    "aioredis (>=1.3,<2)",
  ];
  const line = fc.oneof(fc.constantFrom(...untouched), fc.constantFrom(...aioredisLines));

  it("edits only aioredis lines, keeps everything else byte-identical, and is idempotent", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.constantFrom("5.0.1", "4.2") , (ls, nl, target) => {
        const text = ls.join(nl) + nl;
        const r = migrateManifest("requirements.txt", text, target as "5.0.1" | "4.2");
        const kept = r.output.split(nl).filter((l) => !/^(redis|types-redis)/.test(l));
        assert.deepEqual(kept, text.split(nl).filter((l) => !/^aioredis/i.test(l)));
        assert.equal(r.output.split(nl).filter((l) => /^redis/.test(l)).length, ls.some((l) => /^aioredis/i.test(l)) ? 1 : 0, "redis listed once");
        assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(r.output) || nl === "\n", "newline style kept");
        const again = migrateManifest("requirements.txt", r.output, target as "5.0.1" | "4.2");
        assert.equal(again.output, r.output);
      }),
    );
  });
});

describe("manifests/details", () => {
  it("keeps a BOM and rewrites the first requirement after it", () => {
    const r = migrateManifest("requirements.txt", "\uFEFFaioredis==1.3.1\n", "5.0.1");
    assert.equal(r.output, "\uFEFFredis>=5.0.1\n");
  });
  it("locates a removed last line without a trailing newline", () => {
    const r = migrateManifest("requirements.txt", "redis>=5.0.1\naioredis", "5.0.1");
    assert.equal(r.output, "redis>=5.0.1");
    assert.deepEqual(r.changes.map((c) => [c.originalLine, c.line, c.before, c.after]), [[2, 1, "aioredis", ""]]);
  });
  it("renames two aioredis entries with different markers instead of dropping one", () => {
    const r = migrateManifest("requirements.txt", 'aioredis==1.3.1; python_version<"3.8"\naioredis==2.0.1; python_version>="3.8"\n', "5.0.1");
    assert.equal(r.output, 'redis>=5.0.1; python_version<"3.8"\nredis>=5.0.1; python_version>="3.8"\n');
  });
  it("drops a second aioredis entry with the same marker", () => {
    const r = migrateManifest("requirements.txt", "aioredis==1.3.1\nAIOREDIS>=1.3\n", "5.0.1");
    assert.equal(r.output, "redis>=5.0.1\n");
  });
  it("removes elements from a single-line array in any position", () => {
    const cases: [string, string][] = [
      ['["aioredis", "redis>=5.0.1"]', '["redis>=5.0.1"]'],
      ['["redis>=5.0.1", "aioredis"]', '["redis>=5.0.1"]'],
      ['["a", "aioredis", "redis>=5.0.1", "b",]', '["a", "redis>=5.0.1", "b",]'],
      ['["types-aioredis", "types-redis"]', "[]"],
    ];
    for (const [before, after] of cases) {
      const r = migrateManifest("pyproject.toml", `[project]\ndependencies = ${before}  # deps\n`, "5.0.1");
      assert.equal(r.output, `[project]\ndependencies = ${after}  # deps\n`, before);
    }
  });
  it("removes the opening element of a multi-line array without leaving a gap", () => {
    const text = '[project]\ndependencies = ["aioredis",\n                "redis>=5.0.1"]\n';
    assert.equal(migrateManifest("pyproject.toml", text, "5.0.1").output, '[project]\ndependencies = ["redis>=5.0.1"]\n');
  });
  it("turns a Poetry string into an inline table when the hiredis extra moves to redis", () => {
    const text = '[tool.poetry.dependencies]\nredis = "^5.0"\naioredis = { version = "^2.0", extras = ["hiredis"] }\n';
    assert.equal(
      migrateManifest("pyproject.toml", text, "5.0.1").output,
      '[tool.poetry.dependencies]\nredis = { version = "^5.0.1", extras = ["hiredis"] }\n',
    );
  });
  it("adds the hiredis extra to an existing PEP 508 redis entry that needs no raise", () => {
    const r = migrateManifest("requirements.txt", "redis>=5.2  # client\naioredis[hiredis]\n", "5.0.1");
    assert.equal(r.output, "redis[hiredis]>=5.2  # client\n");
  });
  it("leaves a file that only mentions aioredis in comments unchanged", () => {
    const text = "# migrated from aioredis\nredis<4\n";
    const r = migrateManifest("requirements.txt", text, "5.0.1");
    assert.deepEqual([r.output, r.changes.length, r.manualSteps.length], [text, 0, 0]);
  });
  it("reports unreadable TOML instead of guessing", () => {
    const r = migrateManifest("pyproject.toml", '[project\ndependencies = ["aioredis"]\n', "5.0.1");
    assert.equal(r.output, r.input);
    assert.equal(r.manualSteps.length, 1);
    assert.match(r.manualSteps[0]!.what, /could not be read/);
  });
});

describe("manifests/companions (hiredis pins, async-timeout)", () => {
  const steps = (text: string, context = {}, target: "5.0.1" | "4.2" = "5.0.1") =>
    migrateManifest("requirements.txt", text, target, context).manualSteps.map((s) => `${s.line}: ${s.what} | ${s.suggestion}`);

  it("tells whether Python code imports async_timeout", () => {
    const yes = ["import async_timeout\n", "from async_timeout import timeout\n", "    import os, async_timeout as at\n"];
    const no = ["# import async_timeout\n", "import async_timeout_ext\n", 'x = "from async_timeout import timeout"\n', "import asyncio\n"];
    for (const text of yes) assert.equal(pythonImportsAsyncTimeout([{ text }]), true, text);
    for (const text of no) assert.equal(pythonImportsAsyncTimeout([{ text }]), false, text);
  });
  it("keeps quiet about async-timeout the code imports, unless its pin conflicts with redis-py", () => {
    assert.deepEqual(steps("aioredis==1.3.1\nasync-timeout>=3.0\n", { importsAsyncTimeout: true }), []);
    const [step] = steps("aioredis==1.3.1\nasync_timeout==3.0.1  # timeouts\n", { importsAsyncTimeout: true });
    assert.match(step!, /^2: The code imports `async_timeout`, but `async_timeout==3\.0\.1` conflicts with redis-py.*raise it\. \| async_timeout>=4\.0\.2  # timeouts$/);
  });
  it("reports async-timeout only next to aioredis itself", () => {
    assert.deepEqual(steps("redis>=5.0.1\nasync-timeout==3.0.1\n"), []);
    assert.deepEqual(steps("aioredis-cluster\nasync-timeout==3.0.1\n").length, 1, "the aioredis-cluster step only");
  });
  it("reports hiredis pins that exclude hiredis 3 only when redis 5.1 may be installed", () => {
    for (const pin of ["hiredis==2.0.0", "hiredis<3", "hiredis~=2.3", "hiredis<=2.3.2"]) {
      assert.equal(steps(`aioredis\n${pin}\n`).length, 1, pin);
    }
    for (const pin of ["hiredis", "hiredis>=1.0", "hiredis>=2,<4", "hiredis==3.1.0"]) {
      assert.deepEqual(steps(`aioredis\n${pin}\n`), [], pin);
    }
    assert.deepEqual(steps("redis~=4.5\naioredis\nhiredis==2.0.0\n", {}, "4.2"), [], "redis capped below 5.1");
    assert.equal(steps("redis~=5.0\naioredis\nhiredis==2.0.0\n").length, 1, "~=5.0 admits 5.1");
  });
});

describe("manifests/tox envlist (Python floor)", () => {
  it("expands braces and reports the environments on a Python the target cannot install on", () => {
    const text = "[tox]\nenvlist =\n    py{35,36,38}-redis\n    lint\n\n[testenv]\ndeps = aioredis\n";
    const steps = migrateManifest("tox.ini", text, "4.2").manualSteps;
    assert.equal(steps.length, 1);
    assert.match(steps[0]!.what, /^tox's envlist runs `py35-redis` on Python older than 3\.6, where pip cannot install redis 4\.2\.0/);
    assert.equal(steps[0]!.suggestion, "", "no drop-in line for a multi-line envlist");
    assert.equal(migrateManifest("tox.ini", text, "5.0.1").manualSteps[0]!.what.match(/`py3\d-redis`/g)!.length, 2);
  });
  it("says nothing when tox.ini does not depend on aioredis", () => {
    assert.deepEqual(migrateManifest("tox.ini", "[tox]\nenvlist = py36\n\n[testenv]\ndeps = redis\n", "5.0.1").manualSteps, []);
  });
});
