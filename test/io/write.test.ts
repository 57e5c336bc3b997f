import assert from "node:assert/strict";
import { chmodSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { writeFileAtomic } from "../../src/io/write.js";
import { makeTree, removeTree } from "./tree.js";

const roots: string[] = [];
after(() => roots.forEach(removeTree));

describe("io/write", () => {
  it("replaces the file, keeps its mode and leaves no temporary file", async () => {
    const root = makeTree({ "run.py": "old\n" });
    roots.push(root);
    const file = join(root, "run.py");
    chmodSync(file, 0o751);
    await writeFileAtomic(file, Buffer.from("new\n"), Buffer.from("old\n"));
    assert.equal(readFileSync(file, "utf8"), "new\n");
    assert.equal(statSync(file).mode & 0o777, 0o751);
    assert.deepEqual(readdirSync(root), ["run.py"]);
  });

  it("refuses to overwrite a file that changed since it was read", async () => {
    const root = makeTree({ "a.py": "edited by someone\n" });
    roots.push(root);
    const file = join(root, "a.py");
    await assert.rejects(writeFileAtomic(file, Buffer.from("migrated\n"), Buffer.from("as read\n")), /changed since it was read/);
    assert.equal(readFileSync(file, "utf8"), "edited by someone\n");
    assert.deepEqual(readdirSync(root), ["a.py"]);
  });
});
