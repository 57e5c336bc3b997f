/**
 * A migration whose report is larger than GitHub's PR body limit: the body is shortened under the 58,000 budget,
 * links the full report, and the full report is committed on the branch as REDIS_MIGRATION.md.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { bigRepository } from "./big-repository.js";
import { BRANCH, createHarness, GitHubMock, installationCreated, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

test("shortened body with a link, the full report in REDIS_MIGRATION.md, at most 50 review comments", async () => {
  const big = bigRepository(150);
  gh.token().repository(big).noConfig(big).head(big).snapshot(big).pulls(big).noBranch(big).openPull(big, { review: true });
  await app.deliver("installation", installationCreated([big]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);

  const pr = gh.find("POST", "/repos/acme/big/pulls")!.body as { body: string };
  assert.ok(pr.body.length <= 58_000, `body of ${pr.body.length} characters`);
  assert.ok(pr.body.length > 40_000, "the budget is used, not thrown away");
  const link = `[\`REDIS_MIGRATION.md\`](https://github.com/acme/big/blob/${BRANCH}/REDIS_MIGRATION.md)`;
  assert.ok(pr.body.includes(`> This description was shortened to fit GitHub's size limit; the full report is in ${link}.`));
  assert.match(pr.body, /<!-- redis-migrate-state: \{"schema":1,/, "the state marker survives");

  const tree = gh.find("POST", "/repos/acme/big/git/trees")!.body as { tree: { path: string; content: string }[] };
  assert.equal(tree.tree.length, 152, "150 modules, requirements.txt and the full report");
  const report = tree.tree.find((t) => t.path === "REDIS_MIGRATION.md");
  assert.ok(report, "REDIS_MIGRATION.md committed");
  assert.ok(report.content.length > 58_000);
  assert.match(report.content, /^## Migrate from aioredis to redis\.asyncio/);
  assert.ok(!report.content.includes("This description was shortened"));
  for (let i = 0; i < 150; i++) assert.ok(report.content.includes(`svc/module_${String(i).padStart(3, "0")}.py`), `module ${i} in the full report`);

  const review = gh.find("POST", "/repos/acme/big/pulls/7/reviews")!.body as { body: string; comments: unknown[] };
  assert.equal(review.comments.length, 50);
  assert.match(review.body, /^600 manual steps left for a person: 50 commented below, with the suggested code where there is one\. 550 other steps are only in the checklist of the description\.$/);
});
