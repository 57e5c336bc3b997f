/**
 * installation.created: every repository named is scanned; where aioredis is used, one commit (one tree with the
 * migrated texts on top of the head's tree) goes on the App's branch and a PR is opened with its label and review.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { CACHE_PY_MIGRATED, REQUIREMENTS_MIGRATED, SHOP, WEB } from "./fixtures.js";
import { BRANCH, BOT, createHarness, GitHubMock, headOf, installationCreated, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

test("opens one PR whose commit holds exactly the migrated files, and leaves a repository without Python alone", async () => {
  gh.token();
  gh.repository(SHOP).noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP).noBranch(SHOP).openPull(SHOP, { review: true });
  gh.repository(WEB).noConfig(WEB).head(WEB).tree(WEB);

  await app.deliver("installation", installationCreated([SHOP, WEB]));

  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);

  // the tree: exactly the changed files, with their migrated text, on top of the head commit's tree
  const tree = gh.find("POST", "/repos/acme/shop/git/trees")!.body as { base_tree: string; tree: { path: string; mode: string; type: string; content: string }[] };
  assert.equal(tree.base_tree, "b".repeat(40));
  assert.deepEqual(tree.tree, [
    { path: "requirements.txt", mode: "100644", type: "blob", content: REQUIREMENTS_MIGRATED },
    // an executable script stays executable
    { path: "shop/cache.py", mode: "100755", type: "blob", content: CACHE_PY_MIGRATED },
  ]);

  const commit = gh.find("POST", "/repos/acme/shop/git/commits")!.body as { message: string; tree: string; parents: string[] };
  assert.equal(commit.tree, "c".repeat(40));
  assert.deepEqual(commit.parents, [headOf(SHOP)]);
  assert.match(commit.message, /^Migrate from aioredis to redis\.asyncio\n\n2 files changed: /);

  assert.deepEqual(gh.find("POST", "/repos/acme/shop/git/refs")!.body, { ref: `refs/heads/${BRANCH}`, sha: "d".repeat(40) });

  const pr = gh.find("POST", "/repos/acme/shop/pulls")!.body as { head: string; base: string; title: string; body: string; draft: boolean };
  assert.equal(pr.head, BRANCH);
  assert.equal(pr.base, "main");
  assert.equal(pr.draft, false);
  assert.equal(pr.title, "Migrate from aioredis to redis.asyncio");
  assert.match(pr.body, /^## Migrate from aioredis to redis\.asyncio/);
  // line links point into the PR head branch
  assert.ok(pr.body.includes(`https://github.com/acme/shop/blob/${BRANCH}/shop/cache.py#L11`), "a line link into the branch");
  assert.match(pr.body, /<!-- redis-migrate-state: \{"schema":1,/);
  assert.ok(pr.body.length <= 58_000);

  assert.deepEqual(gh.find("POST", "/repos/acme/shop/issues/7/labels")!.body, { labels: ["redis-migrate"] });
  const review = gh.find("POST", "/repos/acme/shop/pulls/7/reviews")!.body as { commit_id: string; event: string; comments: { path: string; line: number; side: string; body: string }[] };
  assert.equal(review.commit_id, "d".repeat(40));
  assert.equal(review.event, "COMMENT");
  assert.equal(review.comments.length, 2);
  assert.deepEqual(review.comments.map((c) => [c.path, c.line]), [["shop/cache.py", 6], ["shop/cache.py", 11]]);

  // the JavaScript repository: repository, config, head and the tree, then nothing
  assert.deepEqual(
    gh.requests.filter((r) => r.path.startsWith("/repos/acme/web")).map((r) => `${r.method} ${r.path}`),
    ["GET /repos/acme/web", "GET /repos/acme/web/contents/.github/redis-migrate.yml", `GET /repos/acme/web/git/ref/heads/main`, `GET /repos/acme/web/git/trees/${headOf(WEB)}`],
  );
  assert.ok(app.logs.some((l) => l.repo === "acme/web" && l.msg === "no aioredis usage found"));
  const opened = app.logs.find((l) => l.msg === "migration PR opened");
  assert.ok(opened, "a log line for the opened PR");
  assert.equal(opened.installation, 2);
  assert.equal(opened.repo, "acme/shop");
  assert.equal(typeof opened.delivery, "string");
  assert.ok(!JSON.stringify(app.logs).includes("ghs_test"), "the installation token is never logged");
  void BOT;
});
