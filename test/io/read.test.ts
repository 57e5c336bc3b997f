import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { loadFiles } from "../../src/io/read.js";
import { makeTree, removeTree } from "./tree.js";

const roots: string[] = [];
after(() => roots.forEach(removeTree));

describe("io/read", () => {
  it("decodes what it can, lists the rest as skipped, and notes skipped files that name aioredis", async () => {
    const root = makeTree({
      "ok.py": "import aioredis\n",
      "bin.py": Buffer.from("aioredis\0"),
      "bad.py": Buffer.from("x = '\xe9'  # aioredis\n", "latin1"),
      "big.py": Buffer.alloc(1024 * 1024 + 1, 0x61),
    });
    roots.push(root);
    const candidates = ["bad.py", "big.py", "bin.py", "ok.py", "gone.py"].map((p) => ({ path: p, absolute: join(root, p) }));
    const seen: number[] = [];
    const r = await loadFiles(candidates, (n) => seen.push(n));
    assert.deepEqual(r.files.map((f) => [f.path, f.text, f.codec.name]), [["ok.py", "import aioredis\n", "utf-8"]]);
    assert.deepEqual(r.skipped.map((s) => [s.file, s.reason]), [["bad.py", "undecodable"], ["big.py", "too-large"], ["bin.py", "binary"]]);
    assert.deepEqual(r.skippedMentioningAioredis, ["bad.py", "bin.py"]);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!, /^gone\.py: cannot read \(ENOENT\)$/);
    assert.deepEqual(seen.sort((a, b) => a - b), [1, 2, 3, 4, 5]);
  });
});
