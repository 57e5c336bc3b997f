/**
 * Files as bytes: a PEP 263 latin-1 file is decoded, migrated and written back in latin-1 (a base64 blob, as
 * inline tree contents are UTF-8 only); files that cannot be migrated are listed, and a repository whose only
 * aioredis code is in such files is not called "no aioredis usage".
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { commentCreated, createHarness, GitHubMock, installationCreated, type Harness, type RepoSpec } from "./harness.js";

let gh: GitHubMock;
let app: Harness;

beforeEach(async () => {
  gh = new GitHubMock();
  app = await createHarness();
});
afterEach(() => gh.done());

const LATIN1_TEXT = '# -*- coding: latin-1 -*-\n# café\nimport aioredis\n\n\nasync def connect():\n    return await aioredis.create_redis_pool("redis://localhost", maxsize=10)\n';

test("a latin-1 file keeps its encoding: written as a base64 blob of latin-1 bytes", async () => {
  const spec: RepoSpec = { repo: "legacy", files: { "legacy/db.py": Buffer.from(LATIN1_TEXT, "latin1") } };
  gh.token().repository(spec).noConfig(spec).head(spec).snapshot(spec).pulls(spec).noBranch(spec);
  gh.api.post("/repos/acme/legacy/git/blobs").reply(201, { sha: "0".repeat(40) });
  gh.openPull(spec);
  await app.deliver("installation", installationCreated([spec]));
  assert.deepEqual(app.problems(), []);
  assert.deepEqual(gh.pending(), []);
  const blob = gh.find("POST", "/repos/acme/legacy/git/blobs")!.body as { content: string; encoding: string };
  assert.equal(blob.encoding, "base64");
  const bytes = Buffer.from(blob.content, "base64");
  assert.equal(bytes.toString("latin1"), '# -*- coding: latin-1 -*-\n# café\nimport redis.asyncio as redis\n\n\nasync def connect():\n    return redis.Redis(connection_pool=redis.BlockingConnectionPool.from_url("redis://localhost", max_connections=10, timeout=None))\n');
  assert.ok(bytes.includes(Buffer.from([0xe9])), "é is one latin-1 byte");
  const tree = gh.find("POST", "/repos/acme/legacy/git/trees")!.body as { tree: unknown[] };
  assert.deepEqual(tree.tree, [{ path: "legacy/db.py", mode: "100644", type: "blob", sha: "0".repeat(40) }]);
});

test("aioredis only in a file that does not parse: the command reply lists it instead of 'no aioredis usage'", async () => {
  const spec: RepoSpec = { repo: "broken", files: { "app.py": "import aioredis\n\ndef broken(:\n    pass\n", "ok.py": "print(1)\n" } };
  gh.token().reaction(spec, 555).permission(spec, "alice", "write").noConfig(spec).head(spec).snapshot(spec).comment(spec, 12);
  await app.deliver("issue_comment", commentCreated(spec, "/redis-migrate"));
  assert.deepEqual(gh.pending(), []);
  const reply = (gh.find("POST", "/repos/acme/broken/issues/12/comments")!.body as { body: string }).body;
  assert.match(reply, /^aioredis is named on `main` at `aaaaaaa`, but only in files I could not migrate:\n\n- `app\.py`: syntax-error \(/);
});
