/** `/redis-migrate` from someone without write access: 👀, a polite refusal, and no run at all. */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { commentCreated, createHarness, GitHubMock, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

for (const permission of ["read", "triage", "none"]) {
  test(`permission ${permission}: refused politely, nothing read or written beyond the check`, async () => {
    gh.token().reaction(SHOP, 555).permission(SHOP, "mallory", permission).comment(SHOP, 12);
    await app.deliver("issue_comment", commentCreated(SHOP, "/redis-migrate", { login: "mallory" }));
    assert.deepEqual(app.problems(), []);
    assert.deepEqual(gh.pending(), []);
    assert.deepEqual(
      gh.requests.map((r) => `${r.method} ${r.path}`),
      [
        "POST /app/installations/2/access_tokens",
        "POST /repos/acme/shop/issues/comments/555/reactions",
        "GET /repos/acme/shop/collaborators/mallory/permission",
        "POST /repos/acme/shop/issues/12/comments",
      ],
    );
    assert.deepEqual(gh.find("POST", "/repos/acme/shop/issues/comments/555/reactions")!.body, { content: "eyes" });
    const reply = (gh.find("POST", "/repos/acme/shop/issues/12/comments")!.body as { body: string }).body;
    assert.match(reply, /^Sorry @mallory, only people with write, maintain or admin permission/);
    assert.ok(reply.includes(`\`${permission}\``));
  });
}

for (const permission of ["write", "maintain", "admin"]) {
  test(`permission ${permission}: the run goes ahead`, async () => {
    gh.token().reaction(SHOP, 555).permission(SHOP, "alice", permission);
    gh.noConfig(SHOP).head(SHOP).snapshot(SHOP).pulls(SHOP).noBranch(SHOP).openPull(SHOP, { review: true }).comment(SHOP, 12);
    await app.deliver("issue_comment", commentCreated(SHOP, "/redis-migrate"));
    assert.deepEqual(app.problems(), []);
    assert.deepEqual(gh.pending(), []);
    const reply = (gh.find("POST", "/repos/acme/shop/issues/12/comments")!.body as { body: string }).body;
    assert.equal(reply, "Opened #7 (2 files changed, 2 manual steps left): https://github.com/acme/shop/pull/7");
  });
}
