/**
 * A person committed to the App's branch: it is never overwritten by an automatic run; the PR gets one comment
 * saying what a fresh run would change, and `/redis-migrate recreate` is the explicit override.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { BOT, commentCreated, createHarness, GitHubMock, headOf, pushed, type Harness, type RepoSpec } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

const H2 = "6".repeat(40);
const H3 = "7".repeat(40);
const open = { number: 7, baseSha: headOf(SHOP), body: "old body" };

test("a push refresh leaves the branch alone and comments once, not on every push", async () => {
  const at2: RepoSpec = { ...SHOP, headSha: H2 };
  gh.token().noConfig(at2).pulls(at2, [open]).snapshot(at2).pulls(at2, [open]).compare(at2, headOf(SHOP), [{ login: BOT }, { login: "alice" }]).comment(at2, 7);
  await app.deliver("push", pushed(SHOP, { after: H2 }));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.deepEqual(gh.writes().map((r) => `${r.method} ${r.path}`), ["POST /repos/acme/shop/issues/7/comments"], "no tree, commit or ref");
  const notice = (gh.find("POST", "/repos/acme/shop/issues/7/comments")!.body as { body: string }).body;
  assert.match(notice, /^The migration branch of #7 has commits by @alice, so I did not overwrite it\. Comment `\/redis-migrate recreate` to regenerate it/);
  assert.ok(notice.includes("<summary>Diff (2 files)</summary>"));

  // another push with the same migration result: no second comment
  const at3: RepoSpec = { ...SHOP, headSha: H3 };
  gh.noConfig(at3).pulls(at3, [open]).snapshot(at3).pulls(at3, [open]).compare(at3, headOf(SHOP), [{ login: BOT }, { login: "alice" }]);
  await app.deliver("push", pushed(SHOP, { after: H3 }));
  assert.deepEqual(gh.pending(), []);
  assert.equal(gh.all("POST", "/repos/acme/shop/issues/7/comments").length, 1);
});

test("/redis-migrate answers with the notice instead of overwriting", async () => {
  gh.token().reaction(SHOP, 555).permission(SHOP, "alice", "write").noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP, [open]);
  gh.compare(SHOP, headOf(SHOP), [{ login: "alice" }]).comment(SHOP, 7);
  await app.deliver("issue_comment", commentCreated(SHOP, "/redis-migrate", { issue: 7 }));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/shop/issues/7/comments")!.body as { body: string }).body;
  assert.match(reply, /^The migration branch of #7 has commits by @alice, so I did not overwrite it\./);
  assert.equal(gh.find("POST", "/repos/acme/shop/git/commits"), undefined);
});

test("/redis-migrate recreate regenerates the branch over the human commits", async () => {
  gh.token().reaction(SHOP, 555).permission(SHOP, "alice", "maintain").noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP, [open]).updatePull(SHOP, 7).comment(SHOP, 7);
  await app.deliver("issue_comment", commentCreated(SHOP, "/redis-migrate recreate", { issue: 7 }));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.equal(gh.find("GET", `/repos/acme/shop/compare/${headOf(SHOP)}...redis-migrate/aioredis-to-redis-asyncio`), undefined, "commits not even looked at");
  assert.deepEqual((gh.find("PATCH", "/repos/acme/shop/git/refs/heads/redis-migrate/aioredis-to-redis-asyncio")!.body as { force: boolean }).force, true);
  const reply = (gh.find("POST", "/repos/acme/shop/issues/7/comments")!.body as { body: string }).body;
  assert.equal(reply, "Updated #7 (2 files changed, 2 manual steps left): https://github.com/acme/shop/pull/7");
});
