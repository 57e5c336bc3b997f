import assert from "node:assert/strict";
import { test } from "node:test";
import { UTF8 } from "../../src/io/codecs.js";
import { COMMENT_BUDGET, dryRunReply, humanCommitsNotice, refusalReply, skippedReply } from "../../src/jobs/replies.js";
import { assembleMigration } from "../../src/report/assemble.js";
import { bigRepository } from "../app/big-repository.js";

test("a dry run over many files cuts the diff by whole files to the comment budget", () => {
  const big = bigRepository(400);
  const m = assembleMigration({
    toolVersion: "0.1.0",
    target: "5.0.1",
    todoComments: true,
    python: Object.entries(big.files).filter(([p]) => p.endsWith(".py")).map(([path, text]) => ({ path, text: text as string, codec: UTF8 })),
    manifests: [],
    skipped: [],
  });
  const reply = dryRunReply(m.report, "main", "3".repeat(40));
  assert.ok(reply.length <= COMMENT_BUDGET, `${reply.length}`);
  assert.match(reply, /\n\d+ more files not shown here \(run `npx redis-migrate \.` in a checkout for the whole diff\)\.\n\n<\/details>\n$/);
  assert.equal((reply.match(/^```/gm) ?? []).length, 2, "one closed diff fence");
});

test("short replies", () => {
  assert.equal(refusalReply("bob", "read"), "Sorry @bob, only people with write, maintain or admin permission on this repository can run `/redis-migrate` (yours is `read`). A maintainer can run it for you.");
  assert.equal(skippedReply("fork"), "I did not run: this repository is a fork (set `includeForks: true` to include forks).");
  const m = assembleMigration({ toolVersion: "0", target: "5.0.1", todoComments: true, python: [], manifests: [], skipped: [] });
  assert.match(humanCommitsNotice(["alice", "an unknown author"], m.report, null), /^The migration branch has commits by @alice, an unknown author, so I did not overwrite it\./);
});

test("an async-timeout pin: the manifest step depends on whether the code imports async_timeout", () => {
  const requirements = "aioredis==1.3.1\nasync-timeout==3.0.1\n";
  const run = (code: string) =>
    assembleMigration({
      toolVersion: "0",
      target: "5.0.1",
      todoComments: true,
      python: [{ path: "app.py", text: code, codec: UTF8 }],
      manifests: [{ path: "requirements.txt", text: requirements, codec: UTF8 }],
      skipped: [],
    }).report.manifests.find((f) => f.file === "requirements.txt")!.manualSteps.map((s) => s.what);
  const unused = run("import aioredis\n");
  const used = run("import aioredis\nimport async_timeout\n");
  assert.ok(unused.some((w) => /async-timeout/.test(w)), JSON.stringify(unused));
  assert.notDeepEqual(unused, used, "the step reflects the project's own imports");
});
