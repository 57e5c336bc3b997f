/**
 * One review with a comment on each line that needs a person: a GitHub suggestion block where the suggested code
 * replaces those very lines (a range for several lines), a python block otherwise.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, test } from "node:test";
import { createHarness, GitHubMock, installationCreated, type Harness, type RepoSpec } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

const POOL: RepoSpec = {
  repo: "pool",
  files: { "svc/pool.py": readFileSync(new URL("../../src/migrate/rules/lifecycle/fixtures/acquire_release.input.py", import.meta.url), "utf8") },
};

test("suggestion blocks over the lines they replace, python blocks elsewhere", async () => {
  gh.token().repository(POOL).noConfig(POOL).head(POOL).snapshot(POOL).pulls(POOL).noBranch(POOL).openPull(POOL, { review: true });
  await app.deliver("installation", installationCreated([POOL]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const review = gh.find("POST", "/repos/acme/pool/pulls/7/reviews")!.body as {
    commit_id: string;
    event: string;
    body: string;
    comments: { path: string; line: number; side: string; start_line?: number; start_side?: string; body: string }[];
  };
  assert.equal(review.event, "COMMENT");
  assert.equal(review.commit_id, "d".repeat(40), "on the migration commit");
  assert.equal(review.body, "2 manual steps left for a person: each is commented below, with the suggested code where there is one.");
  assert.deepEqual(review.comments, [
    {
      path: "svc/pool.py",
      start_line: 6,
      start_side: "RIGHT",
      line: 10,
      side: "RIGHT",
      body: [
        "**Manual step** (`lifecycle`): aioredis 1.x `pool.acquire()` / `release()` have no redis-py equivalent on a client: use `async with pool.client() as conn:`, which releases the connection on exit.",
        "",
        "Suggested replacement (apply it from here):",
        "",
        "```suggestion",
        "    async with pool.client() as conn:",
        '        return await conn.execute_command("GET", key)',
        "```",
      ].join("\n"),
    },
    {
      path: "svc/pool.py",
      line: 15,
      side: "RIGHT",
      body: [
        "**Manual step** (`lifecycle`): aioredis 1.x `pool.release(conn)` has no redis-py equivalent on a client: borrow the connection with `async with pool.client() as conn:` instead of acquire/release.",
        "",
        "Suggested code:",
        "",
        "```python",
        "async with pool.client() as conn:",
        "```",
      ].join("\n"),
    },
  ]);
});

test("a review GitHub rejects does not undo the opened PR", async () => {
  gh.token().repository(POOL).noConfig(POOL).head(POOL).snapshot(POOL).pulls(POOL).noBranch(POOL).openPull(POOL);
  gh.api.post("/repos/acme/pool/pulls/7/reviews").reply(422, { message: "Unprocessable Entity" });
  await app.deliver("installation", installationCreated([POOL]));
  assert.deepEqual(gh.pending(), []);
  assert.ok(app.logs.some((l) => l.msg === "review comments not posted" && l.status === 422));
  assert.ok(app.logs.some((l) => l.msg === "migration PR opened" && l.pr === 7));
});
