/**
 * End to end through the App's real HTTP server (Probot's `run()`, as `npm start` runs it, configured only through
 * its environment variables) and the simulated GitHub on loopback: a signed `installation.created` opens a pull
 * request with the migrated files; a bad or a missing signature gets a 4xx and not one request reaches GitHub; the
 * health check answers; and `npm run demo` prints what it promises.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { startDemoEnvironment, type DemoEnvironment } from "../../src/demo/environment.js";
import { exampleRepositoryFiles, projectRoot } from "../../src/demo/example-repository.js";
import { deliverWebhook, signWebhookBody } from "../../src/demo/webhook.js";

const OWNER = "acme";
const REPO = "legacy-app";
const BRANCH = "redis-migrate/aioredis-to-redis-asyncio";
const TIMEOUT = 90_000;

/** examples/legacy-app/legacy_app/sessions.py after the migration, exactly. */
const SESSIONS_MIGRATED = `"""Owner sessions, stored as Redis hashes. The client comes from the caller."""
import secrets
import time
from typing import Dict, Optional

import redis.asyncio as redis_asyncio

SESSION_TTL = 7 * 24 * 3600


async def open_session(redis: redis_asyncio.Redis, owner: str) -> str:
    token = secrets.token_urlsafe(24)
    await redis.hset(f"session:{token}", mapping={"owner": owner, "created": str(int(time.time()))})
    await redis.expire(f"session:{token}", SESSION_TTL)
    return token


async def load_session(redis: redis_asyncio.Redis, token: str) -> Optional[Dict[str, str]]:
    data = await redis.hgetall(f"session:{token}")
    return data or None


async def close_session(redis: redis_asyncio.Redis, token: str) -> bool:
    return await redis.delete(f"session:{token}") == 1
`;

let env: DemoEnvironment;

before(async () => {
  env = await startDemoEnvironment({
    repositories: [{ owner: OWNER, name: REPO, files: exampleRepositoryFiles(), collaborators: { alice: "admin" } }],
    logLevel: "info",
  });
});

after(async () => {
  await env?.stop();
});

/** Waits a moment for anything a webhook might have started, then returns what reached GitHub. */
async function settledRequests(): Promise<number> {
  await new Promise((r) => setTimeout(r, 300));
  await env.queue.idle();
  return env.github.requests().length;
}

describe("the App's HTTP server", () => {
  test("GET /ping answers PONG (the container's health check)", async () => {
    const res = await fetch(`${env.appUrl}/ping`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), "PONG");
  });

  test("a webhook with a wrong signature gets a 4xx and no request reaches GitHub", async () => {
    env.github.clearLog();
    const payload = env.github.installationCreatedEvent(env.installationId, "alice");
    const wrongSecret = await deliverWebhook({ url: env.webhookUrl, event: "installation", payload, secret: "not-the-secret" });
    assert.ok(wrongSecret.status >= 400 && wrongSecret.status < 500, `status ${wrongSecret.status}: ${wrongSecret.body}`);
    // a signature of another body (the payload altered after signing)
    const tampered = await deliverWebhook({
      url: env.webhookUrl,
      event: "installation",
      payload,
      secret: env.secret,
      signature: signWebhookBody(env.secret, JSON.stringify({ ...payload, action: "deleted" })),
    });
    assert.ok(tampered.status >= 400 && tampered.status < 500, `status ${tampered.status}: ${tampered.body}`);
    assert.equal(await settledRequests(), 0);
    assert.deepEqual(env.github.pullRequests(OWNER, REPO), []);
  });

  test("a webhook without a signature gets a 4xx and no request reaches GitHub", async () => {
    env.github.clearLog();
    const payload = env.github.installationCreatedEvent(env.installationId, "alice");
    const res = await deliverWebhook({ url: env.webhookUrl, event: "installation", payload, secret: null });
    assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}: ${res.body}`);
    assert.equal(await settledRequests(), 0);
    assert.deepEqual(env.github.pullRequests(OWNER, REPO), []);
  });

  test("a signed installation.created opens the pull request with the migrated files", { timeout: TIMEOUT }, async () => {
    env.github.clearLog();
    const logsFrom = env.logs.length;
    const base = env.github.branchSha(OWNER, REPO, "main")!;
    const payload = env.github.installationCreatedEvent(env.installationId, "alice");
    const res = await deliverWebhook({ url: env.webhookUrl, event: "installation", payload, secret: env.secret });
    assert.equal(res.status, 200, res.body);

    const pr = await env.github.waitFor(() => env.github.pullRequests(OWNER, REPO)[0], TIMEOUT, "the pull request");
    await env.queue.idle();
    assert.deepEqual(
      env.logs.slice(logsFrom).filter((l) => l.level >= 40).map((l) => l.msg),
      [],
    );
    assert.equal(pr.title, "Migrate from aioredis to redis.asyncio");
    assert.equal(pr.user, "redis-migrate[bot]");
    assert.equal(pr.state, "open");
    assert.equal(pr.pull!.headRef, BRANCH);
    assert.equal(pr.pull!.baseRef, "main");
    assert.equal(pr.pull!.baseSha, base);
    assert.deepEqual(pr.labels, ["redis-migrate"]);
    assert.match(pr.body, /### Manual steps/);

    // one commit by the App on the default branch head
    const commits = env.github.commitsBetween(OWNER, REPO, base, BRANCH);
    assert.equal(commits.length, 1);
    assert.deepEqual(commits[0]!.commit.parents, [base]);
    assert.equal(commits[0]!.commit.authorLogin, "redis-migrate[bot]");

    const head = env.github.files(OWNER, REPO, BRANCH);
    const original = env.github.files(OWNER, REPO, "main");
    assert.equal(head.get("legacy_app/sessions.py")!.toString("utf8"), SESSIONS_MIGRATED);
    for (const [path, bytes] of head) {
      if (path.endsWith(".py")) assert.doesNotMatch(bytes.toString("utf8"), /^\s*import aioredis\b/m, path);
    }
    assert.match(head.get("requirements.txt")!.toString("utf8"), /^redis>=5\.0\.1$/m);
    assert.doesNotMatch(head.get("requirements.txt")!.toString("utf8"), /aioredis/);
    // only Python files and manifests changed; nothing added or removed
    assert.deepEqual([...head.keys()].sort(), [...original.keys()].sort());
    const changed = [...head.keys()].filter((p) => !head.get(p)!.equals(original.get(p)!)).sort();
    assert.deepEqual(changed, [
      "legacy_app/app.py",
      "legacy_app/cache.py",
      "legacy_app/notifier.py",
      "legacy_app/ratelimit.py",
      "legacy_app/sessions.py",
      "legacy_app/views.py",
      "pyproject.toml",
      "requirements.txt",
    ]);

    // one review with a comment on each line that needs a person
    const reviews = pr.pull!.reviews;
    assert.equal(reviews.length, 1);
    assert.ok(reviews[0]!.comments.length >= 1);
    for (const c of reviews[0]!.comments) assert.match(c.body, /Manual step/);

    // the budget of the issue: 2 reads to snapshot, at most 6 writes to publish
    const requests = env.github.requests({ host: "api" });
    const snapshotReads = requests.filter((r) => r.kind === "read" && /\/git\/trees\/|\/tarball\//.test(r.path));
    assert.equal(snapshotReads.length, 2);
    const writes = requests.filter((r) => r.kind === "write");
    assert.deepEqual(
      writes.map((r) => r.route),
      [
        "POST /repos/{owner}/{repo}/git/trees",
        "POST /repos/{owner}/{repo}/git/commits",
        "POST /repos/{owner}/{repo}/git/refs",
        "POST /repos/{owner}/{repo}/pulls",
        "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
        "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
      ],
    );
    assert.ok(requests.every((r) => r.route !== null && r.status < 500), JSON.stringify(requests.filter((r) => r.route === null || r.status >= 500)));
  });

  test("the same delivery again (a redelivery) writes nothing", { timeout: TIMEOUT }, async () => {
    env.github.clearLog();
    const payload = env.github.installationCreatedEvent(env.installationId, "alice");
    const first = await deliverWebhook({ url: env.webhookUrl, event: "installation", payload, secret: env.secret });
    assert.equal(first.status, 200);
    await env.queue.idle();
    const again = await deliverWebhook({ url: env.webhookUrl, event: "installation", payload, secret: env.secret, deliveryId: first.deliveryId });
    assert.equal(again.status, 200);
    await settledRequests();
    assert.equal(env.github.requests({ kind: "write" }).length, 0);
    assert.equal(env.github.pullRequests(OWNER, REPO).length, 1);
  });
});

describe("commands through the HTTP server", () => {
  test("/redis-migrate dry-run by an admin: 👀, then the summary as a reply, no branch touched; a reader gets a refusal", { timeout: TIMEOUT }, async () => {
    const pr = env.github.pullRequests(OWNER, REPO)[0];
    assert.ok(pr, "runs after the installation test opened the PR");
    const headBefore = env.github.branchSha(OWNER, REPO, BRANCH);
    env.github.clearLog();
    const bot = "redis-migrate[bot]";

    const asked = env.github.addIssueComment(OWNER, REPO, pr.number, { body: "/redis-migrate dry-run", user: "alice" });
    const res = await deliverWebhook({ url: env.webhookUrl, event: "issue_comment", payload: env.github.issueCommentCreatedEvent(OWNER, REPO, asked.id, env.installationId), secret: env.secret });
    assert.equal(res.status, 200, res.body);
    const reply = await env.github.waitFor(() => env.github.issueComments(OWNER, REPO, pr.number).find((c) => c.user === bot && c.id > asked.id), TIMEOUT, "the reply");
    await env.queue.idle();
    assert.deepEqual(asked.reactions.map((r) => [r.user, r.content]), [[bot, "eyes"]]);
    assert.match(reply.body, /^Dry run on `main` at `[0-9a-f]{7}`: 8 files would change/);
    assert.match(reply.body, /-import aioredis\n\+import redis\.asyncio as redis_asyncio/);
    assert.equal(env.github.branchSha(OWNER, REPO, BRANCH), headBefore);
    assert.deepEqual(
      env.github.requests({ kind: "write" }).map((r) => r.route),
      ["POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    );

    env.github.addAccount("bob");
    const refused = env.github.addIssueComment(OWNER, REPO, pr.number, { body: "/redis-migrate", user: "bob" });
    await deliverWebhook({ url: env.webhookUrl, event: "issue_comment", payload: env.github.issueCommentCreatedEvent(OWNER, REPO, refused.id, env.installationId), secret: env.secret });
    const refusal = await env.github.waitFor(() => env.github.issueComments(OWNER, REPO, pr.number).find((c) => c.user === bot && c.id > refused.id), TIMEOUT, "the refusal");
    await env.queue.idle();
    assert.match(refusal.body, /^Sorry @bob, only people with write, maintain or admin permission/);
    assert.equal(env.github.branchSha(OWNER, REPO, BRANCH), headBefore);
  });
});

describe("npm run demo", () => {
  test("prints the pull request, its files as diffs, the review comments, the labels and the requests; exits 0", { timeout: 150_000 }, async () => {
    const root = projectRoot();
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "src", "demo", "main.ts")], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 140_000);
      child.on("close", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.equal(code, 0, `exit ${code}\n${stderr}\n${stdout.slice(-2000)}`);
    assert.match(stdout, /^Title: {3}Migrate from aioredis to redis\.asyncio$/m);
    assert.match(stdout, /^### Manual steps$/m);
    assert.match(stdout, /^### Dependencies$/m);
    assert.match(stdout, /^diff --git a\/legacy_app\/sessions\.py b\/legacy_app\/sessions\.py$/m);
    assert.match(stdout, /^-import aioredis$/m);
    assert.match(stdout, /^\+import redis\.asyncio as redis_asyncio$/m);
    assert.match(stdout, /^\+ {4}await redis\.hset\(f"session:\{token\}", mapping=\{"owner": owner, "created": str\(int\(time\.time\(\)\)\)\}\)$/m);
    assert.match(stdout, /^=== Review comments \(\d+ in 1 review\)/m);
    assert.match(stdout, /^--- legacy_app\/app\.py:\d+ \(RIGHT\)$/m);
    assert.match(stdout, /^=== Labels =+\nredis-migrate$/m);
    assert.match(stdout, /GitHub API requests: \d+ reads \(2 to snapshot the repository\), 6 writes; 2 App-level \(JWT\) requests; 1 archive download/);
    assert.match(stdout, /POST +201 +write \/repos\/acme\/legacy-app\/pulls$/m);
  });
});
