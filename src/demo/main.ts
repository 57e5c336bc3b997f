/**
 * `npm run demo`: the whole App flow with no credentials and no network. A simulated GitHub (the project's own, on
 * loopback) holds one repository built from examples/legacy-app; the App runs on its real HTTP server (Probot's
 * `run()`, as `npm start` does) with a key made for the occasion; a signed `installation.created` webhook goes to
 * its webhook endpoint; once the job has finished, the demo prints the pull request the App opened — title, body,
 * the files of its commit as diffs against the base, the review comments, the labels — and every request the App
 * made to GitHub.
 *
 *   npm run demo                                     # install → pull request
 *   npm run demo -- --comment "/redis-migrate dry-run"   # then a maintainer comments on the pull request
 *   npm run demo -- --verbose                        # the App's log lines on stderr
 *
 * Exit status: 0 when the pull request was opened (and the comment answered), 1 otherwise, with the reason.
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { startDemoEnvironment, type DemoEnvironment, type LogRecord } from "./environment.js";
import { exampleRepositoryFiles } from "./example-repository.js";
import { unifiedDiff } from "./simulated-github/diff.js";
import type { LoggedRequest } from "./simulated-github/index.js";
import { deliverWebhook } from "./webhook.js";

export const DEMO_OWNER = "acme";
export const DEMO_REPO = "legacy-app";
/** The person who installs the App and comments (admin of the repository). */
export const DEMO_USER = "alice";

const JOB_TIMEOUT_MS = 90_000;

export interface DemoOptions {
  readonly comment?: string;
  readonly verbose?: boolean;
}

type Print = (line?: string) => void;

class DemoFailure extends Error {}

function rule(print: Print, title: string): void {
  print();
  print(`=== ${title} ${"=".repeat(Math.max(3, 100 - title.length - 5))}`);
}

function describe(r: LoggedRequest): string {
  const path = r.path.replace(/\?token=[^&]+/, "?token=…");
  return `${String(r.seq).padStart(3)}  ${r.method.padEnd(6)} ${String(r.status).padEnd(4)} ${r.kind.padEnd(5)} ${r.host === "codeload" ? "codeload " : ""}${decodeURIComponentSafe(path)}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Prints the requests and their counts; API reads and writes apart from the App's JWT requests and the download. */
function printRequests(print: Print, requests: readonly LoggedRequest[], title: string): void {
  rule(print, title);
  for (const r of requests) print(describe(r));
  const api = requests.filter((r) => r.host === "api");
  const reads = api.filter((r) => r.kind === "read").length;
  const writes = api.filter((r) => r.kind === "write").length;
  const auth = api.filter((r) => r.kind === "auth").length;
  const codeload = requests.filter((r) => r.host === "codeload").length;
  const snapshot = api.filter((r) => r.kind === "read" && /\/git\/trees\/|\/tarball\//.test(r.path)).length;
  print();
  print(`GitHub API requests: ${reads} reads (${snapshot} to snapshot the repository), ${writes} writes; ${auth} App-level (JWT) requests; ${codeload} archive download from codeload (the tarball redirect)`);
}

function failures(logs: readonly LogRecord[]): LogRecord[] {
  return logs.filter((l) => l.level >= 50);
}

async function settle(env: DemoEnvironment, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DemoFailure(`the App's jobs did not finish within ${JOB_TIMEOUT_MS / 1000} s (${what})`)), JOB_TIMEOUT_MS);
  });
  try {
    await Promise.race([env.queue.idle(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runDemo(options: DemoOptions, print: Print): Promise<void> {
  const files = exampleRepositoryFiles();
  const env = await startDemoEnvironment({
    repositories: [{ owner: DEMO_OWNER, name: DEMO_REPO, files, collaborators: { [DEMO_USER]: "admin" }, description: "An aiohttp service on aioredis 1.3.1" }],
    ...(options.verbose ? { logTo: process.stderr, logLevel: "debug" as const } : {}),
  });
  const { github } = env;
  try {
    print("redis-migrate demo: the GitHub App against a simulated GitHub (no credentials, no network)");
    print(`  simulated GitHub API  ${github.apiUrl} (GHE_HOST=${github.host} GHE_PROTOCOL=http)`);
    print(`  App HTTP server       ${env.appUrl} (webhooks at ${env.webhookUrl})`);
    print(`  repository            ${DEMO_OWNER}/${DEMO_REPO}: ${Object.keys(files).length} files from examples/legacy-app, default branch main`);

    // 1. the installation webhook, signed with the App's secret, to the App's real HTTP endpoint
    const payload = github.installationCreatedEvent(env.installationId, DEMO_USER);
    const delivery = await deliverWebhook({ url: env.webhookUrl, event: "installation", payload, secret: env.secret });
    print(`  webhook               installation.created (delivery ${delivery.deliveryId}) → HTTP ${delivery.status}`);
    if (delivery.status < 200 || delivery.status >= 300) throw new DemoFailure(`the App refused the webhook: HTTP ${delivery.status} ${delivery.body}`);

    // 2. the job: the webhook was answered once the work was queued; the queue drains when the PR, its label and
    //    its review are written (or the job gave up)
    await settle(env, "after the installation");
    const problems = failures(env.logs);
    if (problems.length > 0) throw new DemoFailure(`the App logged errors: ${problems.map((p) => `${p.msg}${p.error ? ` (${String(p.error)})` : ""}`).join("; ")}`);
    const pr = github.pullRequests(DEMO_OWNER, DEMO_REPO)[0];
    if (!pr?.pull) throw new DemoFailure("the App finished without opening a pull request");
    const installRequests = github.requests();

    rule(print, `Pull request #${pr.number}`);
    print(`Title:   ${pr.title}`);
    print(`Branch:  ${pr.pull.headRef} → ${pr.pull.baseRef} (${pr.pull.headSha.slice(0, 7)} on ${pr.pull.baseSha.slice(0, 7)})${pr.pull.draft ? ", draft" : ""}`);
    print(`Author:  ${pr.user}`);
    print(`Labels:  ${pr.labels.length > 0 ? pr.labels.join(", ") : "(none)"}`);
    print(`URL:     ${github.apiUrl}/${DEMO_OWNER}/${DEMO_REPO}/pull/${pr.number} (simulated: links have no web page behind them)`);

    rule(print, "Pull request body");
    print(pr.body);

    const base = github.files(DEMO_OWNER, DEMO_REPO, pr.pull.baseSha);
    const head = github.files(DEMO_OWNER, DEMO_REPO, pr.pull.headSha);
    const commits = github.commitsBetween(DEMO_OWNER, DEMO_REPO, pr.pull.baseSha, pr.pull.headSha);
    const changed = [...new Set([...base.keys(), ...head.keys()])].sort().filter((p) => {
      const a = base.get(p);
      const b = head.get(p);
      return !a || !b || !a.equals(b);
    });
    rule(print, `Files of the commit (${changed.length} changed, ${commits.length} commit${commits.length === 1 ? "" : "s"})`);
    for (const c of commits) {
      print(`commit ${c.sha}`);
      print(`Author:    ${c.commit.author.name} <${c.commit.author.email}>`);
      print(`Committer: ${c.commit.committer.name} <${c.commit.committer.email}>`);
      print();
      for (const line of c.commit.message.split("\n")) print(`    ${line}`.trimEnd());
      print();
    }
    for (const path of changed) {
      const before = base.get(path);
      const after = head.get(path);
      print(`diff --git a/${path} b/${path}`);
      print(unifiedDiff(path, before ? before.toString("utf8") : null, after ? after.toString("utf8") : null));
    }

    const reviews = pr.pull.reviews;
    const comments = reviews.flatMap((r) => r.comments);
    rule(print, `Review comments (${comments.length} in ${reviews.length} review${reviews.length === 1 ? "" : "s"})`);
    for (const r of reviews) {
      print(`Review by ${r.user} (${r.state}) on ${r.commitId.slice(0, 7)}: ${r.body}`);
      for (const c of r.comments) {
        print();
        print(`--- ${c.path}:${c.startLine !== null ? `${c.startLine}-` : ""}${c.line} (${c.side})`);
        print(c.body);
      }
    }

    rule(print, "Labels");
    print(pr.labels.length > 0 ? pr.labels.join(", ") : "(none)");

    printRequests(print, installRequests, "GitHub requests made by the App for this migration");

    // 3. optionally, a maintainer comments a command on the pull request
    if (options.comment !== undefined) {
      github.clearLog();
      const comment = github.addIssueComment(DEMO_OWNER, DEMO_REPO, pr.number, { body: options.comment, user: DEMO_USER });
      const event = github.issueCommentCreatedEvent(DEMO_OWNER, DEMO_REPO, comment.id, env.installationId);
      const res = await deliverWebhook({ url: env.webhookUrl, event: "issue_comment", payload: event, secret: env.secret });
      rule(print, `Comment by ${DEMO_USER} on #${pr.number}: ${JSON.stringify(options.comment)}`);
      print(`webhook issue_comment.created (delivery ${res.deliveryId}) → HTTP ${res.status}`);
      if (res.status < 200 || res.status >= 300) throw new DemoFailure(`the App refused the webhook: HTTP ${res.status} ${res.body}`);
      const bot = github.botLogin;
      const reply = await github
        .waitFor(() => github.issueComments(DEMO_OWNER, DEMO_REPO, pr.number).find((c) => c.user === bot && c.id > comment.id), JOB_TIMEOUT_MS, "the App's reply")
        .catch((error: Error) => {
          throw new DemoFailure(error.message);
        });
      await settle(env, "after the comment");
      print(`Reactions on the comment: ${comment.reactions.map((r) => `${r.content} by ${r.user}`).join(", ") || "(none)"}`);
      print();
      print(`Reply by ${reply.user}:`);
      print(reply.body);
      printRequests(print, github.requests(), "GitHub requests made by the App for this comment");
      const late = failures(env.logs);
      if (late.length > 0) throw new DemoFailure(`the App logged errors: ${late.map((p) => p.msg).join("; ")}`);
    }
    print();
    print("Demo finished: the App opened the pull request above from a signed installation webhook.");
  } finally {
    await env.stop();
  }
}

async function main(): Promise<void> {
  let values: { comment?: string; verbose?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { comment: { type: "string" }, verbose: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`redis-migrate demo: ${(error as Error).message}\nUsage: npm run demo [-- --comment "/redis-migrate dry-run"] [--verbose]\n`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    process.stdout.write('Usage: npm run demo [-- --comment "/redis-migrate dry-run"] [--verbose]\n');
    return;
  }
  // a hard bound: whatever hangs, the demo ends
  const watchdog = setTimeout(() => {
    process.stderr.write("redis-migrate demo: timed out after 180 s\n");
    process.exit(1);
  }, 180_000);
  watchdog.unref();
  const print: Print = (line = "") => process.stdout.write(`${line}\n`);
  try {
    await runDemo({ ...(values.comment !== undefined ? { comment: values.comment } : {}), verbose: values.verbose ?? false }, print);
  } catch (error) {
    const message = error instanceof DemoFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`redis-migrate demo failed: ${message}\n`);
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
