import assert from "node:assert/strict";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { walkProject, WalkError } from "../../src/io/walk.js";
import { makeTree, removeTree } from "./tree.js";

const roots: string[] = [];
after(() => roots.forEach(removeTree));

function tree(files: Record<string, string>): string {
  const root = makeTree(files);
  roots.push(root);
  return root;
}

describe("io/walk", () => {
  it("lists Python files and manifests, skipping caches, VCS, installed packages and virtualenvs", async () => {
    const root = tree({
      "a.py": "",
      "b/c.py": "",
      "notes.txt": "",
      "b/data.json": "",
      "requirements.txt": "",
      "requirements-dev.txt": "",
      "constraints.txt": "",
      "pyproject.toml": "",
      "setup.py": "",
      "setup.cfg": "",
      "Pipfile": "",
      "environment.yml": "",
      "tox.ini": "",
      "requirements/base.txt": "",
      "poetry.lock": "",
      "docs/notes.txt": "",
      ".git/hooks/x.py": "",
      ".hg/x.py": "",
      "node_modules/pkg/x.py": "",
      "lib/site-packages/x.py": "",
      "pkg/__pycache__/x.py": "",
      ".tox/py311/x.py": "",
      ".nox/x.py": "",
      ".mypy_cache/x.py": "",
      "venv/bin/python": "",
      "venv/lib/x.py": "",
      ".venv/Scripts/python.exe": "",
      ".venv/Lib/x.py": "",
      "anyname/pyvenv.cfg": "",
      "anyname/lib/x.py": "",
      "env/x.py": "", // an `env` package without an interpreter is code
    });
    const w = await walkProject(root);
    assert.deepEqual(w.python.map((c) => c.path), ["a.py", "b/c.py", "env/x.py"]);
    assert.deepEqual(w.manifests.map((c) => c.path), [
      "Pipfile", "constraints.txt", "environment.yml", "poetry.lock", "pyproject.toml", "requirements-dev.txt",
      "requirements.txt", "requirements/base.txt", "setup.cfg", "setup.py", "tox.ini",
    ]);
    assert.equal(w.python[1]!.absolute, join(w.root, "b", "c.py"));
    assert.deepEqual(w.warnings, []);
    assert.deepEqual(await walkProject(root), w, "same result on a second walk");
  });

  it("follows symlinks inside the root once, under the real path, and ignores those that leave it", async () => {
    const outside = tree({ "x.py": "", "dir/y.py": "" });
    const root = tree({ "real.py": "", "zdir/z.py": "" });
    symlinkSync(join(root, "real.py"), join(root, "alias.py"));
    symlinkSync(join(root, "zdir"), join(root, "a_link")); // sorts before its target
    symlinkSync(join(outside, "x.py"), join(root, "out.py"));
    symlinkSync(join(outside, "dir"), join(root, "outdir"));
    symlinkSync(join(root, "missing.py"), join(root, "dangling.py"));
    symlinkSync(root, join(root, "zdir", "loop"));
    const w = await walkProject(root);
    assert.deepEqual(w.python.map((c) => c.path), ["real.py", "zdir/z.py"]);
  });

  it("does not follow links into skipped directories", async () => {
    const root = tree({ "vendor/shared/util.py": "", "node_modules/pkg/x.py": "" });
    symlinkSync(join(root, "vendor", "shared"), join(root, "shared"));
    symlinkSync(join(root, "node_modules", "pkg", "x.py"), join(root, "x.py"));
    symlinkSync(join(root, "node_modules", "pkg"), join(root, "pkg"));
    const w = await walkProject(root);
    assert.deepEqual(w.python.map((c) => [c.path, c.absolute]), [["vendor/shared/util.py", join(w.root, "vendor", "shared", "util.py")]]);
  });

  it("accepts a single file", async () => {
    const root = tree({ "pkg/app.py": "", "pkg/requirements.txt": "" });
    const py = await walkProject(join(root, "pkg", "app.py"));
    assert.deepEqual([py.python.map((c) => c.path), py.manifests], [["app.py"], []]);
    const req = await walkProject(join(root, "pkg", "requirements.txt"));
    assert.deepEqual([req.python, req.manifests.map((c) => c.path)], [[], ["requirements.txt"]]);
  });

  it("fails clearly on a missing path", async () => {
    await assert.rejects(walkProject("/nonexistent/redis-migrate"), (e) => e instanceof WalkError && /no such file or directory/.test(e.message));
  });
});
