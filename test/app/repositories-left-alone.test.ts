/**
 * Repositories the scan leaves alone: no Python at all (one tree request), Python without aioredis (tree + tarball,
 * no write), archived / disabled / empty (the repository request only, and a log line), forks unless configured.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP, TOOLS, WEB } from "./fixtures.js";
import { createHarness, GitHubMock, headOf, installationCreated, type Harness, type RepoSpec } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

test("no Python file and no manifest: the recursive tree is the only snapshot request", async () => {
  gh.token().repository(WEB).noConfig(WEB).head(WEB).tree(WEB);
  await app.deliver("installation", installationCreated([WEB]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const snapshotReads = gh.requests.filter((r) => r.path.includes("/git/trees/") || r.path.includes("tarball") || r.path.startsWith("codeload:"));
  assert.deepEqual(snapshotReads.map((r) => r.path), [`/repos/acme/web/git/trees/${headOf(WEB)}`]);
  assert.deepEqual(gh.writes(), []);
});

test("Python without aioredis: read, migrated in memory, nothing written", async () => {
  gh.token().repository(TOOLS).noConfig(TOOLS).head(TOOLS).snapshot(TOOLS);
  await app.deliver("installation", installationCreated([TOOLS]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.deepEqual(gh.writes(), []);
  assert.ok(app.logs.some((l) => l.repo === "acme/tools" && l.msg === "no aioredis usage found"));
});

test("archived, disabled and empty repositories are skipped after one request, each with a log line", async () => {
  const archived: RepoSpec = { ...SHOP, repo: "old", archived: true };
  const disabled: RepoSpec = { ...SHOP, repo: "locked", disabled: true };
  const empty: RepoSpec = { repo: "new", files: {}, size: 0 };
  gh.token().repository(archived).repository(disabled).repository(empty);
  await app.deliver("installation", installationCreated([archived, disabled, empty]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.deepEqual(
    gh.requests.filter((r) => r.method === "GET").map((r) => r.path).sort(),
    ["/repos/acme/locked", "/repos/acme/new", "/repos/acme/old"],
  );
  for (const [repo, reason] of [["acme/old", "archived"], ["acme/locked", "disabled"], ["acme/new", "empty"]]) {
    assert.ok(app.logs.some((l) => l.repo === repo && l.reason === reason && l.msg === `repository skipped: ${reason}`), `${repo} logged as ${reason}`);
  }
});

test("a fork is skipped unless its configuration sets includeForks", async () => {
  const fork: RepoSpec = { ...SHOP, repo: "shop-fork", fork: true };
  gh.token().repository(fork).noConfig(fork);
  await app.deliver("installation", installationCreated([fork]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.ok(app.logs.some((l) => l.repo === "acme/shop-fork" && l.msg === "repository skipped: fork"));
  assert.deepEqual(gh.writes(), []);
});

test("a fork with includeForks: true is migrated like any repository", async () => {
  const fork: RepoSpec = { ...SHOP, repo: "shop-fork", fork: true };
  gh.token().repository(fork).config(fork, "includeForks: true\n").head(fork).snapshot(fork).pulls(fork).noBranch(fork).openPull(fork, { review: true });
  await app.deliver("installation", installationCreated([fork]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.ok(gh.find("POST", "/repos/acme/shop-fork/pulls"));
});
