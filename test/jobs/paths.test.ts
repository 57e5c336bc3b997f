import assert from "node:assert/strict";
import { test } from "node:test";
import { globToRegExp, pathFilter } from "../../src/jobs/paths.js";

test("globs", () => {
  const cases: [string, string, boolean][] = [
    ["vendor", "vendor/lib/a.py", true],
    ["vendor/", "vendor/a.py", true],
    ["vendor", "src/vendor/a.py", true],
    ["/vendor", "src/vendor/a.py", false],
    ["src/vendor", "src/vendor/a.py", true],
    ["src/vendor", "lib/src/vendor/a.py", false],
    ["*_pb2.py", "api/v1/x_pb2.py", true],
    ["tests/**/fixtures/*.py", "tests/fixtures/a.py", true],
    ["tests/**/fixtures/*.py", "tests/unit/deep/fixtures/a.py", true],
    ["tests/**/fixtures/*.py", "tests/fixtures/sub/a.py", false],
    ["tests/*.py", "tests/sub/a.py", false],
    ["**/legacy", "a/b/legacy/x.py", true],
    ["app/{a,b}.py", "app/b.py", true],
    ["app/{a,b}.py", "app/c.py", false],
    ["app/[ab].py", "app/a.py", true],
    ["app/[!ab].py", "app/a.py", false],
    ["app/?.py", "app/xy.py", false],
    ["a+b.py", "a+b.py", true],
  ];
  for (const [glob, path, expected] of cases) assert.equal(globToRegExp(glob).test(path), expected, `${glob} ~ ${path}`);
});

test("pathFilter: ignored globs and installed-package folders are not read", () => {
  const wanted = pathFilter(["legacy/**"]);
  assert.equal(wanted("app/main.py"), true);
  assert.equal(wanted("legacy/old.py"), false);
  assert.equal(wanted("venv/lib/site-packages/aioredis/__init__.py"), false);
  assert.equal(wanted("web/node_modules/x/setup.py"), false);
  assert.equal(wanted("site-packages.py"), true);
});
