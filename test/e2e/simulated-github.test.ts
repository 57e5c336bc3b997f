/**
 * The simulated GitHub behind the demo and the end-to-end tests, driven through the App's own gateway (Octokit
 * over real HTTP on loopback): the routes of src/github/types.ts answer with GitHub's status codes and shapes, and
 * its git objects are real git objects (the SHAs equal git's own).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { Octokit } from "@octokit/rest";
import { OctokitGateway, type OctokitRequester } from "../../src/github/octokit-gateway.js";
import { publishMigration, type MigrationProposal, type PublishSettings } from "../../src/github/publish.js";
import { SimulatedGitHub } from "../../src/demo/simulated-github/index.js";

const OWNER = "acme";
const INSTALLATION = 7;
const BRANCH = "redis-migrate/aioredis-to-redis-asyncio";
const LONG_PATH = `services/${"deeply-nested-package-name/".repeat(4)}worker_module.py`;

const FILES = {
  "README.md": "# shop\n",
  "requirements.txt": "aioredis==1.3.1\n",
  "shop/__init__.py": "",
  "shop/cache.py": "import aioredis\n\n\nasync def connect():\n    return await aioredis.create_redis_pool('redis://localhost')\n",
  "bin/run.py": { content: "#!/usr/bin/env python\nimport aioredis\n", mode: "100755" as const },
  "shop/link.py": { content: "cache.py", mode: "120000" as const },
  [LONG_PATH]: "import aioredis\n",
  "docs/guide.md": "guide\n",
};

const JWT = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2lnbmF0dXJl";

let sim: SimulatedGitHub;

async function tokenFor(installationId: number): Promise<string> {
  const res = await fetch(`${sim.apiUrl}/app/installations/${installationId}/access_tokens`, { method: "POST", headers: { authorization: JWT } });
  assert.equal(res.status, 201);
  return ((await res.json()) as { token: string }).token;
}

async function gatewayFor(repo: string, installationId = INSTALLATION): Promise<{ gateway: OctokitGateway; octokit: Octokit }> {
  const octokit = new Octokit({ baseUrl: sim.apiUrl, auth: await tokenFor(installationId), log: { debug() {}, info() {}, warn() {}, error() {} } });
  return { gateway: new OctokitGateway(octokit as unknown as OctokitRequester, { installationId, owner: OWNER, repo }), octokit };
}

async function status(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
    return { status: 0, message: "" };
  } catch (error) {
    const e = error as { status: number; message: string };
    return { status: e.status, message: e.message };
  }
}

before(async () => {
  sim = new SimulatedGitHub({ now: () => new Date("2024-05-01T12:00:00Z") });
  sim.addAccount("alice");
  sim.addAccount("bob");
  sim.addRepository({ owner: OWNER, name: "shop", files: FILES, collaborators: { alice: "admin", carol: "maintain" } });
  sim.addRepository({ owner: OWNER, name: "big", files: { "a.py": "import aioredis\n", "b/c.py": "x = 1\n", "d.txt": "d\n" }, treeEntryLimit: 2 });
  sim.addRepository({ owner: OWNER, name: "old", files: { "a.py": "import aioredis\n" }, archived: true });
  sim.addRepository({ owner: OWNER, name: "nothing", empty: true });
  sim.addRepository({ owner: OWNER, name: "private", files: { "a.py": "" }, private: true });
  sim.addRepository({ owner: "other-org", name: "elsewhere", files: { "a.py": "import aioredis\n" } });
  sim.addInstallation({ id: INSTALLATION, account: OWNER, repositories: "all" });
  sim.addInstallation({ id: 8, account: OWNER, repositories: ["shop"] });
  await sim.start();
});

after(async () => {
  await sim.stop();
});

describe("authentication", () => {
  test("every API route wants an Authorization header; /app routes a JWT, the others an installation token", async () => {
    sim.clearLog();
    assert.equal((await fetch(`${sim.apiUrl}/repos/acme/shop`)).status, 401);
    assert.equal((await fetch(`${sim.apiUrl}/app`)).status, 401);
    assert.equal((await fetch(`${sim.apiUrl}/repos/acme/shop`, { headers: { authorization: JWT } })).status, 403);
    assert.equal((await fetch(`${sim.apiUrl}/repos/acme/shop`, { headers: { authorization: "token ghs_made_up" } })).status, 401);
    assert.equal((await fetch(`${sim.apiUrl}/app`, { headers: { authorization: "token ghs_made_up" } })).status, 401);
    const app = await fetch(`${sim.apiUrl}/app`, { headers: { authorization: JWT } });
    assert.equal(app.status, 200);
    assert.equal(((await app.json()) as { slug: string }).slug, "redis-migrate");
    assert.equal((await fetch(`${sim.apiUrl}/app/installations/999/access_tokens`, { method: "POST", headers: { authorization: JWT } })).status, 404);
    assert.deepEqual(
      sim.requests().map((r) => [r.method, r.path, r.status, r.kind]),
      [
        ["GET", "/repos/acme/shop", 401, "read"],
        ["GET", "/app", 401, "auth"],
        ["GET", "/repos/acme/shop", 403, "read"],
        ["GET", "/repos/acme/shop", 401, "read"],
        ["GET", "/app", 401, "auth"],
        ["GET", "/app", 200, "auth"],
        ["POST", "/app/installations/999/access_tokens", 404, "auth"],
      ],
    );
  });

  test("an installation sees only its repositories (404 elsewhere); the /api/v3 prefix of GitHub Enterprise works too", async () => {
    const token = await tokenFor(8);
    const get = (path: string) => fetch(`${sim.apiUrl}${path}`, { headers: { authorization: `token ${token}` } });
    assert.equal((await get("/repos/acme/shop")).status, 200);
    assert.equal((await get("/api/v3/repos/acme/shop")).status, 200);
    assert.equal((await get("/repos/acme/big")).status, 404);
    assert.equal((await get("/repos/other-org/elsewhere")).status, 404);
    const list = (await (await get("/installation/repositories")).json()) as { total_count: number; repositories: { full_name: string }[] };
    assert.deepEqual(list.repositories.map((r) => r.full_name), ["acme/shop"]);
  });
});

describe("git objects", () => {
  test("blob, tree and commit SHAs are git's own", () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-git-"));
    try {
      for (const [path, f] of Object.entries(FILES)) {
        const full = join(dir, path);
        mkdirSync(join(full, ".."), { recursive: true });
        const content = typeof f === "string" ? f : f.content;
        writeFileSync(full, content);
        if (typeof f !== "string" && f.mode === "100755") chmodSync(full, 0o755);
      }
      // the symlink as git stores it: a blob holding the target, mode 120000
      rmSync(join(dir, "shop/link.py"));
      execFileSync("ln", ["-s", "cache.py", join(dir, "shop/link.py")]);
      const git = (...args: string[]) => execFileSync("git", ["-c", "core.fileMode=true", "-c", "core.symlinks=true", ...args], { cwd: dir, encoding: "utf8" }).trim();
      git("init", "-q");
      git("add", "-A");
      const tree = git("write-tree");
      const head = sim.branchSha(OWNER, "shop", "main")!;
      assert.equal(sim.commit(OWNER, "shop", head)!.tree, tree);
      assert.equal(git("hash-object", "requirements.txt"), execFileSync("git", ["hash-object", "--stdin"], { input: "aioredis==1.3.1\n", encoding: "utf8" }).trim());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("reading a repository through the gateway", () => {
  test("repository, head, recursive tree and the tarball after a 302 to the codeload origin: one snapshot in 2 API reads", async () => {
    const { gateway } = await gatewayFor("shop");
    const info = await gateway.getRepository();
    assert.deepEqual({ ...info, htmlUrl: info.htmlUrl.replace(sim.apiUrl, "WEB") }, {
      owner: "acme",
      repo: "shop",
      defaultBranch: "main",
      archived: false,
      disabled: false,
      fork: false,
      empty: false,
      htmlUrl: "WEB/acme/shop",
    });
    const head = await gateway.getBranchSha("main");
    assert.equal(head, sim.branchSha(OWNER, "shop", "main"));
    assert.equal(await gateway.getBranchSha("no-such-branch"), null);

    sim.clearLog();
    const snapshot = await gateway.readSnapshot(head!, { maxFileBytes: 1_000_000 });
    assert.ok(snapshot);
    assert.equal(snapshot.commitSha, head);
    assert.equal(snapshot.treeSha, sim.commit(OWNER, "shop", head!)!.tree);
    assert.equal(snapshot.treeTruncated, false);
    const files = Object.fromEntries(snapshot.files.map((f) => [f.path, [f.bytes.toString("utf8"), f.mode]]));
    assert.deepEqual(files, {
      "bin/run.py": ["#!/usr/bin/env python\nimport aioredis\n", "100755"],
      "requirements.txt": ["aioredis==1.3.1\n", "100644"],
      [LONG_PATH]: ["import aioredis\n", "100644"],
      "shop/__init__.py": ["", "100644"],
      "shop/cache.py": [FILES["shop/cache.py"], "100644"],
    });
    // the symlink is not read as a file
    assert.deepEqual(snapshot.skipped, [{ path: "shop/link.py", reason: "not-a-regular-file" }]);
    assert.deepEqual(
      sim.requests().map((r) => [r.host, r.method, r.status, r.route]),
      [
        ["api", "GET", 200, "GET /repos/{owner}/{repo}/git/trees/{tree_sha+}"],
        ["api", "GET", 302, "GET /repos/{owner}/{repo}/tarball/{ref+}"],
        ["codeload", "GET", 200, "GET /{owner}/{repo}/legacy.tar.gz/{ref}"],
      ],
    );
    assert.deepEqual(sim.requestCounts(), { reads: 2, writes: 0, auth: 0, codeload: 1, unknownRoutes: 0 });
  });

  test("the archive: a pax global header with the commit SHA, then everything under owner-repo-sha7/", async () => {
    const token = await tokenFor(INSTALLATION);
    const head = sim.branchSha(OWNER, "shop", "main")!;
    const redirect = await fetch(`${sim.apiUrl}/repos/acme/shop/tarball/main`, { headers: { authorization: `token ${token}` }, redirect: "manual" });
    assert.equal(redirect.status, 302);
    const location = redirect.headers.get("location")!;
    assert.notEqual(new URL(location).origin, new URL(sim.apiUrl).origin);
    // without its token the codeload URL is not found
    assert.equal((await fetch(location.replace(/token=[^&]+/, "token=nope"))).status, 404);
    const archive = await fetch(location);
    assert.equal(archive.headers.get("content-type"), "application/x-gzip");
    const tar = gunzipSync(Buffer.from(await archive.arrayBuffer()));
    const name = (at: number) => tar.subarray(at, at + 100).toString("utf8").replace(/\0.*$/s, "");
    assert.equal(name(0), "pax_global_header");
    assert.equal(String.fromCharCode(tar[156]!), "g");
    assert.equal(tar.subarray(512, 512 + 52).toString("utf8"), `52 comment=${head}\n`);
    assert.equal(name(1024), `acme-shop-${head.slice(0, 7)}/`);
    // the real tar reads it too (if present)
    const dir = mkdtempSync(join(tmpdir(), "sim-tar-"));
    try {
      writeFileSync(join(dir, "a.tar"), tar);
      const listing = execFileSync("tar", ["-tf", join(dir, "a.tar")], { encoding: "utf8" }).trim().split("\n");
      assert.ok(listing.includes(`acme-shop-${head.slice(0, 7)}/${LONG_PATH}`), listing.join("\n"));
      assert.ok(listing.includes(`acme-shop-${head.slice(0, 7)}/bin/run.py`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a truncated recursive tree says so; the snapshot then keeps every Python file and manifest of the tarball", async () => {
    const { gateway, octokit } = await gatewayFor("big");
    const head = (await gateway.getBranchSha("main"))!;
    const tree = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner: OWNER, repo: "big", tree_sha: head, recursive: "1" });
    assert.equal(tree.data.truncated, true);
    assert.equal(tree.data.tree.length, 2);
    const snapshot = await gateway.readSnapshot(head, { maxFileBytes: 1_000_000 });
    assert.equal(snapshot!.treeTruncated, true);
    assert.deepEqual(snapshot!.files.map((f) => f.path).sort(), ["a.py", "b/c.py"]);
  });

  test("empty and missing things: 409/404 as GitHub answers them", async () => {
    const { gateway, octokit } = await gatewayFor("nothing");
    const info = await gateway.getRepository();
    assert.equal(info.empty, true);
    assert.deepEqual(await status(octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { owner: OWNER, repo: "nothing", ref: "heads/main" })), {
      status: 409,
      message: "Git Repository is empty. - https://docs.github.com/rest",
    });
    assert.equal((await status(octokit.request("GET /repos/{owner}/{repo}/tarball/{ref}", { owner: OWNER, repo: "nothing", ref: "main" }))).status, 404);
    assert.equal((await status(octokit.request("GET /repos/{owner}/{repo}", { owner: OWNER, repo: "missing" }))).status, 404);
    assert.equal((await status(octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: OWNER, repo: "shop", path: ".github/redis-migrate.yml" }))).status, 404);
    const raw = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: OWNER, repo: "shop", path: "requirements.txt", mediaType: { format: "raw" } });
    assert.equal(raw.data, "aioredis==1.3.1\n");
  });
});

describe("writing through the gateway", () => {
  test("commit, branch, pull request, label, review, comment, reaction, permission: GitHub's answers, 422s included", async () => {
    const { gateway } = await gatewayFor("shop");
    const head = (await gateway.getBranchSha("main"))!;
    const treeSha = sim.commit(OWNER, "shop", head)!.tree;
    sim.clearLog();
    const migrated = "import redis.asyncio as redis\n\n\nasync def connect():\n    return redis.Redis.from_url('redis://localhost')\n";
    const latin1 = Buffer.from("# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n", "latin1");
    const sha = await gateway.createCommit({
      baseSha: head,
      baseTreeSha: treeSha,
      message: "Migrate from aioredis to redis.asyncio",
      files: [
        { path: "shop/cache.py", bytes: Buffer.from(migrated) },
        { path: "bin/run.py", bytes: Buffer.from("#!/usr/bin/env python\nimport redis.asyncio\n"), mode: "100755" },
        { path: "shop/legacy.py", bytes: latin1 },
      ],
    });
    const commit = sim.commit(OWNER, "shop", sha)!;
    assert.deepEqual(commit.parents, [head]);
    assert.equal(commit.authorLogin, "redis-migrate[bot]");
    assert.equal(commit.committerLogin, "web-flow");
    // the other files are the base tree's, the non-UTF-8 file kept byte for byte (a base64 blob)
    const after = sim.files(OWNER, "shop", sha);
    assert.equal(after.get("shop/cache.py")!.toString(), migrated);
    assert.deepEqual(after.get("shop/legacy.py"), latin1);
    assert.equal(after.get("README.md")!.toString(), "# shop\n");
    assert.equal(after.size, Object.keys(FILES).length + 1);

    await gateway.setBranch({ branch: BRANCH, sha, create: true, force: false });
    assert.deepEqual(await status(gateway.setBranch({ branch: BRANCH, sha, create: true, force: false })), { status: 422, message: "Reference already exists - https://docs.github.com/rest" });
    // moving the branch back to its parent is not a fast forward unless forced
    assert.deepEqual(await status(gateway.setBranch({ branch: BRANCH, sha: head, create: false, force: false })), { status: 422, message: "Update is not a fast forward - https://docs.github.com/rest" });
    await gateway.setBranch({ branch: BRANCH, sha: head, create: false, force: true });
    await gateway.setBranch({ branch: BRANCH, sha, create: false, force: false });

    const pr = await gateway.openPullRequest({ head: BRANCH, base: "main", title: "Migrate", body: "body", draft: false });
    assert.equal(pr.number, 1);
    assert.equal(pr.headSha, sha);
    assert.equal(pr.baseSha, head);
    const again = await status(gateway.openPullRequest({ head: BRANCH, base: "main", title: "Migrate", body: "body", draft: false }));
    assert.equal(again.status, 422);
    assert.match(again.message, /A pull request already exists for acme:redis-migrate\/aioredis-to-redis-asyncio\./);
    assert.match((await status(gateway.updatePullRequest({ number: 1, title: "t", body: "x".repeat(65_537) }))).message, /body is too long \(maximum is 65536 characters\)/);

    assert.deepEqual((await gateway.findMigrationPullRequests(BRANCH)).map((p) => [p.number, p.state, p.headRef]), [[1, "open", BRANCH]]);
    assert.deepEqual(await gateway.listBranchCommits(BRANCH, head), [{ sha, authorLogin: "redis-migrate[bot]", committerLogin: "web-flow", message: "Migrate from aioredis to redis.asyncio" }]);

    await gateway.addLabels(1, ["redis-migrate"]);
    await gateway.addLabels(1, ["redis-migrate", "dependencies"]);
    assert.deepEqual(sim.pullRequests(OWNER, "shop")[0]!.labels, ["redis-migrate", "dependencies"]);
    await gateway.addAssignees(1, ["alice", "stranger"]);
    assert.deepEqual(sim.pullRequests(OWNER, "shop")[0]!.assignees, ["alice"]);
    assert.match((await status(gateway.requestReviewers(1, ["bob"]))).message, /Reviews may only be requested from collaborators/);
    await gateway.requestReviewers(1, ["carol"]);

    // review comments must sit on lines of the diff; a range must stay in one hunk
    const outside = await status(gateway.createReview({ prNumber: 1, commitSha: sha, body: "b", comments: [{ path: "README.md", line: 1, body: "x" }] }));
    assert.deepEqual(outside, { status: 422, message: "Unprocessable Entity: \"Path could not be resolved\" - https://docs.github.com/rest" });
    const farLine = await status(gateway.createReview({ prNumber: 1, commitSha: sha, body: "b", comments: [{ path: "shop/cache.py", line: 99, body: "x" }] }));
    assert.match(farLine.message, /line must be part of the diff/);
    await gateway.createReview({ prNumber: 1, commitSha: sha, body: "1 manual step", comments: [{ path: "shop/cache.py", line: 5, body: "check the URL" }, { path: "shop/cache.py", startLine: 1, line: 2, body: "range" }] });
    const review = sim.pullRequests(OWNER, "shop")[0]!.pull!.reviews[0]!;
    assert.equal(review.state, "COMMENTED");
    assert.deepEqual(review.comments.map((c) => [c.path, c.startLine, c.line, c.side]), [["shop/cache.py", null, 5, "RIGHT"], ["shop/cache.py", 1, 2, "RIGHT"]]);

    await gateway.createComment(1, "hello");
    const human = sim.addIssueComment(OWNER, "shop", 1, { body: "/redis-migrate", user: "alice" });
    await gateway.reactToComment(human.id, "eyes");
    await gateway.reactToComment(human.id, "eyes");
    assert.deepEqual(human.reactions.map((r) => [r.user, r.content]), [["redis-migrate[bot]", "eyes"]]);

    assert.equal(await gateway.getPermission("alice"), "admin");
    assert.equal(await gateway.getPermission("carol"), "maintain");
    assert.equal(await gateway.getPermission("bob"), "read");
    assert.equal(await gateway.getPermission("nobody-at-all"), "none");

    // deleting the head branch closes the pull request, as on GitHub
    await gateway.deleteBranch(BRANCH);
    await gateway.deleteBranch(BRANCH);
    assert.equal(sim.pullRequests(OWNER, "shop")[0]!.state, "closed");
    assert.equal(await gateway.getBranchSha(BRANCH), null);
    assert.equal(sim.requestCounts().unknownRoutes, 0);
  });

  test("an archived repository is read-only (403); a private one hides from strangers (permission none)", async () => {
    const { gateway } = await gatewayFor("old");
    const head = (await gateway.getBranchSha("main"))!;
    const r = await status(gateway.createCommit({ baseSha: head, files: [{ path: "a.py", bytes: Buffer.from("x\n") }], message: "m" }));
    assert.deepEqual(r, { status: 403, message: "Repository was archived so is read-only. - https://docs.github.com/rest" });
    const { gateway: priv } = await gatewayFor("private");
    assert.equal(await priv.getPermission("bob"), "none");
  });

  test("two publications of the same migration at once open one pull request and one branch", async () => {
    sim.addRepository({ owner: OWNER, name: "race", files: { "app.py": "import aioredis\n" } });
    const a = (await gatewayFor("race")).gateway;
    const b = (await gatewayFor("race")).gateway;
    const head = (await a.getBranchSha("main"))!;
    const proposal: MigrationProposal = {
      baseSha: head,
      baseTreeSha: sim.commit(OWNER, "race", head)!.tree,
      files: [{ path: "app.py", bytes: Buffer.from("import redis.asyncio as redis\n") }],
      title: "Migrate",
      body: "<!-- state: h1 -->",
      commitMessage: "Migrate",
      filesHash: "h1",
      parseFilesHash: (body) => /state: (\w+)/.exec(body)?.[1],
      reviewComments: [],
      reviewBody: "",
    };
    const settings: PublishSettings = { branch: BRANCH, defaultBranch: "main", labels: ["redis-migrate"], reviewers: [], assignees: [], draft: false, botLogin: "redis-migrate[bot]", explicit: false, recreate: false };
    const outcomes = await Promise.all([publishMigration(a, proposal, settings), publishMigration(b, proposal, settings)]);
    assert.deepEqual(outcomes.map((o) => o.kind).sort(), ["opened", "up-to-date"]);
    assert.equal(sim.pullRequests(OWNER, "race").length, 1);
    assert.equal(sim.files(OWNER, "race", BRANCH).get("app.py")!.toString(), "import redis.asyncio as redis\n");
    // and again, with the PR open and its state marker equal: nothing is written
    sim.clearLog();
    const third = await publishMigration(a, proposal, settings);
    assert.equal(third.kind, "up-to-date");
    assert.deepEqual(sim.requestCounts(), { reads: 1, writes: 0, auth: 0, codeload: 0, unknownRoutes: 0 });
  });

  test("injected failures answer the next matching request, then the route works again", async () => {
    const { gateway } = await gatewayFor("shop");
    sim.injectFailure({ method: "GET", path: "/repos/acme/shop/collaborators/", status: 502, body: { message: "Server Error" } });
    assert.equal((await status(gateway.getPermission("alice"))).status, 502);
    assert.equal(await gateway.getPermission("alice"), "admin");
  });
});
