/** `/redis-migrate dry-run`: the summary and the diff in a reply; no branch, commit or PR. */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { commentCreated, createHarness, GitHubMock, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

test("replies with the summary table and the collapsed diff, and writes nothing else", async () => {
  gh.token().reaction(SHOP, 555).permission(SHOP, "alice", "write").noConfig(SHOP).head(SHOP).snapshot(SHOP).comment(SHOP, 12);
  await app.deliver("issue_comment", commentCreated(SHOP, "/redis-migrate dry-run"));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.deepEqual(
    gh.writes().map((r) => `${r.method} ${r.path}`),
    ["POST /repos/acme/shop/issues/comments/555/reactions", "POST /repos/acme/shop/issues/12/comments"],
  );
  const reply = (gh.find("POST", "/repos/acme/shop/issues/12/comments")!.body as { body: string }).body;
  assert.match(reply, /^Dry run on `main` at `aaaaaaa`: 2 files would change \(3 automatic changes, 1 dependency change\); 2 manual steps would be left\. No branch was touched\./);
  assert.ok(reply.includes("### Summary"));
  assert.ok(reply.includes("<details>\n<summary>Diff (2 files)</summary>"));
  assert.ok(reply.includes("```diff\n--- a/requirements.txt\n+++ b/requirements.txt\n"));
  assert.ok(reply.includes("-aioredis==1.3.1\n+redis>=5.0.1\n"));
  assert.ok(reply.includes("-import aioredis\n+import redis.asyncio as redis_asyncio\n"));
  assert.ok(reply.length < 65_536);
});
