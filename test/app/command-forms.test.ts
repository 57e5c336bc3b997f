/** Every `/redis-migrate …` gets an answer: unknown forms list the valid ones; a repository without aioredis says so. */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { TOOLS } from "./fixtures.js";
import { commentCreated, createHarness, GitHubMock, type Harness } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

test("an unknown form: 👀 and a reply listing the valid forms, nothing run", async () => {
  gh.token().reaction(TOOLS, 555).comment(TOOLS, 12);
  await app.deliver("issue_comment", commentCreated(TOOLS, "/redis-migrate please\nthanks!"));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/tools/issues/12/comments")!.body as { body: string }).body;
  assert.equal(
    reply,
    [
      "I don't know `/redis-migrate please`, so I did nothing. The commands are:",
      "",
      "- `/redis-migrate`: migrate the default branch and open (or update) the pull request",
      "- `/redis-migrate dry-run`: reply with the summary and the diff, without touching any branch",
      "- `/redis-migrate recreate`: regenerate the pull request's branch from scratch, discarding commits on it",
    ].join("\n"),
  );
});

test("no aioredis in the repository: the reply says so", async () => {
  gh.token().reaction(TOOLS, 555).permission(TOOLS, "alice", "admin").noConfig(TOOLS).head(TOOLS).snapshot(TOOLS).comment(TOOLS, 12);
  await app.deliver("issue_comment", commentCreated(TOOLS, "  /redis-migrate\n\nWe moved off aioredis, I think."));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/tools/issues/12/comments")!.body as { body: string }).body;
  assert.equal(reply, "No aioredis usage found on `main` at `2222222`: nothing to migrate.");
});

test("a GitHub failure during the run: the reply names the error", async () => {
  gh.token().reaction(TOOLS, 555).permission(TOOLS, "alice", "write").noConfig(TOOLS);
  gh.api.get("/repos/acme/tools/git/ref/heads%2Fmain").reply(502, { message: "Server Error" });
  gh.comment(TOOLS, 12);
  await app.deliver("issue_comment", commentCreated(TOOLS, "/redis-migrate"));
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/tools/issues/12/comments")!.body as { body: string }).body;
  assert.match(reply, /^The migration failed: Server Error/);
  assert.ok(app.logs.some((l) => l.msg === "command failed" && l.status === 502 && l.repo === "acme/tools"));
});

test("the permission check fails: the reply says the command failed", async () => {
  gh.token().reaction(TOOLS, 555);
  gh.api.get("/repos/acme/tools/collaborators/alice/permission").reply(500, { message: "Internal error" });
  gh.comment(TOOLS, 12);
  await app.deliver("issue_comment", commentCreated(TOOLS, "/redis-migrate"));
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/tools/issues/12/comments")!.body as { body: string }).body;
  assert.match(reply, /^The migration failed: Internal error/);
  assert.ok(app.logs.some((l) => l.msg === "command could not be started" && l.status === 500));
});
