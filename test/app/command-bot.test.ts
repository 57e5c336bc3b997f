/** Comments the App must not answer: by bots (itself included) and ones that are not the command. No request at all. */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { SHOP } from "./fixtures.js";
import { BOT, commentCreated, createHarness, GitHubMock, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock(); // no interceptor: any request would fail the run and be logged as a problem
  app = await createHarness();
});
afterEach(() => gh.done());

const cases: [string, Record<string, unknown>, string][] = [
  ["another bot", commentCreated(SHOP, "/redis-migrate", { login: "dependabot[bot]", type: "Bot" }), "command ignored: written by a bot"],
  ["the App itself", commentCreated(SHOP, "/redis-migrate recreate", { login: BOT, type: "Bot" }), "command ignored: written by a bot"],
  ["a comment that only mentions the command", commentCreated(SHOP, "Should we run /redis-migrate here?"), "comment ignored: not a /redis-migrate command"],
  ["a longer word", commentCreated(SHOP, "/redis-migrated yesterday"), "comment ignored: not a /redis-migrate command"],
];

for (const [what, payload, reason] of cases) {
  test(`${what}: no request, a debug line with the reason`, async () => {
    await app.deliver("issue_comment", payload);
    assert.deepEqual(gh.requests, []);
    assert.deepEqual(app.problems(), []);
    assert.ok(app.logs.some((l) => l.level === 20 && l.msg === reason), reason);
  });
}
