/**
 * The App under test: a real Probot instance loading `createApp` with a fake clock, a queue the test can wait on,
 * captured pino logs, and nock standing in for api.github.com (every request recorded, with its body).
 */
import "../helpers/promise-with-resolvers.js";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import nock from "nock";
import pino from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/index.js";
import type { Clock } from "../../src/jobs/clock.js";
import { ContentPacer, type PacerLimits } from "../../src/jobs/pacer.js";
import { JobQueue } from "../../src/jobs/queue.js";
import { tarGz } from "../helpers/tarball.js";

export const API = "https://api.github.com";
export const CODELOAD = "https://codeload.github.com";
export const INSTALLATION = 2;
export const BOT = "redis-migrate[bot]";
export const BRANCH = "redis-migrate/aioredis-to-redis-asyncio";
export const BRANCH_PATH = encodeURIComponent(BRANCH);

const { privateKey: PRIVATE_KEY } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
});

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** Time that passes only when someone sleeps: pacing is tested without waiting. */
export class FakeClock implements Clock {
  time = 1_700_000_000_000;
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface Harness {
  readonly probot: Probot;
  readonly logs: LogLine[];
  readonly clock: FakeClock;
  readonly queue: JobQueue;
  /** Delivers a webhook as Probot would and waits until the queued work is done. */
  deliver(name: string, payload: unknown, id?: string): Promise<void>;
  /** Log lines at warn level or above (a request nock did not expect ends up here as a failed job). */
  problems(): LogLine[];
}

export interface HarnessOptions {
  /** The App's slug; null: the App asks `GET /app`. */
  readonly appSlug?: string | null;
  readonly limits?: PacerLimits;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim() !== "") logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const log = pino({ level: "debug" }, stream);
  const clock = new FakeClock();
  const queue = new JobQueue(4);
  const probot = new Probot({ appId: 123, privateKey: PRIVATE_KEY, Octokit: TestOctokit, log });
  await probot.load(
    createApp({
      queue,
      clock,
      pacer: new ContentPacer(clock, options.limits),
      toolVersion: "0.1.0",
      ...(options.appSlug === null ? {} : { appSlug: options.appSlug ?? "redis-migrate" }),
    }),
  );
  return {
    probot,
    logs,
    clock,
    queue,
    problems: () => logs.filter((l) => l.level >= 40),
    async deliver(name, payload, id = randomUUID()) {
      await probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
      await queue.idle();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// api.github.com

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export type RepoFile = string | Buffer | { readonly content: string | Buffer; readonly mode?: number };

export interface RepoSpec {
  readonly owner?: string;
  readonly repo: string;
  readonly defaultBranch?: string;
  readonly headSha?: string;
  readonly treeSha?: string;
  /** Every file of the default branch head (the tree lists them all; the tarball holds them all). */
  readonly files: Readonly<Record<string, RepoFile>>;
  readonly archived?: boolean;
  readonly disabled?: boolean;
  readonly fork?: boolean;
  readonly size?: number;
}

export function ownerOf(spec: RepoSpec): string {
  return spec.owner ?? "acme";
}

export function headOf(spec: RepoSpec): string {
  return spec.headSha ?? "a".repeat(40);
}

export function htmlUrl(spec: RepoSpec): string {
  return `https://github.com/${ownerOf(spec)}/${spec.repo}`;
}

function tryJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export interface PullSpec {
  readonly number: number;
  readonly state?: "open" | "closed";
  readonly merged?: boolean;
  readonly headSha?: string;
  readonly baseSha?: string;
  readonly body?: string;
  readonly branch?: string;
}

/** nock for api.github.com and codeload, recording every request that matched. */
export class GitHubMock {
  readonly api = nock(API);
  readonly codeload = nock(CODELOAD);
  readonly requests: RecordedRequest[] = [];

  constructor() {
    nock.disableNetConnect();
    // nock 15 hands listeners the fetch Request
    const record = (req: { method: string; url: string }, _i: unknown, body: string): void => {
      const url = new URL(req.url);
      const path = (url.host === "codeload.github.com" ? "codeload:" : "") + decodeURIComponent(url.pathname);
      this.requests.push({ method: req.method, path, body: body ? tryJson(body) : undefined });
    };
    this.api.on("request", record);
    this.codeload.on("request", record);
  }

  /** Every interceptor used, nothing unexpected asked. */
  pending(): string[] {
    return [...this.api.pendingMocks(), ...this.codeload.pendingMocks()];
  }

  done(): void {
    nock.cleanAll();
  }

  find(method: string, path: string): RecordedRequest | undefined {
    return this.requests.find((r) => r.method === method && r.path === path);
  }

  all(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/access_tokens"));
  }

  token(installationId = INSTALLATION): this {
    this.api.post(`/app/installations/${installationId}/access_tokens`).reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} });
    return this;
  }

  appSlug(slug = "redis-migrate"): this {
    this.api.get("/app").reply(200, { id: 123, slug, name: slug });
    return this;
  }

  repository(spec: RepoSpec): this {
    const o = ownerOf(spec);
    this.api.get(`/repos/${o}/${spec.repo}`).reply(200, {
      name: spec.repo,
      full_name: `${o}/${spec.repo}`,
      owner: { login: o },
      default_branch: spec.defaultBranch ?? "main",
      archived: spec.archived ?? false,
      disabled: spec.disabled ?? false,
      fork: spec.fork ?? false,
      size: spec.size ?? 120,
      html_url: htmlUrl(spec),
    });
    return this;
  }

  /** No `.github/redis-migrate.yml` in the repository nor in the org's `.github` repository. */
  noConfig(spec: RepoSpec): this {
    const o = ownerOf(spec);
    this.api.get(`/repos/${o}/${spec.repo}/contents/.github%2Fredis-migrate.yml`).reply(404, { message: "Not Found" });
    this.api.get(`/repos/${o}/.github/contents/.github%2Fredis-migrate.yml`).reply(404, { message: "Not Found" });
    return this;
  }

  config(spec: RepoSpec, yaml: string): this {
    this.api.get(`/repos/${ownerOf(spec)}/${spec.repo}/contents/.github%2Fredis-migrate.yml`).reply(200, yaml, { "content-type": "text/plain; charset=utf-8" });
    return this;
  }

  head(spec: RepoSpec, branch = spec.defaultBranch ?? "main", sha = headOf(spec)): this {
    this.api.get(`/repos/${ownerOf(spec)}/${spec.repo}/git/ref/heads%2F${encodeURIComponent(branch)}`).reply(200, {
      ref: `refs/heads/${branch}`,
      object: { sha, type: "commit" },
    });
    return this;
  }

  noBranch(spec: RepoSpec, branch = BRANCH): this {
    this.api.get(`/repos/${ownerOf(spec)}/${spec.repo}/git/ref/heads%2F${encodeURIComponent(branch)}`).reply(404, { message: "Not Found" });
    return this;
  }

  /** The recursive tree of the head commit (lists every file). */
  tree(spec: RepoSpec, sha = headOf(spec)): this {
    const entries = Object.keys(spec.files).map((path) => ({ path, type: "blob", mode: "100644", sha: "f".repeat(40), size: 10 }));
    this.api.get(`/repos/${ownerOf(spec)}/${spec.repo}/git/trees/${sha}`).query({ recursive: "1" }).reply(200, {
      sha: spec.treeSha ?? "b".repeat(40),
      tree: entries,
      truncated: false,
    });
    return this;
  }

  /** The tarball of the head commit: a 302 to codeload, as GitHub answers. */
  tarball(spec: RepoSpec, sha = headOf(spec)): this {
    const o = ownerOf(spec);
    this.api.get(`/repos/${o}/${spec.repo}/tarball/${sha}`).reply(302, "", { location: `${CODELOAD}/${o}/${spec.repo}/legacy.tar.gz/${sha}` });
    const entries = Object.entries(spec.files).map(([path, f]) =>
      typeof f === "string" || Buffer.isBuffer(f) ? { path, content: f } : { path, content: f.content, ...(f.mode ? { mode: f.mode } : {}) },
    );
    this.codeload.get(`/${o}/${spec.repo}/legacy.tar.gz/${sha}`).reply(200, tarGz(entries, `${o}-${spec.repo}-${sha.slice(0, 7)}`), {
      "content-type": "application/x-gzip",
    });
    return this;
  }

  snapshot(spec: RepoSpec, sha = headOf(spec)): this {
    return this.tree(spec, sha).tarball(spec, sha);
  }

  pulls(spec: RepoSpec, prs: readonly PullSpec[] = [], branch = BRANCH): this {
    const o = ownerOf(spec);
    this.api
      .get(`/repos/${o}/${spec.repo}/pulls`)
      .query({ head: `${o}:${branch}`, state: "all", sort: "created", direction: "desc", per_page: "20" })
      .reply(200, prs.map((p) => pullPayload(spec, p)));
    return this;
  }

  compare(spec: RepoSpec, baseSha: string, commits: readonly { login: string | null; message?: string }[], branch = BRANCH): this {
    this.api.get(`/repos/${ownerOf(spec)}/${spec.repo}/compare/${baseSha}...${encodeURIComponent(branch)}`).reply(200, {
      commits: commits.map((c, i) => ({
        sha: String(i + 1).repeat(40).slice(0, 40),
        author: c.login === null ? null : { login: c.login },
        committer: c.login === null ? null : { login: c.login === BOT ? BOT : "web-flow" },
        commit: { message: c.message ?? "commit" },
      })),
    });
    return this;
  }

  /** The writes of a new PR: tree, commit, branch, PR, labels and (when asked) the review. */
  openPull(spec: RepoSpec, options: { number?: number; review?: boolean; labels?: boolean } = {}): this {
    const base = `/repos/${ownerOf(spec)}/${spec.repo}`;
    const number = options.number ?? 7;
    this.api.post(`${base}/git/trees`).reply(201, { sha: "c".repeat(40) });
    this.api.post(`${base}/git/commits`).reply(201, { sha: "d".repeat(40) });
    this.api.post(`${base}/git/refs`).reply(201, { ref: `refs/heads/${BRANCH}`, object: { sha: "d".repeat(40) } });
    // nock 15 calls a one-argument reply function with the fetch Request (two arguments: a callback style)
    this.api.post(`${base}/pulls`).reply(201, async (req: Request) => pullPayload(spec, { number, headSha: "d".repeat(40), body: ((await req.json()) as { body: string }).body }));
    if (options.labels !== false) this.api.post(`${base}/issues/${number}/labels`).reply(200, [{ name: "redis-migrate" }]);
    if (options.review) this.api.post(`${base}/pulls/${number}/reviews`).reply(200, { id: 1 });
    return this;
  }

  /** The writes that regenerate an open PR: tree, commit, forced ref move, PR body. */
  updatePull(spec: RepoSpec, number: number): this {
    const base = `/repos/${ownerOf(spec)}/${spec.repo}`;
    this.api.post(`${base}/git/trees`).reply(201, { sha: "e".repeat(40) });
    this.api.post(`${base}/git/commits`).reply(201, { sha: "9".repeat(40) });
    this.api.patch(`${base}/git/refs/heads%2F${BRANCH_PATH}`).reply(200, { object: { sha: "9".repeat(40) } });
    this.api.patch(`${base}/pulls/${number}`).reply(200, pullPayload(spec, { number }));
    return this;
  }

  comment(spec: RepoSpec, issue: number): this {
    this.api.post(`/repos/${ownerOf(spec)}/${spec.repo}/issues/${issue}/comments`).reply(201, { id: 900 });
    return this;
  }

  reaction(spec: RepoSpec, commentId: number): this {
    this.api.post(`/repos/${ownerOf(spec)}/${spec.repo}/issues/comments/${commentId}/reactions`).reply(201, { id: 1, content: "eyes" });
    return this;
  }

  permission(spec: RepoSpec, login: string, permission: string): this {
    this.api.get(`/repos/${ownerOf(spec)}/${spec.repo}/collaborators/${login}/permission`).reply(200, { permission, role_name: permission, user: { login } });
    return this;
  }

  deleteBranch(spec: RepoSpec): this {
    this.api.delete(`/repos/${ownerOf(spec)}/${spec.repo}/git/refs/heads%2F${BRANCH_PATH}`).reply(204);
    return this;
  }
}

export function pullPayload(spec: RepoSpec, p: PullSpec): Record<string, unknown> {
  const o = ownerOf(spec);
  return {
    number: p.number,
    state: p.state ?? "open",
    merged_at: p.merged ? "2024-01-01T00:00:00Z" : null,
    head: { ref: p.branch ?? BRANCH, sha: p.headSha ?? "d".repeat(40), repo: { full_name: `${o}/${spec.repo}` } },
    base: { ref: spec.defaultBranch ?? "main", sha: p.baseSha ?? headOf(spec) },
    body: p.body ?? "",
    html_url: `${htmlUrl(spec)}/pull/${p.number}`,
    user: { login: BOT, type: "Bot" },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Webhook payloads (only the fields the App reads, plus what Probot needs)

const sender = (login = "octocat", type = "User") => ({ login, type, id: 1 });

export function repositoryPayload(spec: RepoSpec): Record<string, unknown> {
  const o = ownerOf(spec);
  return {
    id: 1000,
    name: spec.repo,
    full_name: `${o}/${spec.repo}`,
    owner: { login: o, type: "Organization" },
    default_branch: spec.defaultBranch ?? "main",
    archived: spec.archived ?? false,
    disabled: spec.disabled ?? false,
    fork: spec.fork ?? false,
    size: spec.size ?? 120,
    html_url: htmlUrl(spec),
    private: false,
  };
}

export function installationCreated(specs: readonly RepoSpec[]): Record<string, unknown> {
  return {
    action: "created",
    installation: { id: INSTALLATION, account: { login: "acme" }, app_slug: "redis-migrate", suspended_at: null },
    repositories: specs.map((s, i) => ({ id: i + 1, name: s.repo, full_name: `${ownerOf(s)}/${s.repo}`, private: false })),
    sender: sender(),
  };
}

export function repositoriesAdded(specs: readonly RepoSpec[]): Record<string, unknown> {
  return {
    action: "added",
    installation: { id: INSTALLATION, account: { login: "acme" } },
    repository_selection: "selected",
    repositories_added: specs.map((s, i) => ({ id: i + 1, name: s.repo, full_name: `${ownerOf(s)}/${s.repo}`, private: false })),
    repositories_removed: [],
    sender: sender(),
  };
}

export function commentCreated(spec: RepoSpec, body: string, options: { login?: string; type?: string; issue?: number; commentId?: number } = {}): Record<string, unknown> {
  const user = sender(options.login ?? "alice", options.type ?? "User");
  return {
    action: "created",
    installation: { id: INSTALLATION },
    repository: repositoryPayload(spec),
    issue: { number: options.issue ?? 12, title: "Drop aioredis", user: sender() },
    comment: { id: options.commentId ?? 555, body, user },
    sender: user,
  };
}

export function pushed(spec: RepoSpec, options: { after: string; ref?: string; files?: readonly string[]; deleted?: boolean }): Record<string, unknown> {
  return {
    ref: options.ref ?? `refs/heads/${spec.defaultBranch ?? "main"}`,
    before: headOf(spec),
    after: options.after,
    deleted: options.deleted ?? false,
    installation: { id: INSTALLATION },
    repository: { ...repositoryPayload(spec), owner: { login: ownerOf(spec), name: ownerOf(spec) } },
    commits: [{ id: options.after, added: [], removed: [], modified: options.files ?? ["shop/cache.py"] }],
    sender: sender(),
  };
}

export function pullClosed(spec: RepoSpec, p: PullSpec & { user?: { login: string; type: string } }): Record<string, unknown> {
  const payload = pullPayload(spec, { ...p, state: "closed" });
  return {
    action: "closed",
    number: p.number,
    installation: { id: INSTALLATION },
    repository: repositoryPayload(spec),
    pull_request: { ...payload, merged: p.merged ?? false, user: p.user ?? { login: BOT, type: "Bot" } },
    sender: sender(),
  };
}
