/**
 * What the App learns from GitHub rather than from configuration: its own login (`GET /app`, once), and the
 * repositories of an installation whose event lists none (`GET /installation/repositories`).
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { BOT, createHarness, GitHubMock, headOf, installationCreated, pushed } from "./harness.js";

let gh: GitHubMock;

beforeEach(() => {
  gh = new GitHubMock();
});
afterEach(() => gh.done());

test("the App's login comes from GET /app, read once for many runs", async () => {
  const app = await createHarness({ appSlug: null });
  const open = { number: 7, baseSha: headOf(SHOP), body: "old" };
  gh.token().appSlug("redis-migrate");
  for (const after of ["5".repeat(40), "6".repeat(40)]) {
    const spec = { ...SHOP, headSha: after };
    gh.noConfig(spec).pulls(spec, [open]).snapshot(spec).pulls(spec, [open]).compare(spec, headOf(SHOP), [{ login: BOT }]).updatePull(spec, 7);
  }
  await app.deliver("push", pushed(SHOP, { after: "5".repeat(40) }));
  await app.deliver("push", pushed(SHOP, { after: "6".repeat(40) }));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.equal(gh.all("GET", "/app").length, 1);
  assert.equal(gh.all("PATCH", "/repos/acme/shop/pulls/7").length, 2, "its own commits are recognised: both pushes refresh");
});

test("installation.created without a repository list: the installation's repositories are listed", async () => {
  const app = await createHarness();
  const payload = installationCreated([]);
  delete payload.repositories;
  gh.token();
  gh.api.get("/installation/repositories").query({ per_page: "100", page: "1" }).reply(200, { total_count: 1, repositories: [{ name: "shop", owner: { login: "acme" } }] });
  gh.repository(SHOP).noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP).noBranch(SHOP).openPull(SHOP, { review: true });
  await app.deliver("installation", payload);
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.ok(gh.find("POST", "/repos/acme/shop/pulls"));
});
