/**
 * `push` to the default branch: when the App's PR is open and the pushed commits touch Python files or manifests,
 * the migration is regenerated on the new head (the branch holds only the App's commits) and force-moved.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { CACHE_PY_MIGRATED, SHOP } from "./fixtures.js";
import { BOT, createHarness, GitHubMock, headOf, pushed, type Harness, type RepoSpec } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

const H2 = "5".repeat(40);
/** The default branch after the push: one more file that uses aioredis. */
const SHOP2: RepoSpec = {
  ...SHOP,
  headSha: H2,
  files: { ...SHOP.files, "shop/jobs.py": 'import aioredis\n\n\nasync def queue():\n    return await aioredis.create_redis_pool("redis://localhost/1")\n' },
};

test("regenerates the open PR on the new head: new commit on top of it, forced branch move, body updated", async () => {
  const open = { number: 7, baseSha: headOf(SHOP), body: "old body without state" };
  gh.token().noConfig(SHOP2).pulls(SHOP2, [open]).snapshot(SHOP2).pulls(SHOP2, [open]).compare(SHOP2, headOf(SHOP), [{ login: BOT }]).updatePull(SHOP2, 7);
  await app.deliver("push", pushed(SHOP, { after: H2, files: ["shop/jobs.py"] }));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const tree = gh.find("POST", "/repos/acme/shop/git/trees")!.body as { tree: { path: string; content: string }[] };
  assert.deepEqual(tree.tree.map((t) => t.path), ["requirements.txt", "shop/cache.py", "shop/jobs.py"]);
  assert.equal(tree.tree[1]!.content, CACHE_PY_MIGRATED);
  assert.equal(tree.tree[2]!.content, 'import redis.asyncio as redis\n\n\nasync def queue():\n    # TODO(redis-migrate): Choose a size for this connection pool: aioredis capped it at 10 connections (callers waited for a free one), while redis-py\'s pool is unbounded and opens a new connection whenever all are busy.\n    return redis.Redis.from_url("redis://localhost/1")\n');
  assert.deepEqual((gh.find("POST", "/repos/acme/shop/git/commits")!.body as { parents: string[] }).parents, [H2]);
  assert.deepEqual(gh.find("PATCH", "/repos/acme/shop/git/refs/heads/redis-migrate/aioredis-to-redis-asyncio")!.body, { sha: "9".repeat(40), force: true });
  const update = gh.find("PATCH", "/repos/acme/shop/pulls/7")!.body as { title: string; body: string };
  assert.ok(update.body.includes("shop/jobs.py"));
  assert.ok(app.logs.some((l) => l.msg === "migration PR updated" && l.pr === 7));
});

test("no open PR: only the configuration and the PR lookup", async () => {
  gh.token().noConfig(SHOP2).pulls(SHOP2, [{ number: 7, state: "closed" }]);
  await app.deliver("push", pushed(SHOP, { after: H2 }));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.deepEqual(gh.writes(), []);
  assert.ok(app.logs.some((l) => l.level === 20 && l.msg === "no open migration PR to refresh"));
});

const ignored: [string, Record<string, unknown>, string][] = [
  ["a push that touches no Python file or manifest", pushed(SHOP, { after: H2, files: ["README.md", "docs/index.md"] }), "push ignored: no Python file or manifest changed"],
  ["a push to another branch", pushed(SHOP, { after: H2, ref: "refs/heads/feature" }), "push ignored: not the default branch"],
  ["a push to the App's own branch", pushed(SHOP, { after: H2, ref: "refs/heads/redis-migrate/aioredis-to-redis-asyncio" }), "push ignored: not the default branch"],
  ["a deleted branch", pushed(SHOP, { after: "0".repeat(40), deleted: true }), "push ignored: the branch was deleted"],
];
for (const [what, payload, reason] of ignored) {
  test(`${what}: no request`, async () => {
    await app.deliver("push", payload);
    assert.deepEqual(gh.requests, []);
    assert.ok(app.logs.some((l) => l.level === 20 && l.msg === reason), reason);
  });
}

test("a manifest change counts: requirements.txt touched", async () => {
  gh.token().noConfig(SHOP2).pulls(SHOP2, []);
  await app.deliver("push", pushed(SHOP, { after: H2, files: ["requirements.txt"] }));
  assert.deepEqual(gh.pending(), []);
  assert.ok(gh.find("GET", "/repos/acme/shop/pulls"));
});
