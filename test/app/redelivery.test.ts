/**
 * A webhook delivered twice never gives two PRs or two commits: the same delivery id is dropped at once; another
 * delivery for the same head stops before the snapshot; after a restart, the open PR's state marker (same migrated
 * files) stops the run before any write.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { commentCreated, createHarness, GitHubMock, installationCreated, repositoriesAdded, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

function mockFirstRun(): void {
  gh.token().repository(SHOP).noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP).noBranch(SHOP).openPull(SHOP, { review: true });
}

test("the same delivery id twice: one run, one commit, one PR", async () => {
  mockFirstRun();
  const payload = installationCreated([SHOP]);
  await app.deliver("installation", payload, "delivery-1");
  const before = gh.requests.length;
  await app.deliver("installation", payload, "delivery-1");
  assert.equal(gh.requests.length, before, "the redelivery makes no request");
  assert.deepEqual(gh.pending(), []);
  assert.equal(gh.all("POST", "/repos/acme/shop/git/commits").length, 1);
  assert.equal(gh.all("POST", "/repos/acme/shop/pulls").length, 1);
  assert.deepEqual(app.problems(), []);
  assert.ok(app.logs.some((l) => l.level === 20 && l.msg === "delivery already handled for this repository (redelivered webhook)"));
});

test("two deliveries at once (installation.created and repositories added) for the same head: one run", async () => {
  mockFirstRun();
  gh.repository(SHOP).noConfig(SHOP).head(SHOP); // the second run stops once it knows the head
  await Promise.all([
    app.probot.receive({ id: "d-1", name: "installation", payload: installationCreated([SHOP]) } as never),
    app.probot.receive({ id: "d-2", name: "installation_repositories", payload: repositoriesAdded([SHOP]) } as never),
  ]);
  await app.queue.idle();
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.equal(gh.all("POST", "/repos/acme/shop/git/commits").length, 1);
  assert.equal(gh.all("POST", "/repos/acme/shop/pulls").length, 1);
  assert.equal(gh.all("GET", "/repos/acme/shop/git/trees/" + "a".repeat(40)).length, 1, "one snapshot");
});

test("after a restart, a redelivery finds the open PR up to date and writes nothing", async () => {
  mockFirstRun();
  await app.deliver("installation", installationCreated([SHOP]), "delivery-1");
  const opened = gh.find("POST", "/repos/acme/shop/pulls")!.body as { body: string };

  const restarted = await createHarness();
  const from = gh.requests.length;
  gh.token().repository(SHOP).noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP, [{ number: 7, body: opened.body }]);
  await restarted.deliver("installation", installationCreated([SHOP]), "delivery-1");
  assert.deepEqual(restarted.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.deepEqual(gh.requests.slice(from).filter((r) => r.method !== "GET" && !r.path.endsWith("/access_tokens")), [], "no write");
  assert.ok(restarted.logs.some((l) => l.msg === "migration PR up-to-date" && l.pr === 7));
});

test("a command delivered twice: one 👀, one run, one reply", async () => {
  gh.token().reaction(SHOP, 555).permission(SHOP, "alice", "write");
  gh.noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP).noBranch(SHOP).openPull(SHOP, { review: true }).comment(SHOP, 12);
  const payload = commentCreated(SHOP, "/redis-migrate");
  await app.deliver("issue_comment", payload, "c-1");
  await app.deliver("issue_comment", payload, "c-1");
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  assert.equal(gh.all("POST", "/repos/acme/shop/issues/comments/555/reactions").length, 1);
  assert.equal(gh.all("POST", "/repos/acme/shop/issues/12/comments").length, 1);
  assert.equal(gh.all("POST", "/repos/acme/shop/pulls").length, 1);
});
