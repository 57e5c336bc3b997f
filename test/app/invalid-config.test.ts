/**
 * `.github/redis-migrate.yml`: a broken file stops the run (its defaults are never used in its place) with a log
 * line, or for a command a reply, naming every bad key; a valid one is applied.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { commentCreated, createHarness, GitHubMock, installationCreated, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

const BROKEN = "redisVersion: 6\nlables: [migration]\ndraft: yes please\n";

test("installation scan: an error log line naming each bad key, and nothing read past the configuration", async () => {
  gh.token().repository(SHOP).config(SHOP, BROKEN);
  await app.deliver("installation", installationCreated([SHOP]));
  assert.deepEqual(gh.pending(), []);
  assert.deepEqual(gh.requests.map((r) => `${r.method} ${r.path}`), [
    "POST /app/installations/2/access_tokens",
    "GET /repos/acme/shop",
    "GET /repos/acme/shop/contents/.github/redis-migrate.yml",
  ]);
  const line = app.logs.find((l) => l.level === 50 && l.repo === "acme/shop");
  assert.ok(line, "an error line for the repository");
  assert.equal(line.file, ".github/redis-migrate.yml");
  assert.deepEqual(line.errors, [
    '`redisVersion`: must be "5.0.1" or "4.2" (got 6)',
    "`lables`: unknown key (did you mean `labels`?); valid keys: `enabled`, `ignorePaths`, `redisVersion`, `labels`, `reviewers`, `assignees`, `draft`, `branch`, `includeForks`, `todoComments`",
    '`draft`: must be true or false (got "yes please")',
  ]);
  assert.match(line.msg, /^invalid configuration, run skipped: `redisVersion`: must be/);
});

test("command: the reply names the bad key and nothing is migrated", async () => {
  gh.token().reaction(SHOP, 555).permission(SHOP, "alice", "write").config(SHOP, "branch: 'my branch'\n").comment(SHOP, 12);
  await app.deliver("issue_comment", commentCreated(SHOP, "/redis-migrate"));
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/shop/issues/12/comments")!.body as { body: string }).body;
  assert.equal(
    reply,
    [
      "I did not run: the configuration `.github/redis-migrate.yml` is invalid.",
      "",
      '- `branch`: "my branch" contains a space or one of ~ ^ : ? * [ \\',
      "",
      "Fix it on the default branch, then comment `/redis-migrate` again.",
    ].join("\n"),
  );
});

test("command: a file that is not YAML is reported as such", async () => {
  gh.token().reaction(SHOP, 555).permission(SHOP, "alice", "write").config(SHOP, "labels: [unclosed\n").comment(SHOP, 12);
  await app.deliver("issue_comment", commentCreated(SHOP, "/redis-migrate"));
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/shop/issues/12/comments")!.body as { body: string }).body;
  assert.match(reply, /^I did not run: the configuration `\.github\/redis-migrate\.yml` is invalid\.\n\n- Configuration could not be parsed from .* \(invalid YAML\)/);
});

test("a valid configuration is applied: branch, labels, reviewers, assignees, draft, target version", async () => {
  const yaml = [
    "branch: chore/redis-py",
    "labels: [dependencies, redis]",
    "reviewers: [alice, acme/platform]",
    "assignees: [bob]",
    "draft: true",
    "redisVersion: 4.2",
    "ignorePaths: ['requirements.txt']",
  ].join("\n");
  gh.token().repository(SHOP).config(SHOP, yaml).head(SHOP).snapshot(SHOP).pulls(SHOP, [], "chore/redis-py").noBranch(SHOP, "chore/redis-py");
  gh.openPull(SHOP, { review: true, labels: false });
  gh.api.post("/repos/acme/shop/issues/7/labels").reply(200, []);
  gh.api.post("/repos/acme/shop/pulls/7/requested_reviewers").reply(201, {});
  gh.api.post("/repos/acme/shop/issues/7/assignees").reply(201, {});
  await app.deliver("installation", installationCreated([SHOP]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const tree = gh.find("POST", "/repos/acme/shop/git/trees")!.body as { tree: { path: string; content: string }[] };
  assert.deepEqual(tree.tree.map((t) => t.path), ["shop/cache.py"], "requirements.txt is ignored");
  assert.ok(tree.tree[0]!.content.includes("redis_asyncio.Redis.from_url"));
  assert.deepEqual(gh.find("POST", "/repos/acme/shop/git/refs")!.body, { ref: "refs/heads/chore/redis-py", sha: "d".repeat(40) });
  const pr = gh.find("POST", "/repos/acme/shop/pulls")!.body as { head: string; draft: boolean; body: string };
  assert.equal(pr.head, "chore/redis-py");
  assert.equal(pr.draft, true);
  assert.ok(pr.body.includes("redis-py ≥ 4.2"));
  assert.deepEqual(gh.find("POST", "/repos/acme/shop/issues/7/labels")!.body, { labels: ["dependencies", "redis"] });
  assert.deepEqual(gh.find("POST", "/repos/acme/shop/pulls/7/requested_reviewers")!.body, { reviewers: ["alice"], team_reviewers: ["platform"] });
  assert.deepEqual(gh.find("POST", "/repos/acme/shop/issues/7/assignees")!.body, { assignees: ["bob"] });
});
