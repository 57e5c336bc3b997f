/**
 * The GitHub requests of one repository migration, counted: the snapshot takes 2 reads (recursive tree, tarball)
 * and publishing a new PR 6 writes (tree, commit, ref, PR, labels, review), whatever the number of files.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { bigRepository } from "./big-repository.js";
import { createHarness, GitHubMock, headOf, installationCreated, type Harness, type RepoSpec } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

for (const [what, spec] of [["5 files", SHOP], ["301 files", bigRepository(300)]] as [string, RepoSpec][]) {
  test(`${what}: 2 snapshot reads, 6 writes`, async () => {
    gh.token().repository(spec).noConfig(spec).head(spec).snapshot(spec).pulls(spec).noBranch(spec).openPull(spec, { review: true });
    await app.deliver("installation", installationCreated([spec]));
    assert.deepEqual(app.problems(), []);
    assert.deepEqual(gh.pending(), []);
    const r = `/repos/acme/${spec.repo}`;
    const sha = headOf(spec);
    const api = gh.requests.filter((q) => !q.path.startsWith("codeload:") && !q.path.endsWith("/access_tokens"));
    assert.deepEqual(
      api.filter((q) => q.method === "GET").map((q) => q.path),
      [
        r, // repository: archived, disabled, empty, fork, default branch
        `${r}/contents/.github/redis-migrate.yml`, // configuration (Probot's context.config rules)…
        "/repos/acme/.github/contents/.github/redis-migrate.yml", // …falling back to the org's .github repository
        `${r}/git/ref/heads/main`, // default branch head
        `${r}/git/trees/${sha}`, // snapshot read 1: the recursive tree
        `${r}/tarball/${sha}`, // snapshot read 2: the tarball (a 302 to codeload, followed)
        `${r}/pulls`, // the App's PRs for its branch, any state
        `${r}/git/ref/heads/redis-migrate/aioredis-to-redis-asyncio`, // no leftover branch
      ],
    );
    const snapshotReads = api.filter((q) => q.path.includes("/git/trees/") || q.path.includes("/tarball/"));
    assert.equal(snapshotReads.length, 2);
    assert.deepEqual(
      gh.writes().map((q) => `${q.method} ${q.path}`),
      [`POST ${r}/git/trees`, `POST ${r}/git/commits`, `POST ${r}/git/refs`, `POST ${r}/pulls`, `POST ${r}/issues/7/labels`, `POST ${r}/pulls/7/reviews`],
    );
  });
}
