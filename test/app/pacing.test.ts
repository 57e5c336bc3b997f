/**
 * Installing on many repositories does not open PRs in one burst: publishing is serialized per installation, writes
 * are paced under the content-creation limits, and a secondary-limit answer is waited out (`retry-after`).
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { createHarness, GitHubMock, installationCreated, type Harness, type RepoSpec } from "./harness.js";

let gh: GitHubMock;

beforeEach(() => {
  gh = new GitHubMock();
});
afterEach(() => gh.done());

const repos: RepoSpec[] = ["one", "two", "three", "four", "five"].map((repo) => ({ ...SHOP, repo }));

test("five repositories: each PR's writes in one block, paced under the per-minute limit", async () => {
  const app: Harness = await createHarness({ limits: { perMinute: 10, perHour: 500 } });
  gh.token();
  for (const r of repos) gh.repository(r).noConfig(r).head(r).snapshot(r).pulls(r).noBranch(r).openPull(r, { review: true });
  await app.deliver("installation", installationCreated(repos));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const writes = gh.writes().map((w) => w.path.split("/")[3]!);
  assert.equal(writes.length, 30);
  // serialized per installation: the six writes of one PR are never interleaved with another's
  for (let i = 0; i < 30; i += 6) assert.equal(new Set(writes.slice(i, i + 6)).size, 1, `writes ${i}-${i + 5} belong to one repository`);
  // 30 writes at 10 a minute: the pacer waited, in fake time, about two minutes and never let 11 through in a minute
  const waited = app.clock.sleeps.reduce((a, b) => a + b, 0);
  assert.ok(waited >= 120_000 && waited < 180_000, `waited ${waited} ms`);
});

test("a secondary rate limit on opening the PR: wait retry-after, then retry once", async () => {
  const app: Harness = await createHarness();
  const r = repos[0]!;
  gh.token().repository(r).noConfig(r).head(r).snapshot(r).pulls(r).noBranch(r);
  gh.api.post("/repos/acme/one/pulls").reply(403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "17" });
  gh.openPull(r, { review: true });
  await app.deliver("installation", installationCreated([r]));
  assert.deepEqual(app.problems().filter((l) => l.level >= 50), [], "no error: only the warning about the limit");
  assert.ok(app.logs.some((l) => l.level === 40 && l.msg === "GitHub secondary rate limit: pausing this installation's writes" && l.retryInMs === 17_000));
  assert.deepEqual(app.clock.sleeps, [17_000]);
  assert.equal(gh.all("POST", "/repos/acme/one/pulls").length, 2);
  assert.equal(gh.all("POST", "/repos/acme/one/git/trees").length, 1);
  assert.equal(gh.all("POST", "/repos/acme/one/git/commits").length, 1);
  assert.deepEqual(gh.pending(), []);
});
