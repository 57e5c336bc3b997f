import assert from "node:assert/strict";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { JsonReport } from "../../src/report/json.js";
import { makeTree, removeTree } from "../io/tree.js";
import { applyPatch } from "../report/patch.js";
import { REPO, runCli } from "./run-cli.js";

const roots: string[] = [];
after(() => roots.forEach(removeTree));

function tree(files: Record<string, string | Uint8Array>): string {
  const root = makeTree(files);
  roots.push(root);
  return root;
}

/** Fully automatic with today's rules: a sized pool (without `maxsize` it is reported), a `set(..., expire=)`, close + wait_closed. */
const APP = `import aioredis


async def main():
    redis = await aioredis.create_redis_pool("redis://localhost", maxsize=10)
    await redis.set("k", "v", expire=10)
    redis.close()
    await redis.wait_closed()
`;

/** Sentinel support has no automatic migration: always a manual step. */
const SENTINEL = `import aioredis


async def main():
    sentinel = await aioredis.create_sentinel([("localhost", 26379)])
    return sentinel.master_for("mymaster")
`;

async function json(args: string[]): Promise<{ code: number | null; report: JsonReport; stderr: string }> {
  const r = await runCli(["--json", ...args]);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const bytesOf = (root: string, path: string): Buffer => readFileSync(join(root, path));

// Each test runs the CLI in its own temporary tree, so they can run side by side.
describe("cli", { concurrency: 4 }, () => {
  it("prints help and version", async () => {
    const help = await runCli(["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: redis-migrate \[options\] \[PATH\]/);
    assert.match(help.stdout, /Exit status:\n {2}0 {2}nothing left to do/);
    const version = await runCli(["--version"]);
    assert.equal(version.stdout, JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version + "\n");
  });

  it("rejects bad usage with exit code 2 and a message on stderr", async () => {
    for (const args of [["--redis-version", "3"], ["--frobnicate"], ["--json", "--report", "-"], ["/nonexistent/redis-migrate-path"]]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.equal(r.stdout, "", args.join(" "));
      assert.match(r.stderr, /^redis-migrate: /, args.join(" "));
    }
    assert.match((await runCli(["--redis-version", "3"])).stderr, /redis\.asyncio first shipped in redis-py 4\.2/);
  });

  it("exits 0 when nothing uses aioredis", async () => {
    const root = tree({ "a.py": "import redis\n", "requirements.txt": "redis==5.0.1\n" });
    const r = await runCli([root]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /2 files scanned, 0 parsed, 0 changed, 0 skipped\n/);
    assert.match(r.stdout, /\nNothing to migrate\.\n$/);
    assert.equal(r.stderr, "");
  });

  it("dry run: prints the diff and summary, changes nothing, exits 1", async () => {
    const root = tree({ "pkg/app.py": APP });
    const r = await runCli([root]);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.startsWith("--- a/pkg/app.py\n+++ b/pkg/app.py\n@@ "), r.stdout);
    assert.match(r.stdout, /^-import aioredis$/m);
    assert.match(r.stdout, /Dry run: nothing was written\. Run again with --write to change 1 file\.\n$/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, "no colour when stdout is not a terminal");
    assert.equal(readFileSync(join(root, "pkg/app.py"), "utf8"), APP);
  });

  it("--write applies the changes in place, keeps the file mode, and a second run has nothing to change", async () => {
    const root = tree({ "app.py": APP, "sentinel.py": SENTINEL });
    chmodSync(join(root, "app.py"), 0o750);
    const dry = await json([root]);
    const first = await runCli(["--write", root]);
    assert.equal(first.code, 1, "the sentinel step remains");
    assert.match(first.stdout, /Wrote 2 files; 1 manual step remains\.\n$/);
    const migrated = readFileSync(join(root, "app.py"), "utf8");
    assert.equal(migrated, applyPatch(APP, dry.report.files.find((f) => f.file === "app.py")!.diff), "what the dry run showed");
    assert.equal(statSync(join(root, "app.py")).mode & 0o777, 0o750);
    assert.match(readFileSync(join(root, "sentinel.py"), "utf8"), /# TODO\(redis-migrate\): /);

    const before = [bytesOf(root, "app.py"), bytesOf(root, "sentinel.py")];
    const second = await json([root]);
    assert.equal(second.report.summary.changed, 0);
    // The sentinel is still to do: reported again, or found as the TODO comment the first run left.
    assert.equal(second.report.summary.manualSteps + second.report.summary.leftoverTodos, 1);
    assert.equal(second.code, 1, "work remains");
    const third = await runCli(["--write", root]);
    assert.deepEqual([bytesOf(root, "app.py"), bytesOf(root, "sentinel.py")], before, "a second --write changes nothing");
    assert.match(third.stdout, /No automatic changes left; 1 (manual step|TODO comment) remains\.\n$/);

    const appOnly = tree({ "app.py": APP });
    await runCli(["--write", appOnly]);
    const again = await json([appOnly]);
    assert.equal(again.report.summary.changed, 0);
    assert.equal(again.code, again.report.summary.manualSteps + again.report.summary.leftoverTodos > 0 ? 1 : 0);
  });

  it("exits 0 once the code no longer uses aioredis and its TODO comments are gone", async () => {
    const root = tree({ "sentinel.py": SENTINEL });
    await runCli(["--write", root]);
    const todo = await json([root]);
    assert.equal(todo.code, 1);
    assert.match(readFileSync(join(root, "sentinel.py"), "utf8"), /# TODO\(redis-migrate\)/);
    // The person ports it by hand and deletes the comment.
    writeFileSync(join(root, "sentinel.py"), "from redis.asyncio.sentinel import Sentinel\n\nsentinel = Sentinel([('localhost', 26379)])\n");
    const done = await json([root]);
    assert.deepEqual([done.code, done.report.summary.leftoverTodos, done.report.summary.manualSteps], [0, 0, 0]);
  });

  it("--json prints only JSON with the findings", async () => {
    const root = tree({ "app.py": APP, "lib.py": "x = 1\n" });
    const r = await runCli(["--json", root]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, "");
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.target, "5.0.1");
    assert.equal(report.written, false);
    assert.deepEqual(report.files.map((f) => f.file), ["app.py"]);
    assert.ok(report.files[0]!.changes.length > 0);
    assert.ok(report.files[0]!.diff.startsWith("--- a/app.py\n"));
    assert.equal(report.summary.scanned, 2);
    assert.equal(report.summary.parsed, 1);
  });

  it("passes the target and --no-todo-comments to the engine", async () => {
    const root = tree({ "sentinel.py": SENTINEL });
    assert.equal((await json(["--redis-version", "4.2.0", root])).report.target, "4.2");
    assert.equal((await json(["--redis-version", "5", root])).report.target, "5.0.1");
    const withTodo = (await json([root])).report;
    const without = (await json(["--no-todo-comments", root])).report;
    assert.ok(withTodo.summary.manualSteps > 0 && without.summary.manualSteps === withTodo.summary.manualSteps);
    assert.match(withTodo.files[0]!.diff, /TODO\(redis-migrate\)/);
    assert.doesNotMatch(without.files[0]?.diff ?? "", /TODO\(redis-migrate\)/);
  });

  it("round-trips a latin-1 file byte for byte and writes migrated latin-1 files in latin-1", async () => {
    const untouched = Buffer.from("# -*- coding: latin-1 -*-\n# caf\xe9, na\xefve\nx = '\xb0C'\n", "latin1");
    const migrated = Buffer.from(`# -*- coding: latin-1 -*-\n# r\xe9sum\xe9\n${APP}`, "latin1");
    const root = tree({ "plain.py": untouched, "app.py": migrated });
    const dry = await json([root]);
    assert.deepEqual(dry.report.skipped, []);
    assert.match(dry.report.files.find((f) => f.file === "app.py")!.diff, /^ # résumé$/m, "decoded as latin-1");
    await runCli(["--write", root]);
    assert.deepEqual(bytesOf(root, "plain.py"), untouched);
    const written = bytesOf(root, "app.py");
    assert.notDeepEqual(written, migrated);
    assert.ok(written.includes(Buffer.from("# r\xe9sum\xe9\n", "latin1")), "the comment keeps its latin-1 bytes");
    assert.ok(!written.includes(Buffer.from("é", "utf8")), "nothing was re-encoded as UTF-8");
  });

  it("keeps CRLF line endings and a UTF-8 BOM", async () => {
    const crlf = "\ufeff" + APP.replace(/\n/g, "\r\n");
    const root = tree({ "app.py": Buffer.from(crlf, "utf8") });
    await runCli(["--write", root]);
    const written = bytesOf(root, "app.py");
    assert.deepEqual([...written.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = written.toString("utf8");
    assert.notEqual(text, crlf, "it was migrated");
    assert.doesNotMatch(text, /(^|[^\r])\n/, "every newline is CRLF");
    assert.equal((await json([root])).report.summary.changed, 0);
  });

  it("lists binary, oversized and undecodable files as skipped; they count as work left only if they name aioredis", async () => {
    const root = tree({
      "blob.py": Buffer.from("abc\0def"),
      "big.py": Buffer.alloc(1024 * 1024 + 1, 0x23),
      "bad.py": Buffer.from("x = '\xe9'\n", "latin1"),
    });
    const r = await json([root]);
    assert.deepEqual(r.report.skipped.map((s) => [s.file, s.reason]), [["bad.py", "undecodable"], ["big.py", "too-large"], ["blob.py", "binary"]]);
    assert.equal(r.report.summary.skipped, 3);
    assert.equal(r.code, 0);
    const human = (await runCli([root])).stdout;
    assert.match(human, /\nSkipped\n {2}bad\.py +undecodable +not valid UTF-8: byte 0xE9 at line 1/);

    const withAioredis = tree({ "blob.py": Buffer.from("import aioredis\0") });
    assert.equal((await json([withAioredis])).code, 1);
  });

  it("skips virtualenvs and node_modules", async () => {
    const root = tree({
      "venv/pyvenv.cfg": "home = /usr/bin\n",
      "venv/lib/python3.11/site/aioredis_user.py": APP,
      ".venv/bin/python": "",
      ".venv/lib/app.py": APP,
      "node_modules/pkg/app.py": APP,
      "main.py": "print('hi')\n",
    });
    const r = await runCli([root]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^1 file scanned, 0 parsed, 0 changed, 0 skipped$/m);
    assert.equal(readFileSync(join(root, "node_modules/pkg/app.py"), "utf8"), APP);
  });

  it("--report writes the Markdown report; with - it goes to stdout and the diff to stderr", async () => {
    const root = tree({ "app.py": APP });
    const out = join(root, "..", `${root.split("/").pop()}-report.md`);
    roots.push(out);
    const toFile = await runCli(["--report", out, root]);
    assert.equal(toFile.code, 1);
    const markdown = readFileSync(out, "utf8");
    assert.match(markdown, /^## Migrate from aioredis to redis\.asyncio\n/);
    assert.match(markdown, /<!-- redis-migrate-state: \{.*\} -->\n$/);
    assert.ok(toFile.stdout.startsWith("--- a/app.py\n"));

    const toStdout = await runCli(["--report", "-", root]);
    assert.equal(toStdout.stdout, markdown);
    assert.ok(toStdout.stderr.startsWith("--- a/app.py\n"));
  });

  it("--quiet prints nothing but keeps the exit code", async () => {
    const root = tree({ "app.py": APP });
    const r = await runCli(["--quiet", root]);
    assert.deepEqual([r.code, r.stdout, r.stderr], [1, "", ""]);
  });

  it("colours on request, and not with NO_COLOR", async () => {
    const root = tree({ "app.py": APP });
    assert.match((await runCli(["--color", root])).stdout, /\x1b\[31m-import aioredis\x1b\[39m/);
    assert.doesNotMatch((await runCli(["--color", "--no-color", root])).stdout, /\x1b\[/);
    assert.match((await runCli([root], { FORCE_COLOR: "1" })).stdout, /\x1b\[/);
    assert.doesNotMatch((await runCli([root], { FORCE_COLOR: "1", NO_COLOR: "1" })).stdout, /\x1b\[/);
  });
});
