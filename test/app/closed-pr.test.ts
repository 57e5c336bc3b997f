/**
 * The App's PR closed without merge is a lasting "no", found on GitHub itself: the App says how to ask again and
 * deletes its branch; later scans open nothing; `/redis-migrate` opens a new PR.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { commentCreated, createHarness, GitHubMock, pullClosed, repositoriesAdded, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

const STATE = '<!-- redis-migrate-state: {"schema":1,"tool":"0.1.0","target":"5.0.1","filesHash":"sha256:0"} -->';

test("closed without merge: a comment on how to ask again, the branch deleted; then no PR until the command", async () => {
  gh.token().comment(SHOP, 7).deleteBranch(SHOP);
  await app.deliver("pull_request", pullClosed(SHOP, { number: 7, body: `body\n\n${STATE}\n` }));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const note = (gh.find("POST", "/repos/acme/shop/issues/7/comments")!.body as { body: string }).body;
  assert.match(note, /^Closed without merging: I will not open this migration again for this repository\. If you change your mind, comment `\/redis-migrate`/);
  assert.ok(gh.find("DELETE", "/repos/acme/shop/git/refs/heads/redis-migrate/aioredis-to-redis-asyncio"));

  // the repository is added again later: the closed PR is the newest, nothing is opened
  const closed = { number: 7, state: "closed" as const, body: STATE };
  gh.repository(SHOP).noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP, [closed]);
  const writesBefore = gh.writes().length;
  await app.deliver("installation_repositories", repositoriesAdded([SHOP]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.equal(gh.writes().length, writesBefore, "no write");
  assert.ok(app.logs.some((l) => l.msg === "the migration PR was closed without merge: not reopened" && l.pr === 7));

  // someone asks explicitly: a new PR
  gh.reaction(SHOP, 555).permission(SHOP, "alice", "write").noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP, [closed]).noBranch(SHOP);
  gh.openPull(SHOP, { number: 8, review: true }).comment(SHOP, 12);
  await app.deliver("issue_comment", commentCreated(SHOP, "/redis-migrate"));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/shop/issues/12/comments")!.body as { body: string }).body;
  assert.equal(reply, "Opened #8 (2 files changed, 2 manual steps left): https://github.com/acme/shop/pull/8");
});

const ignored: [string, Record<string, unknown>, string][] = [
  ["merged", pullClosed(SHOP, { number: 7, merged: true, body: STATE }), "closed PR ignored: it was merged"],
  ["opened by a person", pullClosed(SHOP, { number: 9, body: STATE, user: { login: "alice", type: "User" } }), "closed PR ignored: opened by a person"],
  ["another bot's PR", pullClosed(SHOP, { number: 9, body: "Bumps foo", user: { login: "dependabot[bot]", type: "Bot" } }), "closed PR ignored: no redis-migrate state in its body"],
];
for (const [what, payload, reason] of ignored) {
  test(`closed PR ${what}: no request`, async () => {
    await app.deliver("pull_request", payload);
    assert.deepEqual(gh.requests, []);
    assert.ok(app.logs.some((l) => l.level === 20 && l.msg === reason), reason);
  });
}

test("the newest PR decides: a migration merged after an earlier 'no' does not block a new one", async () => {
  gh.token().repository(SHOP).noConfig(SHOP).head(SHOP).snapshot(SHOP);
  gh.pulls(SHOP, [{ number: 9, state: "closed", merged: true }, { number: 7, state: "closed" }]).noBranch(SHOP).openPull(SHOP, { number: 10, review: true });
  await app.deliver("installation_repositories", repositoriesAdded([SHOP]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.ok(app.logs.some((l) => l.msg === "migration PR opened" && l.pr === 10));
});
