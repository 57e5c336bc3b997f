/**
 * A simulated GitHub: an in-memory REST API on 127.0.0.1 with the routes the App uses (src/github/types.ts), those
 * Probot calls itself (installation tokens, `.github/redis-migrate.yml` with the org fallback), and a codeload-like
 * second origin that serves repository tarballs after a 302. Status codes, error bodies and payload shapes follow
 * GitHub's (404 hiding what an installation cannot see, 422 "Reference already exists" / "A pull request already
 * exists for …", review comments only on lines of the diff, 403 on archived repositories, `truncated` trees).
 *
 * Authentication is checked for shape, not signatures: `/app…` routes want a JWT (`Bearer a.b.c`), the others an
 * installation token this server issued, limited to the installation's repositories. Every request is logged
 * (method, path, status, read/write), so tests and the demo can count what the App asked for.
 */
import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { commentableLines, patchText } from "./diff.js";
import { ObjectStore, type CommitObject, type FileMode, type FlatFile, type Signature } from "./git.js";
import type { Account, InstallationState, Issue, IssueComment, Label, PullState, RepoState, Review, Role, SeedFile, SeedRepository } from "./model.js";
import { archiveGz } from "./tarball.js";

export interface AppIdentity {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  /** The account that owns the App registration. */
  readonly owner: string;
  readonly permissions: Readonly<Record<string, "read" | "write">>;
  readonly events: readonly string[];
}

export interface SimulatedGitHubOptions {
  readonly app?: Partial<AppIdentity>;
  /** A fixed clock makes commit SHAs reproducible. */
  readonly now?: () => Date;
}

export type RequestKind = "auth" | "read" | "write";

export interface LoggedRequest {
  readonly seq: number;
  readonly host: "api" | "codeload";
  readonly method: string;
  /** Path and query as received (an `/api/v3` prefix removed). */
  readonly path: string;
  /** The route matched, as in GitHub's docs (`GET /repos/{owner}/{repo}`), or null for an unknown route. */
  readonly route: string | null;
  readonly status: number;
  /** `auth`: the App's own JWT requests (`/app…`); reads are GET/HEAD, writes everything else. */
  readonly kind: RequestKind;
  readonly installationId: number | null;
  /** The parsed JSON body of a write. */
  readonly body?: unknown;
}

export interface InjectedFailure {
  readonly method?: string;
  /** Matched against the path (with query). */
  readonly path: RegExp | string;
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** How many matching requests fail (default 1). */
  readonly times?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

const DOCS = "https://docs.github.com/rest";

function fail(status: number, message: string, extra: Record<string, unknown> = {}): never {
  throw new HttpError(status, { message, ...extra, documentation_url: DOCS, status: String(status) });
}

function notFound(): never {
  fail(404, "Not Found");
}

/** 422 "Validation Failed" with GitHub's `errors` array. */
function invalid(errors: unknown[]): never {
  fail(422, "Validation Failed", { errors });
}

interface Auth {
  readonly kind: "jwt" | "installation";
  readonly installationId: number | null;
}

interface Ctx {
  readonly req: IncomingMessage;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
  readonly auth: Auth;
}

interface Reply {
  status: number;
  body?: unknown;
  /** A raw body (Buffer or string) sent as is with `headers["content-type"]`. */
  raw?: Buffer | string;
  headers?: Record<string, string>;
}

interface Route {
  readonly method: string;
  readonly template: string;
  readonly segments: readonly string[];
  readonly auth: "jwt" | "installation";
  readonly handler: (ctx: Ctx) => Reply;
}

const REACTIONS = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];
const MAX_BODY = 65_536;
const WEB_FLOW: Signature = { name: "GitHub", email: "noreply@github.com", date: "" };

/** The simulated GitHub. `await start()`, point Octokit's `baseUrl` at `apiUrl`, `await stop()`. */
export class SimulatedGitHub extends EventEmitter {
  readonly app: AppIdentity;
  private readonly now: () => Date;
  private readonly accounts = new Map<string, Account>();
  private readonly repos = new Map<string, RepoState>();
  private readonly installations = new Map<number, InstallationState>();
  private readonly tokens = new Map<string, { installationId: number; expiresAt: number }>();
  private readonly codeloadTokens = new Map<string, { repoKey: string; expiresAt: number }>();
  private readonly failures: (InjectedFailure & { left: number })[] = [];
  private readonly routes: Route[] = [];
  private readonly log: LoggedRequest[] = [];
  private nextId = 1_000_001;
  private api: Server | null = null;
  private codeload: Server | null = null;
  private apiOrigin = "";
  private codeloadOrigin = "";

  constructor(options: SimulatedGitHubOptions = {}) {
    super();
    this.now = options.now ?? (() => new Date());
    this.app = {
      id: options.app?.id ?? 424242,
      slug: options.app?.slug ?? "redis-migrate",
      name: options.app?.name ?? "redis-migrate",
      owner: options.app?.owner ?? "redis-migrate-dev",
      permissions: options.app?.permissions ?? { contents: "write", pull_requests: "write", issues: "write", metadata: "read" },
      events: options.app?.events ?? ["installation_repositories", "issue_comment", "push", "pull_request"],
    };
    this.addAccount(this.app.owner, "Organization");
    this.addAccount(this.botLogin, "Bot", [`${this.app.id}+${this.botLogin}@users.noreply.github.com`]);
    this.addAccount("web-flow", "User", ["noreply@github.com"]);
    this.defineRoutes();
  }

  /** `<slug>[bot]`: the account the App's commits, PRs and comments belong to. */
  get botLogin(): string {
    return `${this.app.slug}[bot]`;
  }

  // ---------------------------------------------------------------- seeding and lifecycle

  addAccount(login: string, type: Account["type"] = "User", emails: readonly string[] = []): Account {
    const existing = this.accounts.get(login.toLowerCase());
    if (existing) return existing;
    const id = this.id();
    const account: Account = { login, id, type, emails: [...emails, `${id}+${login}@users.noreply.github.com`, `${login}@example.com`] };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  addRepository(seed: SeedRepository): RepoState {
    const key = repoKey(seed.owner, seed.name);
    if (this.repos.has(key)) throw new Error(`repository ${seed.owner}/${seed.name} already seeded`);
    const ownerAccount = this.accounts.get(seed.owner.toLowerCase()) ?? this.addAccount(seed.owner, "Organization");
    const authorLogin = seed.author ?? (ownerAccount.type === "User" ? ownerAccount.login : "octocat");
    const author = this.addAccount(authorLogin);
    const created = this.now().toISOString();
    const repo: RepoState = {
      id: this.id(),
      owner: ownerAccount.login,
      name: seed.name,
      defaultBranch: seed.defaultBranch ?? "main",
      private: seed.private ?? false,
      archived: seed.archived ?? false,
      disabled: seed.disabled ?? false,
      fork: seed.fork ?? false,
      description: seed.description ?? null,
      createdAt: created,
      pushedAt: null,
      store: new ObjectStore(),
      branches: new Map(),
      issues: new Map(),
      comments: new Map(),
      labels: new Map(),
      collaborators: new Map(Object.entries(seed.collaborators ?? {})),
      treeEntryLimit: seed.treeEntryLimit ?? 100_000,
      nextNumber: 1,
    };
    for (const login of repo.collaborators.keys()) this.addAccount(login);
    if (ownerAccount.type === "User") repo.collaborators.set(ownerAccount.login, "admin");
    this.repos.set(key, repo);
    if (!seed.empty && seed.files && Object.keys(seed.files).length > 0) {
      this.commitFiles(repo, { branch: repo.defaultBranch, files: seed.files, message: "Initial commit", author: author.login, replaceAll: true });
    }
    return repo;
  }

  addInstallation(installation: { id: number; account: string; repositories?: "all" | string[] }): InstallationState {
    const state: InstallationState = { id: installation.id, account: installation.account, repositories: installation.repositories ?? "all" };
    if (!this.accounts.has(installation.account.toLowerCase())) this.addAccount(installation.account, "Organization");
    this.installations.set(installation.id, state);
    return state;
  }

  /** Starts the API and the codeload origin on free loopback ports. */
  async start(): Promise<void> {
    const listen = (server: Server): Promise<string> =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      });
    this.api = createServer((req, res) => void this.serve("api", req, res));
    this.codeload = createServer((req, res) => void this.serve("codeload", req, res));
    this.apiOrigin = await listen(this.api);
    this.codeloadOrigin = await listen(this.codeload);
  }

  /** Closes both servers, keep-alive connections included. */
  async stop(): Promise<void> {
    await Promise.all(
      [this.api, this.codeload].map(
        (server) =>
          new Promise<void>((resolve) => {
            if (!server || !server.listening) return resolve();
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
    this.api = null;
    this.codeload = null;
  }

  /** The REST API root (Octokit's `baseUrl`). The same routes also answer under `/api/v3` (GHE_HOST style). */
  get apiUrl(): string {
    if (!this.apiOrigin) throw new Error("the simulated GitHub is not started");
    return this.apiOrigin;
  }

  /** `host:port` for GHE_HOST (with GHE_PROTOCOL=http). */
  get host(): string {
    return new URL(this.apiUrl).host;
  }

  // ---------------------------------------------------------------- inspection (in-process, not logged)

  requests(filter: { host?: LoggedRequest["host"]; kind?: RequestKind; method?: string } = {}): LoggedRequest[] {
    return this.log.filter((r) => (!filter.host || r.host === filter.host) && (!filter.kind || r.kind === filter.kind) && (!filter.method || r.method === filter.method));
  }

  /** API requests of the App's installation: reads and writes (token requests and codeload downloads apart). */
  requestCounts(): { reads: number; writes: number; auth: number; codeload: number; unknownRoutes: number } {
    const api = this.log.filter((r) => r.host === "api");
    return {
      reads: api.filter((r) => r.kind === "read").length,
      writes: api.filter((r) => r.kind === "write").length,
      auth: api.filter((r) => r.kind === "auth").length,
      codeload: this.log.filter((r) => r.host === "codeload").length,
      unknownRoutes: api.filter((r) => r.route === null).length,
    };
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Fails the next matching request(s) with the given status (rate limits, races, outages). */
  injectFailure(failure: InjectedFailure): void {
    this.failures.push({ ...failure, left: failure.times ?? 1 });
  }

  repository(owner: string, name: string): RepoState {
    const repo = this.repos.get(repoKey(owner, name));
    if (!repo) throw new Error(`no repository ${owner}/${name}`);
    return repo;
  }

  /** The files of a branch or commit, path → bytes. */
  files(owner: string, name: string, ref?: string): Map<string, Buffer> {
    const repo = this.repository(owner, name);
    const sha = this.resolveCommit(repo, ref ?? repo.defaultBranch);
    if (!sha) throw new Error(`no ref ${ref} in ${owner}/${name}`);
    const out = new Map<string, Buffer>();
    for (const [path, f] of repo.store.flatten(repo.store.commit(sha)!.tree)) out.set(path, repo.store.blob(f.sha)!.bytes);
    return out;
  }

  branchSha(owner: string, name: string, branch: string): string | null {
    return this.repository(owner, name).branches.get(branch) ?? null;
  }

  pullRequests(owner: string, name: string): Issue[] {
    return [...this.repository(owner, name).issues.values()].filter((i) => i.pull);
  }

  issueComments(owner: string, name: string, issueNumber: number): IssueComment[] {
    return [...this.repository(owner, name).comments.values()].filter((c) => c.issueNumber === issueNumber);
  }

  commit(owner: string, name: string, sha: string): CommitObject | undefined {
    return this.repository(owner, name).store.commit(sha);
  }

  /** Commits on `head` that are not on `base`, oldest first. */
  commitsBetween(owner: string, name: string, base: string, head: string): { sha: string; commit: CommitObject }[] {
    const repo = this.repository(owner, name);
    const b = this.resolveCommit(repo, base);
    const h = this.resolveCommit(repo, head);
    if (!b || !h) throw new Error(`unknown ref ${b ? head : base}`);
    return this.commitRange(repo, b, h).map((sha) => ({ sha, commit: repo.store.commit(sha)! }));
  }

  /** Waits until `check` holds (checked after every request and every 50 ms), or throws after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | null | false, timeoutMs: number, what = "the condition"): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearInterval(timer);
        clearTimeout(timeout);
        this.off("request", poll);
      };
      const poll = (): void => {
        try {
          const v = check();
          if (v) {
            done();
            resolve(v);
          }
        } catch (error) {
          done();
          reject(error);
        }
      };
      const timer = setInterval(poll, 50);
      const timeout = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.on("request", poll);
    });
  }

  /** Resolves once no request has arrived for `quietMs` (bounded by `timeoutMs`). */
  async waitForIdle(quietMs: number, timeoutMs: number): Promise<void> {
    const started = Date.now();
    let last = this.log.length > 0 ? Date.now() : 0;
    const bump = (): void => {
      last = Date.now();
    };
    this.on("request", bump);
    try {
      last = Date.now();
      while (Date.now() - last < quietMs) {
        if (Date.now() - started > timeoutMs) throw new Error(`the App was still making requests after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, Math.min(50, quietMs)));
      }
    } finally {
      this.off("request", bump);
    }
  }

  // ---------------------------------------------------------------- changes made by people (for tests)

  /** A person pushes one commit to `branch` (created from the default branch when absent); returns its SHA. */
  push(owner: string, name: string, params: { branch?: string; files: Readonly<Record<string, SeedFile | null>>; message?: string; author: string }): string {
    const repo = this.repository(owner, name);
    this.addAccount(params.author);
    return this.commitFiles(repo, { branch: params.branch ?? repo.defaultBranch, files: params.files, message: params.message ?? "Update files", author: params.author, replaceAll: false });
  }

  createIssue(owner: string, name: string, params: { title: string; body?: string; user: string }): Issue {
    const repo = this.repository(owner, name);
    this.addAccount(params.user);
    const at = this.now().toISOString();
    const issue: Issue = { number: repo.nextNumber++, title: params.title, body: params.body ?? "", user: params.user, state: "open", labels: [], assignees: [], createdAt: at, updatedAt: at, closedAt: null };
    repo.issues.set(issue.number, issue);
    return issue;
  }

  addIssueComment(owner: string, name: string, issueNumber: number, params: { body: string; user: string }): IssueComment {
    const repo = this.repository(owner, name);
    if (!repo.issues.has(issueNumber)) throw new Error(`no issue #${issueNumber}`);
    this.addAccount(params.user);
    return this.storeComment(repo, issueNumber, params.user, params.body);
  }

  /** A person closes (or merges) a pull request. */
  closePullRequest(owner: string, name: string, number: number, params: { merged?: boolean } = {}): Issue {
    const repo = this.repository(owner, name);
    const pr = repo.issues.get(number);
    if (!pr?.pull) throw new Error(`no pull request #${number}`);
    const at = this.now().toISOString();
    pr.state = "closed";
    pr.closedAt = at;
    pr.updatedAt = at;
    if (params.merged) {
      pr.pull.mergedAt = at;
      const head = repo.store.commit(pr.pull.headSha)!;
      const base = repo.branches.get(pr.pull.baseRef)!;
      const merge = repo.store.putCommit({ tree: head.tree, parents: [base, pr.pull.headSha], message: `Merge pull request #${number}`, author: head.author, committer: { ...WEB_FLOW, date: at }, authorLogin: head.authorLogin, committerLogin: "web-flow" });
      repo.branches.set(pr.pull.baseRef, merge);
    }
    return pr;
  }

  // ---------------------------------------------------------------- webhook payload pieces

  accountPayload(login: string): Record<string, unknown> {
    const a = this.accounts.get(login.toLowerCase()) ?? this.addAccount(login);
    return {
      login: a.login,
      id: a.id,
      node_id: nodeId(a.type === "Organization" ? "O" : a.type === "Bot" ? "BOT" : "U", a.id),
      avatar_url: `${this.webOrigin()}/avatars/${encodeURIComponent(a.login)}`,
      url: `${this.apiUrl}/users/${encodeURIComponent(a.login)}`,
      html_url: `${this.webOrigin()}/${encodeURIComponent(a.login)}`,
      type: a.type,
      user_view_type: "public",
      site_admin: false,
    };
  }

  repositoryPayload(repo: RepoState): Record<string, unknown> {
    const full = `${repo.owner}/${repo.name}`;
    const sizeKb = repo.branches.size === 0 ? 0 : Math.max(1, Math.ceil([...repo.store.flatten(this.headTree(repo))].reduce((n, [, f]) => n + repo.store.blob(f.sha)!.bytes.length, 0) / 1024));
    return {
      id: repo.id,
      node_id: nodeId("R", repo.id),
      name: repo.name,
      full_name: full,
      private: repo.private,
      owner: this.accountPayload(repo.owner),
      html_url: `${this.webOrigin()}/${full}`,
      description: repo.description,
      fork: repo.fork,
      url: `${this.apiUrl}/repos/${full}`,
      git_url: `git://${this.host}/${full}.git`,
      clone_url: `${this.webOrigin()}/${full}.git`,
      created_at: repo.createdAt,
      updated_at: repo.pushedAt ?? repo.createdAt,
      pushed_at: repo.pushedAt,
      size: sizeKb,
      language: "Python",
      archived: repo.archived,
      disabled: repo.disabled,
      visibility: repo.private ? "private" : "public",
      default_branch: repo.defaultBranch,
      open_issues_count: [...repo.issues.values()].filter((i) => i.state === "open").length,
      has_issues: true,
      is_template: false,
      topics: [],
    };
  }

  /** The `installation` object of webhook payloads. */
  installationPayload(id: number): Record<string, unknown> {
    const inst = this.installations.get(id);
    if (!inst) throw new Error(`no installation ${id}`);
    const account = this.accounts.get(inst.account.toLowerCase())!;
    return {
      id,
      node_id: nodeId("MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u", id),
      account: this.accountPayload(account.login),
      repository_selection: inst.repositories === "all" ? "all" : "selected",
      access_tokens_url: `${this.apiUrl}/app/installations/${id}/access_tokens`,
      repositories_url: `${this.apiUrl}/installation/repositories`,
      html_url: `${this.webOrigin()}/organizations/${account.login}/settings/installations/${id}`,
      app_id: this.app.id,
      app_slug: this.app.slug,
      target_id: account.id,
      target_type: account.type === "Organization" ? "Organization" : "User",
      permissions: this.app.permissions,
      events: this.app.events,
      created_at: this.now().toISOString(),
      updated_at: this.now().toISOString(),
      single_file_name: null,
      has_multiple_single_files: false,
      single_file_paths: [],
      suspended_by: null,
      suspended_at: null,
    };
  }

  /** The `installation.created` webhook payload GitHub sends when `sender` installs the App. */
  installationCreatedEvent(installationId: number, sender: string): Record<string, unknown> {
    this.addAccount(sender);
    return {
      action: "created",
      installation: this.installationPayload(installationId),
      repositories: this.installationRepositories(installationId).map((r) => ({ id: r.id, node_id: nodeId("R", r.id), name: r.name, full_name: `${r.owner}/${r.name}`, private: r.private })),
      requester: null,
      sender: this.accountPayload(sender),
    };
  }

  /** The `issue_comment.created` webhook payload for a comment stored with `addIssueComment`. */
  issueCommentCreatedEvent(owner: string, name: string, commentId: number, installationId: number): Record<string, unknown> {
    const repo = this.repository(owner, name);
    const comment = repo.comments.get(commentId);
    if (!comment) throw new Error(`no comment ${commentId}`);
    const ownerAccount = this.accounts.get(repo.owner.toLowerCase())!;
    return {
      action: "created",
      issue: this.issuePayload(repo, repo.issues.get(comment.issueNumber)!),
      comment: this.commentPayload(repo, comment),
      repository: this.repositoryPayload(repo),
      ...(ownerAccount.type === "Organization" ? { organization: { login: ownerAccount.login, id: ownerAccount.id, node_id: nodeId("O", ownerAccount.id) } } : {}),
      sender: this.accountPayload(comment.user),
      installation: { id: installationId, node_id: nodeId("MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u", installationId) },
    };
  }

  /** Repositories an installation can see. */
  installationRepositories(id: number): RepoState[] {
    const inst = this.installations.get(id);
    if (!inst) throw new Error(`no installation ${id}`);
    return [...this.repos.values()].filter((r) => this.covers(inst, r));
  }

  issuePayload(repo: RepoState, issue: Issue): Record<string, unknown> {
    const full = `${repo.owner}/${repo.name}`;
    return {
      url: `${this.apiUrl}/repos/${full}/issues/${issue.number}`,
      repository_url: `${this.apiUrl}/repos/${full}`,
      html_url: `${this.webOrigin()}/${full}/${issue.pull ? "pull" : "issues"}/${issue.number}`,
      id: issueId(repo, issue.number),
      node_id: nodeId(issue.pull ? "PR" : "I", issueId(repo, issue.number)),
      number: issue.number,
      title: issue.title,
      user: this.accountPayload(issue.user),
      labels: issue.labels.map((n) => this.labelPayload(repo, repo.labels.get(n.toLowerCase())!)),
      state: issue.state,
      locked: false,
      assignee: issue.assignees[0] ? this.accountPayload(issue.assignees[0]) : null,
      assignees: issue.assignees.map((a) => this.accountPayload(a)),
      comments: [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
      author_association: this.association(repo, issue.user),
      body: issue.body,
      ...(issue.pull
        ? { pull_request: { url: `${this.apiUrl}/repos/${full}/pulls/${issue.number}`, html_url: `${this.webOrigin()}/${full}/pull/${issue.number}`, merged_at: issue.pull.mergedAt } }
        : {}),
    };
  }

  commentPayload(repo: RepoState, c: IssueComment): Record<string, unknown> {
    const full = `${repo.owner}/${repo.name}`;
    const issue = repo.issues.get(c.issueNumber)!;
    return {
      url: `${this.apiUrl}/repos/${full}/issues/comments/${c.id}`,
      html_url: `${this.webOrigin()}/${full}/${issue.pull ? "pull" : "issues"}/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${this.apiUrl}/repos/${full}/issues/${c.issueNumber}`,
      id: c.id,
      node_id: nodeId("IC", c.id),
      user: this.accountPayload(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: this.association(repo, c.user),
      body: c.body,
      reactions: { url: `${this.apiUrl}/repos/${full}/issues/comments/${c.id}/reactions`, total_count: c.reactions.length },
      performed_via_github_app: this.accounts.get(c.user.toLowerCase())?.type === "Bot" ? { id: this.app.id, slug: this.app.slug, name: this.app.name } : null,
    };
  }

  pullPayload(repo: RepoState, issue: Issue, detailed = false): Record<string, unknown> {
    const pull = issue.pull!;
    const full = `${repo.owner}/${repo.name}`;
    const side = (ref: string, sha: string): Record<string, unknown> => ({
      label: `${repo.owner}:${ref}`,
      ref,
      sha,
      user: this.accountPayload(repo.owner),
      repo: this.repositoryPayload(repo),
    });
    const base: Record<string, unknown> = {
      url: `${this.apiUrl}/repos/${full}/pulls/${issue.number}`,
      id: issueId(repo, issue.number) + 500_000,
      node_id: nodeId("PR", issueId(repo, issue.number)),
      html_url: `${this.webOrigin()}/${full}/pull/${issue.number}`,
      diff_url: `${this.webOrigin()}/${full}/pull/${issue.number}.diff`,
      patch_url: `${this.webOrigin()}/${full}/pull/${issue.number}.patch`,
      issue_url: `${this.apiUrl}/repos/${full}/issues/${issue.number}`,
      number: issue.number,
      state: issue.state,
      locked: false,
      title: issue.title,
      user: this.accountPayload(issue.user),
      body: issue.body,
      labels: issue.labels.map((n) => this.labelPayload(repo, repo.labels.get(n.toLowerCase())!)),
      milestone: null,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
      merged_at: pull.mergedAt,
      merge_commit_sha: null,
      assignee: issue.assignees[0] ? this.accountPayload(issue.assignees[0]) : null,
      assignees: issue.assignees.map((a) => this.accountPayload(a)),
      requested_reviewers: pull.requestedReviewers.map((r) => this.accountPayload(r)),
      requested_teams: pull.requestedTeams.map((t) => ({ name: t, slug: t })),
      head: side(pull.headRef, pull.headSha),
      base: side(pull.baseRef, pull.baseSha),
      author_association: this.association(repo, issue.user),
      auto_merge: null,
      draft: pull.draft,
    };
    if (!detailed) return base;
    const commits = this.commitRange(repo, pull.baseSha, pull.headSha).length;
    const files = this.changedFiles(repo, pull.baseSha, pull.headSha);
    return {
      ...base,
      merged: pull.mergedAt !== null,
      mergeable: issue.state === "open" ? true : null,
      rebaseable: true,
      mergeable_state: "clean",
      merged_by: null,
      comments: [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length,
      review_comments: pull.reviews.reduce((n, r) => n + r.comments.length, 0),
      maintainer_can_modify: false,
      commits,
      additions: files.reduce((n, f) => n + f.additions, 0),
      deletions: files.reduce((n, f) => n + f.deletions, 0),
      changed_files: files.length,
    };
  }

  // ---------------------------------------------------------------- HTTP

  private webOrigin(): string {
    return this.apiOrigin || "http://127.0.0.1";
  }

  private async serve(host: "api" | "codeload", req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? "/";
    const url = new URL(raw, "http://simulated.invalid");
    let pathname = url.pathname;
    if (host === "api" && (pathname === "/api/v3" || pathname.startsWith("/api/v3/"))) pathname = pathname.slice("/api/v3".length) || "/";
    const method = (req.method ?? "GET").toUpperCase();
    const pathWithQuery = pathname + url.search;
    let route: string | null = null;
    let kind: RequestKind = method === "GET" || method === "HEAD" ? "read" : "write";
    let installationId: number | null = null;
    let parsedBody: unknown;
    let reply: Reply;
    try {
      const bodyText = await readBody(req);
      if (host === "codeload") {
        route = "GET /{owner}/{repo}/legacy.tar.gz/{ref}";
        reply = this.serveCodeload(method, pathname, url.searchParams);
      } else {
        const match = this.match(method, pathname);
        if (match) {
          route = `${match.route.method} ${match.route.template}`;
          if (match.route.auth === "jwt") kind = "auth";
        }
        const auth = this.authenticate(req, match?.route.auth ?? "installation");
        installationId = auth.installationId;
        let body: Record<string, unknown> = {};
        if (bodyText.length > 0) {
          try {
            body = JSON.parse(bodyText) as Record<string, unknown>;
          } catch {
            fail(400, "Problems parsing JSON");
          }
          if (kind !== "read") parsedBody = body;
        }
        const injected = this.takeFailure(method, pathWithQuery);
        if (injected) {
          reply = { status: injected.status, body: injected.body ?? { message: "Injected failure", documentation_url: DOCS, status: String(injected.status) }, headers: { ...injected.headers } };
        } else {
          if (!match) notFound();
          reply = match.route.handler({ req, params: match.params, query: url.searchParams, body, auth });
        }
      }
    } catch (error) {
      if (error instanceof HttpError) reply = { status: error.status, body: error.body, headers: error.headers };
      else reply = { status: 500, body: { message: `simulated GitHub failed: ${(error as Error).stack ?? error}` } };
    }
    const entry: LoggedRequest = { seq: this.log.length + 1, host, method, path: pathWithQuery, route, status: reply.status, kind, installationId, ...(parsedBody !== undefined ? { body: parsedBody } : {}) };
    this.log.push(entry);
    const headers: Record<string, string> = {
      "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
      ...(host === "api"
        ? {
            "x-github-media-type": "github.v3; format=json",
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": String(Math.max(0, 5000 - this.log.length)),
            "x-ratelimit-used": String(this.log.length),
            "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
            "x-ratelimit-resource": "core",
          }
        : {}),
      ...reply.headers,
    };
    let payload: Buffer | string = "";
    if (reply.raw !== undefined) payload = reply.raw;
    else if (reply.body !== undefined) {
      payload = JSON.stringify(reply.body);
      headers["content-type"] ??= "application/json; charset=utf-8";
    }
    headers["content-length"] = String(Buffer.byteLength(payload));
    res.writeHead(reply.status, headers);
    res.end(method === "HEAD" ? undefined : payload);
    this.emit("request", entry);
  }

  private match(method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
    const segments = pathname.split("/").slice(1);
    let decoded: string[];
    try {
      decoded = segments.map((s) => decodeURIComponent(s));
    } catch {
      return null;
    }
    if (decoded[decoded.length - 1] === "" && decoded.length > 1) decoded.pop();
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      let ok = true;
      let i = 0;
      for (; i < route.segments.length; i++) {
        const t = route.segments[i]!;
        if (t.startsWith("{") && t.endsWith("+}")) {
          if (i >= decoded.length) ok = false;
          else params[t.slice(1, -2)] = decoded.slice(i).join("/");
          i = decoded.length;
          break;
        }
        const d = decoded[i];
        if (d === undefined) {
          ok = false;
          break;
        }
        if (t.startsWith("{")) params[t.slice(1, -1)] = d;
        else if (t !== d) {
          ok = false;
          break;
        }
      }
      if (ok && i === decoded.length) return { route, params };
    }
    return null;
  }

  private authenticate(req: IncomingMessage, wanted: "jwt" | "installation"): Auth {
    const header = req.headers.authorization;
    if (!header) fail(401, "Requires authentication");
    const [scheme, credential] = header.split(/\s+/, 2);
    if (!credential) fail(401, "Bad credentials");
    const isJwt = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential) && scheme!.toLowerCase() === "bearer";
    if (wanted === "jwt") {
      if (!isJwt) fail(401, "A JSON web token could not be decoded");
      return { kind: "jwt", installationId: null };
    }
    if (isJwt) fail(403, "Resource not accessible by integration");
    const token = this.tokens.get(credential);
    if (!token || token.expiresAt < Date.now()) fail(401, "Bad credentials");
    return { kind: "installation", installationId: token.installationId };
  }

  private takeFailure(method: string, path: string): InjectedFailure | null {
    const i = this.failures.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && (typeof f.path === "string" ? path.includes(f.path) : f.path.test(path)));
    if (i === -1) return null;
    const f = this.failures[i]!;
    if (--f.left <= 0) this.failures.splice(i, 1);
    return f;
  }

  private serveCodeload(method: string, pathname: string, query: URLSearchParams): Reply {
    if (method !== "GET") notFound();
    const m = /^\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/(.+)$/.exec(pathname);
    if (!m) notFound();
    const [owner, name, ref] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), decodeURIComponent(m[3]!)];
    const grant = this.codeloadTokens.get(query.get("token") ?? "");
    if (!grant || grant.repoKey !== repoKey(owner, name) || grant.expiresAt < Date.now()) notFound();
    const repo = this.repos.get(repoKey(owner, name));
    if (!repo) notFound();
    const sha = this.resolveCommit(repo, ref);
    if (!sha) notFound();
    const commit = repo.store.commit(sha)!;
    const files = [...repo.store.flatten(commit.tree)].map(([path, f]) => ({ path, mode: f.mode, bytes: repo.store.blob(f.sha)!.bytes }));
    const topFolder = `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`;
    const body = archiveGz({ topFolder, commitSha: sha, mtime: Math.floor(Date.parse(commit.committer.date) / 1000), files });
    return {
      status: 200,
      raw: body,
      headers: { "content-type": "application/x-gzip", "content-disposition": `attachment; filename=${topFolder}.tar.gz`, etag: `"${sha}"` },
    };
  }

  // ---------------------------------------------------------------- routes

  private defineRoutes(): void {
    const on = (method: string, template: string, handler: (ctx: Ctx) => Reply, auth: "jwt" | "installation" = "installation"): void => {
      this.routes.push({ method, template, segments: template.split("/").slice(1), auth, handler });
    };

    // -- the App itself (JWT)
    on("GET", "/app", () => ({ status: 200, body: this.appPayload() }), "jwt");
    on("GET", "/app/installations/{installation_id}", (c) => ({ status: 200, body: this.installationPayload(this.installation(c.params.installation_id!).id) }), "jwt");
    on(
      "POST",
      "/app/installations/{installation_id}/access_tokens",
      (c) => {
        const inst = this.installation(c.params.installation_id!);
        const token = `ghs_${randomBytes(18).toString("hex")}`;
        const expiresAt = Date.now() + 3600_000;
        this.tokens.set(token, { installationId: inst.id, expiresAt });
        return {
          status: 201,
          body: { token, expires_at: new Date(expiresAt).toISOString().replace(/\.\d+Z$/, "Z"), permissions: this.app.permissions, repository_selection: inst.repositories === "all" ? "all" : "selected" },
        };
      },
      "jwt",
    );

    // -- the installation
    on("GET", "/installation/repositories", (c) => {
      const repos = this.installationRepositories(c.auth.installationId!);
      const { perPage, page } = paging(c.query);
      return {
        status: 200,
        body: {
          total_count: repos.length,
          repository_selection: this.installations.get(c.auth.installationId!)!.repositories === "all" ? "all" : "selected",
          repositories: repos.slice((page - 1) * perPage, page * perPage).map((r) => this.repositoryPayload(r)),
        },
      };
    });

    // -- repositories
    on("GET", "/repos/{owner}/{repo}", (c) => ({ status: 200, body: { ...this.repositoryPayload(this.repo(c)), permissions: { admin: false, maintain: false, push: true, triage: true, pull: true } } }));

    on("GET", "/repos/{owner}/{repo}/git/ref/{ref+}", (c) => {
      const repo = this.repo(c);
      if (repo.branches.size === 0) fail(409, "Git Repository is empty.");
      const branch = c.params.ref!.startsWith("heads/") ? c.params.ref!.slice("heads/".length) : null;
      const sha = branch === null ? undefined : repo.branches.get(branch);
      if (!sha) notFound();
      return { status: 200, body: this.refPayload(repo, branch!, sha) };
    });

    on("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha+}", (c) => {
      const repo = this.repo(c);
      if (repo.branches.size === 0) fail(409, "Git Repository is empty.");
      const treeSha = this.resolveTree(repo, c.params.tree_sha!);
      if (!treeSha) notFound();
      const recursive = c.query.has("recursive") && !["0", "false"].includes(c.query.get("recursive")!);
      const all = recursive ? repo.store.walk(treeSha) : repo.store.tree(treeSha)!.entries.map((item) => ({ path: item.name, item }));
      const truncated = all.length > repo.treeEntryLimit;
      const full = `${repo.owner}/${repo.name}`;
      return {
        status: 200,
        body: {
          sha: treeSha,
          url: `${this.apiUrl}/repos/${full}/git/trees/${treeSha}`,
          tree: all.slice(0, repo.treeEntryLimit).map(({ path, item }) =>
            item.mode === "040000"
              ? { path, mode: "040000", type: "tree", sha: item.sha, url: `${this.apiUrl}/repos/${full}/git/trees/${item.sha}` }
              : { path, mode: item.mode, type: "blob", sha: item.sha, size: repo.store.blob(item.sha)!.bytes.length, url: `${this.apiUrl}/repos/${full}/git/blobs/${item.sha}` },
          ),
          truncated,
        },
      };
    });

    on("GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}", (c) => {
      const repo = this.repo(c);
      if (!repo.store.commit(c.params.commit_sha!)) notFound();
      return { status: 200, body: this.gitCommitPayload(repo, c.params.commit_sha!) };
    });

    on("GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}", (c) => {
      const repo = this.repo(c);
      const blob = repo.store.blob(c.params.file_sha!);
      if (!blob) notFound();
      return { status: 200, body: { sha: c.params.file_sha, node_id: nodeId("B", 1), size: blob.bytes.length, url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/git/blobs/${c.params.file_sha}`, content: blob.bytes.toString("base64"), encoding: "base64" } };
    });

    on("POST", "/repos/{owner}/{repo}/git/blobs", (c) => {
      const repo = this.writable(c);
      const content = c.body.content;
      const encoding = c.body.encoding ?? "utf-8";
      if (typeof content !== "string") invalid([{ resource: "Blob", field: "content", code: "missing_field" }]);
      if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "base64") invalid([{ resource: "Blob", field: "encoding", code: "invalid" }]);
      const sha = repo.store.putBlob(encoding === "base64" ? Buffer.from(content, "base64") : Buffer.from(content, "utf8"));
      return { status: 201, body: { sha, url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}` } };
    });

    on("POST", "/repos/{owner}/{repo}/git/trees", (c) => {
      const repo = this.writable(c);
      const items = c.body.tree;
      if (!Array.isArray(items)) invalid([{ resource: "Tree", field: "tree", code: "missing_field" }]);
      let files = new Map<string, FlatFile>();
      if (c.body.base_tree !== undefined && c.body.base_tree !== null) {
        const base = this.resolveTree(repo, String(c.body.base_tree));
        if (!base) fail(422, "Invalid tree info", { errors: [`base_tree ${String(c.body.base_tree)} is not a valid tree`] });
        files = repo.store.flatten(base);
      }
      for (const raw of items as Record<string, unknown>[]) {
        const path = raw.path;
        const mode = raw.mode as string;
        if (typeof path !== "string" || path === "" || path.startsWith("/") || path.endsWith("/") || path.split("/").some((s) => s === "" || s === "." || s === ".." || s === ".git")) {
          fail(422, "Invalid tree info", { errors: [`tree.path ${JSON.stringify(path)} is invalid`] });
        }
        if (!["100644", "100755", "120000", "040000", "160000"].includes(mode)) fail(422, "Invalid tree info", { errors: [`tree.mode ${JSON.stringify(mode)} is invalid`] });
        if (mode === "040000" || mode === "160000" || raw.type === "tree" || raw.type === "commit") fail(422, "Invalid tree info", { errors: ["the simulated GitHub writes blobs only"] });
        if (raw.type !== undefined && raw.type !== "blob") fail(422, "Invalid tree info", { errors: [`tree.type ${JSON.stringify(raw.type)} is invalid`] });
        const hasSha = "sha" in raw;
        const hasContent = "content" in raw;
        if (hasSha === hasContent) fail(422, "Invalid tree info", { errors: ["must supply either tree.sha or tree.content"] });
        if (hasSha && raw.sha === null) {
          // deletion: the path (or the folder) must exist in the base tree
          const prefix = `${path}/`;
          const doomed = [...files.keys()].filter((p) => p === path || p.startsWith(prefix));
          if (doomed.length === 0) fail(422, "GitRPC::BadObjectState", { errors: [`tree.path ${path} does not exist in the base tree`] });
          for (const p of doomed) files.delete(p);
          continue;
        }
        let sha: string;
        if (hasContent) {
          if (typeof raw.content !== "string") fail(422, "Invalid tree info", { errors: ["tree.content must be a string"] });
          sha = repo.store.putBlob(Buffer.from(raw.content, "utf8"));
        } else {
          sha = String(raw.sha);
          if (!repo.store.blob(sha)) fail(422, "GitRPC::BadObjectState", { errors: [`tree.sha ${sha} is not a valid blob`] });
        }
        // a file replaces a folder of the same name and the other way round, as in git
        for (const p of [...files.keys()]) if (p.startsWith(`${path}/`)) files.delete(p);
        const parts = path.split("/");
        for (let i = 1; i < parts.length; i++) files.delete(parts.slice(0, i).join("/"));
        files.set(path, { sha, mode: mode as FileMode });
      }
      const treeSha = repo.store.putFlatTree(files);
      return { status: 201, body: this.treePayload(repo, treeSha) };
    });

    on("POST", "/repos/{owner}/{repo}/git/commits", (c) => {
      const repo = this.writable(c);
      const { message, tree, parents } = c.body;
      if (typeof message !== "string") invalid([{ resource: "Commit", field: "message", code: "missing_field" }]);
      if (typeof tree !== "string" || !repo.store.tree(tree)) fail(422, "Tree SHA does not exist");
      const parentList = (parents ?? []) as unknown[];
      if (!Array.isArray(parentList) || parentList.some((p) => typeof p !== "string" || !repo.store.commit(p))) fail(422, "Parent SHA does not exist or is not a commit object");
      const at = this.now().toISOString();
      const given = (v: unknown): Signature | null => {
        const s = v as { name?: string; email?: string; date?: string } | undefined;
        return s && typeof s.name === "string" && typeof s.email === "string" ? { name: s.name, email: s.email, date: s.date ?? at } : null;
      };
      const bot = this.accounts.get(this.botLogin.toLowerCase())!;
      const author = given(c.body.author) ?? { name: bot.login, email: bot.emails[0]!, date: at };
      // unsigned API commits by an App are committed by GitHub itself (web-flow) and shown as verified
      const committer = given(c.body.committer) ?? { ...WEB_FLOW, date: at };
      const sha = repo.store.putCommit({
        tree,
        parents: parentList as string[],
        message,
        author,
        committer,
        authorLogin: this.loginOfEmail(author.email),
        committerLogin: this.loginOfEmail(committer.email),
      });
      return { status: 201, body: this.gitCommitPayload(repo, sha) };
    });

    on("POST", "/repos/{owner}/{repo}/git/refs", (c) => {
      const repo = this.writable(c);
      const { ref, sha } = c.body;
      if (typeof ref !== "string" || !ref.startsWith("refs/") || ref.split("/").length < 3) fail(422, "Reference name must start with 'refs/' and have at least two slashes.");
      if (!ref.startsWith("refs/heads/")) fail(422, "The simulated GitHub keeps branches only");
      if (typeof sha !== "string" || !repo.store.commit(sha)) fail(422, "Object does not exist");
      const branch = ref.slice("refs/heads/".length);
      if (repo.branches.has(branch)) fail(422, "Reference already exists");
      this.moveBranch(repo, branch, sha);
      return { status: 201, body: this.refPayload(repo, branch, sha), headers: { location: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/git/refs/heads/${branch}` } };
    });

    on("PATCH", "/repos/{owner}/{repo}/git/refs/{ref+}", (c) => {
      const repo = this.writable(c);
      const branch = this.branchOfRef(c.params.ref!);
      const current = repo.branches.get(branch);
      if (!current) fail(422, "Reference does not exist");
      const sha = c.body.sha;
      if (typeof sha !== "string" || !repo.store.commit(sha)) fail(422, "Object does not exist");
      if (c.body.force !== true && !repo.store.isAncestor(current, sha)) fail(422, "Update is not a fast forward");
      this.moveBranch(repo, branch, sha);
      return { status: 200, body: this.refPayload(repo, branch, sha) };
    });

    on("DELETE", "/repos/{owner}/{repo}/git/refs/{ref+}", (c) => {
      const repo = this.writable(c);
      const branch = this.branchOfRef(c.params.ref!);
      if (!repo.branches.has(branch)) fail(422, "Reference does not exist");
      if (branch === repo.defaultBranch) fail(422, "Cannot delete the default branch");
      repo.branches.delete(branch);
      // GitHub closes the open pull requests whose head branch disappears
      const at = this.now().toISOString();
      for (const issue of repo.issues.values()) {
        if (issue.pull && issue.state === "open" && issue.pull.headRef === branch) {
          issue.state = "closed";
          issue.closedAt = at;
          issue.updatedAt = at;
        }
      }
      return { status: 204 };
    });

    on("GET", "/repos/{owner}/{repo}/tarball/{ref+}", (c) => {
      const repo = this.repo(c);
      if (repo.branches.size === 0) notFound();
      const ref = c.params.ref!;
      if (!this.resolveCommit(repo, ref)) notFound();
      const token = randomBytes(12).toString("hex").toUpperCase();
      this.codeloadTokens.set(token, { repoKey: repoKey(repo.owner, repo.name), expiresAt: Date.now() + 5 * 60_000 });
      const location = `${this.codeloadOrigin}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}/legacy.tar.gz/${ref.split("/").map(encodeURIComponent).join("/")}?token=${token}`;
      return { status: 302, headers: { location }, raw: "" };
    });

    on("GET", "/repos/{owner}/{repo}/contents/{path+}", (c) => {
      const repo = this.repo(c);
      if (repo.branches.size === 0) fail(404, "This repository is empty.");
      const ref = c.query.get("ref") ?? repo.defaultBranch;
      const sha = this.resolveCommit(repo, ref);
      if (!sha) fail(404, `No commit found for the ref ${ref}`);
      const files = repo.store.flatten(repo.store.commit(sha)!.tree);
      const path = c.params.path!.replace(/\/+$/, "");
      const file = files.get(path);
      const accept = String(c.req.headers.accept ?? "");
      const full = `${repo.owner}/${repo.name}`;
      if (file) {
        const bytes = repo.store.blob(file.sha)!.bytes;
        if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) return { status: 200, raw: bytes, headers: { "content-type": "text/plain; charset=utf-8" } };
        return {
          status: 200,
          body: {
            type: "file",
            encoding: "base64",
            size: bytes.length,
            name: path.split("/").pop(),
            path,
            content: bytes.toString("base64").replace(/(.{60})/g, "$1\n"),
            sha: file.sha,
            url: `${this.apiUrl}/repos/${full}/contents/${path}?ref=${ref}`,
            html_url: `${this.webOrigin()}/${full}/blob/${ref}/${path}`,
            download_url: null,
          },
        };
      }
      const prefix = `${path}/`;
      const children = new Map<string, { type: "file" | "dir"; sha: string; size: number }>();
      for (const [p, f] of files) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const name = rest.split("/")[0]!;
        if (!children.has(name)) children.set(name, rest.includes("/") ? { type: "dir", sha: "", size: 0 } : { type: "file", sha: f.sha, size: repo.store.blob(f.sha)!.bytes.length });
      }
      if (children.size === 0) notFound();
      return { status: 200, body: [...children].map(([name, e]) => ({ type: e.type, name, path: `${path}/${name}`, sha: e.sha, size: e.size })) };
    });

    // -- pull requests
    on("GET", "/repos/{owner}/{repo}/pulls", (c) => {
      const repo = this.repo(c);
      const state = c.query.get("state") ?? "open";
      if (!["open", "closed", "all"].includes(state)) invalid([{ resource: "Search", field: "state", code: "invalid" }]);
      const head = c.query.get("head");
      const base = c.query.get("base");
      let list = [...repo.issues.values()].filter((i) => i.pull && (state === "all" || i.state === state));
      if (head) {
        const [owner, ref] = head.includes(":") ? [head.slice(0, head.indexOf(":")), head.slice(head.indexOf(":") + 1)] : [repo.owner, head];
        list = owner.toLowerCase() === repo.owner.toLowerCase() ? list.filter((i) => i.pull!.headRef === ref) : [];
      }
      if (base) list = list.filter((i) => i.pull!.baseRef === base);
      const sort = c.query.get("sort") ?? "created";
      const direction = c.query.get("direction") ?? (sort === "popularity" || sort === "long-running" ? "asc" : "desc");
      const key = (i: Issue): string => (sort === "updated" ? i.updatedAt : i.createdAt);
      list.sort((a, b) => (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1));
      if (direction === "desc") list.reverse();
      const { perPage, page } = paging(c.query);
      return { status: 200, body: list.slice((page - 1) * perPage, page * perPage).map((i) => this.pullPayload(repo, i)) };
    });

    on("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", (c) => {
      const repo = this.repo(c);
      return { status: 200, body: this.pullPayload(repo, this.pull(repo, c.params.pull_number!), true) };
    });

    on("POST", "/repos/{owner}/{repo}/pulls", (c) => {
      const repo = this.writable(c);
      const { title, body, draft } = c.body;
      let head = c.body.head;
      const base = c.body.base;
      if (typeof title !== "string" || title.trim() === "") invalid([{ resource: "PullRequest", field: "title", code: "missing_field" }]);
      if (typeof head !== "string") invalid([{ resource: "PullRequest", field: "head", code: "missing_field" }]);
      if (typeof base !== "string") invalid([{ resource: "PullRequest", field: "base", code: "missing_field" }]);
      if (head.includes(":")) {
        const owner = head.slice(0, head.indexOf(":"));
        if (owner.toLowerCase() !== repo.owner.toLowerCase()) invalid([{ resource: "PullRequest", field: "head", code: "invalid" }]);
        head = head.slice(head.indexOf(":") + 1);
      }
      if (typeof body === "string" && [...body].length > MAX_BODY) invalid([{ resource: "Issue", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY} characters)` }]);
      const headSha = repo.branches.get(head as string);
      const baseSha = repo.branches.get(base);
      if (!headSha) invalid([{ resource: "PullRequest", field: "head", code: "invalid" }]);
      if (!baseSha) invalid([{ resource: "PullRequest", field: "base", code: "invalid" }]);
      const duplicate = [...repo.issues.values()].find((i) => i.pull && i.state === "open" && i.pull.headRef === head && i.pull.baseRef === base);
      if (duplicate) invalid([{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${repo.owner}:${head}.` }]);
      if (repo.store.isAncestor(headSha, baseSha)) invalid([{ resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${head}` }]);
      const at = this.now().toISOString();
      const issue: Issue = {
        number: repo.nextNumber++,
        title,
        body: typeof body === "string" ? body : "",
        user: this.actor(c),
        state: "open",
        labels: [],
        assignees: [],
        createdAt: at,
        updatedAt: at,
        closedAt: null,
        pull: { headRef: head as string, headSha, baseRef: base, baseSha, draft: draft === true, mergedAt: null, requestedReviewers: [], requestedTeams: [], reviews: [] },
      };
      repo.issues.set(issue.number, issue);
      return { status: 201, body: this.pullPayload(repo, issue, true), headers: { location: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/pulls/${issue.number}` } };
    });

    on("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", (c) => {
      const repo = this.writable(c);
      const issue = this.pull(repo, c.params.pull_number!);
      const { title, body, state } = c.body;
      if (title !== undefined && (typeof title !== "string" || title.trim() === "")) invalid([{ resource: "PullRequest", field: "title", code: "invalid" }]);
      if (body !== undefined && body !== null && (typeof body !== "string" || [...body].length > MAX_BODY)) {
        invalid([{ resource: "Issue", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY} characters)` }]);
      }
      if (state !== undefined && state !== "open" && state !== "closed") invalid([{ resource: "PullRequest", field: "state", code: "invalid" }]);
      const at = this.now().toISOString();
      if (typeof title === "string") issue.title = title;
      if (typeof body === "string" || body === null) issue.body = body ?? "";
      if (state === "closed" && issue.state === "open") {
        issue.state = "closed";
        issue.closedAt = at;
      } else if (state === "open" && issue.state === "closed") {
        if (issue.pull!.mergedAt) fail(422, "Validation Failed", { errors: [{ resource: "PullRequest", code: "custom", message: "state cannot be changed. The pull request has been merged." }] });
        if (!repo.branches.has(issue.pull!.headRef)) invalid([{ resource: "PullRequest", code: "custom", message: "state cannot be changed. The head branch was deleted." }]);
        issue.state = "open";
        issue.closedAt = null;
      }
      issue.updatedAt = at;
      return { status: 200, body: this.pullPayload(repo, issue, true) };
    });

    on("GET", "/repos/{owner}/{repo}/compare/{basehead+}", (c) => {
      const repo = this.repo(c);
      const spec = c.params.basehead!;
      const dots = spec.indexOf("...");
      if (dots === -1) notFound();
      const strip = (s: string): string => (s.includes(":") ? s.slice(s.indexOf(":") + 1) : s);
      const base = this.resolveCommit(repo, strip(spec.slice(0, dots)));
      const head = this.resolveCommit(repo, strip(spec.slice(dots + 3)));
      if (!base || !head) notFound();
      const mergeBase = repo.store.mergeBase(base, head);
      if (!mergeBase) notFound();
      const ahead = this.commitRange(repo, base, head);
      const behind = this.commitRange(repo, head, base);
      const status = ahead.length === 0 && behind.length === 0 ? "identical" : behind.length === 0 ? "ahead" : ahead.length === 0 ? "behind" : "diverged";
      const full = `${repo.owner}/${repo.name}`;
      return {
        status: 200,
        body: {
          url: `${this.apiUrl}/repos/${full}/compare/${spec}`,
          html_url: `${this.webOrigin()}/${full}/compare/${spec}`,
          base_commit: this.commitPayload(repo, base),
          merge_base_commit: this.commitPayload(repo, mergeBase),
          status,
          ahead_by: ahead.length,
          behind_by: behind.length,
          total_commits: ahead.length,
          commits: ahead.slice(0, 250).map((sha) => this.commitPayload(repo, sha)),
          files: this.changedFiles(repo, mergeBase, head).map((f) => ({ sha: f.sha, filename: f.filename, status: f.status, additions: f.additions, deletions: f.deletions, changes: f.additions + f.deletions, patch: f.patch })),
        },
      };
    });

    // -- issues: labels, assignees, comments, reactions
    on("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", (c) => {
      const repo = this.writable(c);
      const issue = this.issue(repo, c.params.issue_number!);
      const raw = Array.isArray(c.body) ? c.body : c.body.labels;
      if (!Array.isArray(raw) || raw.some((l) => typeof (typeof l === "object" && l !== null ? (l as { name?: unknown }).name : l) !== "string")) {
        invalid([{ resource: "Label", field: "labels", code: "invalid" }]);
      }
      for (const l of raw as unknown[]) {
        const name = (typeof l === "object" ? (l as { name: string }).name : (l as string)).trim();
        if (name === "" || name.length > 50) invalid([{ resource: "Label", field: "name", code: "invalid", value: name }]);
        let label = repo.labels.get(name.toLowerCase());
        if (!label) repo.labels.set(name.toLowerCase(), (label = { id: this.id(), name, color: "ededed", description: null }));
        if (!issue.labels.some((n) => n.toLowerCase() === name.toLowerCase())) issue.labels.push(label.name);
      }
      issue.updatedAt = this.now().toISOString();
      return { status: 200, body: issue.labels.map((n) => this.labelPayload(repo, repo.labels.get(n.toLowerCase())!)) };
    });

    on("POST", "/repos/{owner}/{repo}/issues/{issue_number}/assignees", (c) => {
      const repo = this.writable(c);
      const issue = this.issue(repo, c.params.issue_number!);
      const assignees = c.body.assignees;
      if (!Array.isArray(assignees)) invalid([{ resource: "Issue", field: "assignees", code: "invalid" }]);
      // people who cannot be assigned are left out without an error, as on GitHub
      for (const a of assignees as unknown[]) {
        if (typeof a !== "string" || !repo.collaborators.has(a) || issue.assignees.includes(a)) continue;
        if (issue.assignees.length < 10) issue.assignees.push(a);
      }
      return { status: 201, body: this.issuePayload(repo, issue) };
    });

    on("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", (c) => {
      const repo = this.writable(c);
      const issue = this.pull(repo, c.params.pull_number!);
      const reviewers = (c.body.reviewers ?? []) as unknown[];
      const teams = (c.body.team_reviewers ?? []) as unknown[];
      if (!Array.isArray(reviewers) || !Array.isArray(teams)) invalid([{ resource: "PullRequest", field: "reviewers", code: "invalid" }]);
      for (const r of reviewers) {
        if (typeof r !== "string" || !repo.collaborators.has(r)) {
          fail(422, "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the " + `${repo.owner}/${repo.name} repository.`);
        }
        if (r === issue.user) fail(422, "Review cannot be requested from pull request author.");
      }
      for (const r of reviewers as string[]) if (!issue.pull!.requestedReviewers.includes(r)) issue.pull!.requestedReviewers.push(r);
      for (const t of teams) if (typeof t === "string" && !issue.pull!.requestedTeams.includes(t)) issue.pull!.requestedTeams.push(t);
      return { status: 201, body: this.pullPayload(repo, issue) };
    });

    on("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", (c) => {
      const repo = this.writable(c);
      const issue = this.pull(repo, c.params.pull_number!);
      const pull = issue.pull!;
      const commitId = typeof c.body.commit_id === "string" ? c.body.commit_id : pull.headSha;
      if (!repo.store.commit(commitId) || !repo.store.isAncestor(commitId, pull.headSha)) fail(422, "Unprocessable Entity", { errors: ["commit_id is not part of the pull request"] });
      const event = c.body.event;
      if (event !== undefined && !["COMMENT", "APPROVE", "REQUEST_CHANGES"].includes(event as string)) fail(422, "Unprocessable Entity", { errors: ["Invalid event"] });
      const body = typeof c.body.body === "string" ? c.body.body : "";
      const comments = (c.body.comments ?? []) as Record<string, unknown>[];
      if (!Array.isArray(comments)) fail(422, "Unprocessable Entity", { errors: ["comments must be a list"] });
      if ((event === "COMMENT" || event === "REQUEST_CHANGES") && body.trim() === "" && comments.length === 0) fail(422, "Unprocessable Entity", { errors: ["Review body is required"] });
      const actor = this.actor(c);
      if (event === "APPROVE" || event === "REQUEST_CHANGES") {
        if (actor === issue.user) fail(422, "Unprocessable Entity", { errors: [`Can not ${event === "APPROVE" ? "approve" : "request changes on"} your own pull request`] });
      }
      const mergeBase = repo.store.mergeBase(pull.baseSha, commitId) ?? pull.baseSha;
      const before = repo.store.flatten(repo.store.commit(mergeBase)!.tree);
      const after = repo.store.flatten(repo.store.commit(commitId)!.tree);
      const text = (files: Map<string, FlatFile>, path: string): string | null => {
        const f = files.get(path);
        return f ? repo.store.blob(f.sha)!.bytes.toString("utf8") : null;
      };
      const at = this.now().toISOString();
      const reviewId = this.id();
      const stored = [];
      for (const raw of comments) {
        const path = raw.path;
        if (typeof path !== "string" || typeof raw.body !== "string") fail(422, "Unprocessable Entity", { errors: ["Each comment needs a path and a body"] });
        if (raw.position !== undefined) fail(422, "Unprocessable Entity", { errors: ["The simulated GitHub takes line/side comments only"] });
        const oldText = text(before, path);
        const newText = text(after, path);
        if ((oldText === null && newText === null) || oldText === newText) fail(422, "Unprocessable Entity", { errors: ["Path could not be resolved"] });
        const line = raw.line;
        const side = (raw.side ?? "RIGHT") as string;
        if (typeof line !== "number" || !Number.isInteger(line) || line < 1) fail(422, "Unprocessable Entity", { errors: ["Pull request review thread line must be part of the diff"] });
        if (side !== "LEFT" && side !== "RIGHT") fail(422, "Unprocessable Entity", { errors: ["Pull request review thread side must be LEFT or RIGHT"] });
        const lines = commentableLines(oldText ?? "", newText ?? "");
        if (!(side === "RIGHT" ? lines.right : lines.left).has(line)) fail(422, "Unprocessable Entity", { errors: ["Pull request review thread line must be part of the diff"] });
        let startLine: number | null = null;
        let startSide: "LEFT" | "RIGHT" | null = null;
        if (raw.start_line !== undefined && raw.start_line !== null) {
          startLine = raw.start_line as number;
          startSide = ((raw.start_side ?? side) as "LEFT" | "RIGHT") ?? null;
          if (!Number.isInteger(startLine) || startLine >= line) fail(422, "Unprocessable Entity", { errors: ["Pull request review thread start_line must precede the end line."] });
          if (lines.hunkOf(startSide!, startLine) !== lines.hunkOf(side, line) || lines.hunkOf(startSide!, startLine) === -1) {
            fail(422, "Unprocessable Entity", { errors: ["Pull request review thread start line must be part of the same hunk as the line."] });
          }
        }
        stored.push({ id: this.id(), reviewId, path, line, side: side as "LEFT" | "RIGHT", startLine, startSide, body: raw.body, commitId, user: actor, createdAt: at });
      }
      const review: Review = {
        id: reviewId,
        user: actor,
        body,
        state: event === undefined ? "PENDING" : event === "APPROVE" ? "APPROVED" : event === "REQUEST_CHANGES" ? "CHANGES_REQUESTED" : "COMMENTED",
        commitId,
        submittedAt: at,
        comments: stored,
      };
      pull.reviews.push(review);
      return { status: 200, body: this.reviewPayload(repo, issue, review) };
    });

    on("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", (c) => {
      const repo = this.repo(c);
      const issue = this.issue(repo, c.params.issue_number!);
      const { perPage, page } = paging(c.query);
      const list = [...repo.comments.values()].filter((x) => x.issueNumber === issue.number);
      return { status: 200, body: list.slice((page - 1) * perPage, page * perPage).map((x) => this.commentPayload(repo, x)) };
    });

    on("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", (c) => {
      const repo = this.writable(c);
      const issue = this.issue(repo, c.params.issue_number!);
      const body = c.body.body;
      if (typeof body !== "string" || body.trim() === "") invalid([{ resource: "IssueComment", field: "body", code: "missing_field" }]);
      if ([...body].length > MAX_BODY) invalid([{ resource: "IssueComment", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY} characters)` }]);
      const comment = this.storeComment(repo, issue.number, this.actor(c), body);
      return { status: 201, body: this.commentPayload(repo, comment), headers: { location: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/issues/comments/${comment.id}` } };
    });

    on("POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", (c) => {
      const repo = this.writable(c);
      const comment = repo.comments.get(Number(c.params.comment_id));
      if (!comment) notFound();
      const content = c.body.content;
      if (typeof content !== "string" || !REACTIONS.includes(content)) invalid([{ resource: "Reaction", field: "content", code: "invalid" }]);
      const actor = this.actor(c);
      const existing = comment.reactions.find((r) => r.user === actor && r.content === content);
      const reaction = existing ?? { id: this.id(), user: actor, content, createdAt: this.now().toISOString() };
      if (!existing) comment.reactions.push(reaction);
      return { status: existing ? 200 : 201, body: { id: reaction.id, node_id: nodeId("REA", reaction.id), user: this.accountPayload(reaction.user), content: reaction.content, created_at: reaction.createdAt } };
    });

    on("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", (c) => {
      const repo = this.repo(c);
      const account = this.accounts.get(c.params.username!.toLowerCase());
      if (!account || account.type === "Organization") fail(404, `${c.params.username} is not a user`);
      const role: Role | "none" = repo.collaborators.get(account.login) ?? (repo.private ? "none" : "read");
      const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return { status: 200, body: { permission, role_name: role, user: { ...this.accountPayload(account.login), permissions: permissionFlags(role) } } };
    });
  }

  // ---------------------------------------------------------------- helpers

  private id(): number {
    return this.nextId++;
  }

  private installation(raw: string): InstallationState {
    const inst = this.installations.get(Number(raw));
    if (!inst) notFound();
    return inst;
  }

  private covers(inst: InstallationState, repo: RepoState): boolean {
    if (inst.account.toLowerCase() !== repo.owner.toLowerCase()) return false;
    return inst.repositories === "all" || inst.repositories.some((n) => n.toLowerCase() === repo.name.toLowerCase());
  }

  /** The repository of the route, 404 when it does not exist or the installation cannot see it. */
  private repo(c: Ctx): RepoState {
    const repo = this.repos.get(repoKey(c.params.owner!, c.params.repo!));
    if (!repo) notFound();
    const inst = c.auth.installationId === null ? undefined : this.installations.get(c.auth.installationId);
    if (!inst || !this.covers(inst, repo)) notFound();
    return repo;
  }

  /** Like `repo`, for writes: an archived repository is read-only. */
  private writable(c: Ctx): RepoState {
    const repo = this.repo(c);
    if (repo.archived) fail(403, "Repository was archived so is read-only.");
    return repo;
  }

  private actor(c: Ctx): string {
    return c.auth.kind === "installation" ? this.botLogin : this.app.owner;
  }

  private issue(repo: RepoState, raw: string): Issue {
    const issue = repo.issues.get(Number(raw));
    if (!issue) notFound();
    return issue;
  }

  private pull(repo: RepoState, raw: string): Issue {
    const issue = this.issue(repo, raw);
    if (!issue.pull) notFound();
    return issue;
  }

  private branchOfRef(ref: string): string {
    if (!ref.startsWith("heads/")) fail(422, "Reference does not exist");
    return ref.slice("heads/".length);
  }

  private loginOfEmail(email: string): string | null {
    for (const a of this.accounts.values()) if (a.emails.includes(email)) return a.login;
    return null;
  }

  private association(repo: RepoState, login: string): string {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return "OWNER";
    if (repo.collaborators.has(login)) return "COLLABORATOR";
    return "NONE";
  }

  private headTree(repo: RepoState): string {
    return repo.store.commit(repo.branches.get(repo.defaultBranch) ?? [...repo.branches.values()][0]!)!.tree;
  }

  /** A branch name, a full SHA or an unambiguous abbreviation (≥ 7) of a commit → its SHA. */
  private resolveCommit(repo: RepoState, ref: string): string | null {
    const name = ref.replace(/^refs\/heads\//, "").replace(/^heads\//, "");
    const branch = repo.branches.get(name);
    if (branch) return branch;
    if (/^[0-9a-f]{40}$/.test(ref)) return repo.store.commit(ref) ? ref : null;
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const hits = [...repo.branches.values(), ...this.allCommits(repo)].filter((s) => s.startsWith(ref));
      const unique = [...new Set(hits)];
      return unique.length === 1 ? unique[0]! : null;
    }
    return null;
  }

  private allCommits(repo: RepoState): Set<string> {
    const out = new Set<string>();
    for (const sha of repo.branches.values()) for (const a of repo.store.ancestors(sha)) out.add(a);
    return out;
  }

  /** A tree SHA, or a commit-ish whose tree is meant. */
  private resolveTree(repo: RepoState, ref: string): string | null {
    if (repo.store.tree(ref)) return ref;
    const commit = this.resolveCommit(repo, ref);
    return commit ? repo.store.commit(commit)!.tree : null;
  }

  /** Commits reachable from `head` and not from `base`, parents before children. */
  private commitRange(repo: RepoState, base: string, head: string): string[] {
    const excluded = repo.store.ancestors(base);
    const out: string[] = [];
    const seen = new Set<string>();
    const visit = (sha: string): void => {
      const stack: { sha: string; expanded: boolean }[] = [{ sha, expanded: false }];
      while (stack.length > 0) {
        const top = stack.pop()!;
        if (top.expanded) {
          out.push(top.sha);
          continue;
        }
        if (seen.has(top.sha) || excluded.has(top.sha)) continue;
        seen.add(top.sha);
        stack.push({ sha: top.sha, expanded: true });
        const parents = repo.store.commit(top.sha)?.parents ?? [];
        for (let i = parents.length - 1; i >= 0; i--) stack.push({ sha: parents[i]!, expanded: false });
      }
    };
    visit(head);
    return out;
  }

  private changedFiles(repo: RepoState, from: string, to: string): { filename: string; status: string; sha: string; additions: number; deletions: number; patch: string }[] {
    const a = repo.store.flatten(repo.store.commit(from)!.tree);
    const b = repo.store.flatten(repo.store.commit(to)!.tree);
    const out = [];
    for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const x = a.get(path);
      const y = b.get(path);
      if (x && y && x.sha === y.sha && x.mode === y.mode) continue;
      const oldText = x ? repo.store.blob(x.sha)!.bytes.toString("utf8") : "";
      const newText = y ? repo.store.blob(y.sha)!.bytes.toString("utf8") : "";
      const patch = patchText(oldText, newText);
      const lines = patch.split("\n");
      out.push({
        filename: path,
        status: !x ? "added" : !y ? "removed" : "modified",
        sha: (y ?? x)!.sha,
        additions: lines.filter((l) => l.startsWith("+")).length,
        deletions: lines.filter((l) => l.startsWith("-")).length,
        patch,
      });
    }
    return out;
  }

  /** Writes one commit on `branch` (by a person, for seeds and tests). `null` deletes a path. */
  private commitFiles(repo: RepoState, params: { branch: string; files: Readonly<Record<string, SeedFile | null>>; message: string; author: string; replaceAll: boolean }): string {
    const parent = repo.branches.get(params.branch) ?? repo.branches.get(repo.defaultBranch) ?? null;
    const files = params.replaceAll || !parent ? new Map<string, FlatFile>() : repo.store.flatten(repo.store.commit(parent)!.tree);
    for (const [path, seed] of Object.entries(params.files)) {
      if (seed === null) {
        files.delete(path);
        continue;
      }
      const { bytes, mode } = seedBytes(seed);
      files.set(path, { sha: repo.store.putBlob(bytes), mode });
    }
    const account = this.accounts.get(params.author.toLowerCase())!;
    const at = this.now().toISOString();
    const who: Signature = { name: account.login, email: account.emails[account.emails.length - 1]!, date: at };
    const sha = repo.store.putCommit({
      tree: repo.store.putFlatTree(files),
      parents: parent ? [parent] : [],
      message: params.message,
      author: who,
      committer: who,
      authorLogin: account.login,
      committerLogin: account.login,
    });
    this.moveBranch(repo, params.branch, sha);
    return sha;
  }

  private moveBranch(repo: RepoState, branch: string, sha: string): void {
    repo.branches.set(branch, sha);
    repo.pushedAt = this.now().toISOString();
    for (const issue of repo.issues.values()) {
      if (issue.pull && issue.state === "open" && issue.pull.headRef === branch) {
        issue.pull.headSha = sha;
        issue.pull.baseSha = repo.branches.get(issue.pull.baseRef) ?? issue.pull.baseSha;
      }
    }
  }

  private storeComment(repo: RepoState, issueNumber: number, user: string, body: string): IssueComment {
    const at = this.now().toISOString();
    const comment: IssueComment = { id: this.id(), issueNumber, user, body, createdAt: at, updatedAt: at, reactions: [] };
    repo.comments.set(comment.id, comment);
    repo.issues.get(issueNumber)!.updatedAt = at;
    return comment;
  }

  // ---------------------------------------------------------------- payloads

  private appPayload(): Record<string, unknown> {
    return {
      id: this.app.id,
      slug: this.app.slug,
      node_id: nodeId("A", this.app.id),
      client_id: `Iv1.${this.app.id.toString(16).padStart(16, "0")}`,
      owner: this.accountPayload(this.app.owner),
      name: this.app.name,
      description: "Migrates aioredis to redis.asyncio",
      external_url: `${this.webOrigin()}/${this.app.owner}`,
      html_url: `${this.webOrigin()}/apps/${this.app.slug}`,
      created_at: "2024-01-01T00:00:00Z",
      updated_at: "2024-01-01T00:00:00Z",
      permissions: this.app.permissions,
      events: this.app.events,
      installations_count: this.installations.size,
    };
  }

  private refPayload(repo: RepoState, branch: string, sha: string): Record<string, unknown> {
    const full = `${repo.owner}/${repo.name}`;
    return {
      ref: `refs/heads/${branch}`,
      node_id: nodeId("REF", repo.id),
      url: `${this.apiUrl}/repos/${full}/git/refs/heads/${branch}`,
      object: { sha, type: "commit", url: `${this.apiUrl}/repos/${full}/git/commits/${sha}` },
    };
  }

  private treePayload(repo: RepoState, treeSha: string): Record<string, unknown> {
    const full = `${repo.owner}/${repo.name}`;
    return {
      sha: treeSha,
      url: `${this.apiUrl}/repos/${full}/git/trees/${treeSha}`,
      tree: repo.store.tree(treeSha)!.entries.map((e) =>
        e.mode === "040000"
          ? { path: e.name, mode: e.mode, type: "tree", sha: e.sha, url: `${this.apiUrl}/repos/${full}/git/trees/${e.sha}` }
          : { path: e.name, mode: e.mode, type: "blob", sha: e.sha, size: repo.store.blob(e.sha)!.bytes.length, url: `${this.apiUrl}/repos/${full}/git/blobs/${e.sha}` },
      ),
      truncated: false,
    };
  }

  private gitCommitPayload(repo: RepoState, sha: string): Record<string, unknown> {
    const c = repo.store.commit(sha)!;
    const full = `${repo.owner}/${repo.name}`;
    const verified = c.committerLogin === "web-flow";
    return {
      sha,
      node_id: nodeId("C", parseInt(sha.slice(0, 8), 16)),
      url: `${this.apiUrl}/repos/${full}/git/commits/${sha}`,
      html_url: `${this.webOrigin()}/${full}/commit/${sha}`,
      author: c.author,
      committer: c.committer,
      tree: { sha: c.tree, url: `${this.apiUrl}/repos/${full}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map((p) => ({ sha: p, url: `${this.apiUrl}/repos/${full}/git/commits/${p}`, html_url: `${this.webOrigin()}/${full}/commit/${p}` })),
      verification: { verified, reason: verified ? "valid" : "unsigned", signature: null, payload: null, verified_at: verified ? c.committer.date : null },
    };
  }

  /** The REST "commit" object (compare, list commits): git data plus the GitHub accounts. */
  private commitPayload(repo: RepoState, sha: string): Record<string, unknown> {
    const c = repo.store.commit(sha)!;
    const full = `${repo.owner}/${repo.name}`;
    const git = this.gitCommitPayload(repo, sha);
    return {
      sha,
      node_id: git.node_id,
      commit: { author: c.author, committer: c.committer, message: c.message, tree: git.tree, url: git.url, comment_count: 0, verification: git.verification },
      url: `${this.apiUrl}/repos/${full}/commits/${sha}`,
      html_url: `${this.webOrigin()}/${full}/commit/${sha}`,
      author: c.authorLogin ? this.accountPayload(c.authorLogin) : null,
      committer: c.committerLogin ? this.accountPayload(c.committerLogin) : null,
      parents: git.parents,
    };
  }

  private labelPayload(repo: RepoState, l: Label): Record<string, unknown> {
    return {
      id: l.id,
      node_id: nodeId("LA", l.id),
      url: `${this.apiUrl}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(l.name)}`,
      name: l.name,
      color: l.color,
      default: false,
      description: l.description,
    };
  }

  private reviewPayload(repo: RepoState, issue: Issue, r: Review): Record<string, unknown> {
    const full = `${repo.owner}/${repo.name}`;
    return {
      id: r.id,
      node_id: nodeId("PRR", r.id),
      user: this.accountPayload(r.user),
      body: r.body,
      state: r.state,
      html_url: `${this.webOrigin()}/${full}/pull/${issue.number}#pullrequestreview-${r.id}`,
      pull_request_url: `${this.apiUrl}/repos/${full}/pulls/${issue.number}`,
      author_association: this.association(repo, r.user),
      submitted_at: r.state === "PENDING" ? undefined : r.submittedAt,
      commit_id: r.commitId,
    };
  }
}

function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

function issueId(repo: RepoState, number: number): number {
  return repo.id * 1000 + number;
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(String(id)).toString("base64url")}`;
}

function paging(query: URLSearchParams): { perPage: number; page: number } {
  const perPage = Math.min(100, Math.max(1, Number(query.get("per_page") ?? 30) || 30));
  const page = Math.max(1, Number(query.get("page") ?? 1) || 1);
  return { perPage, page };
}

function permissionFlags(role: Role | "none"): Record<string, boolean> {
  const rank = ["none", "read", "triage", "write", "maintain", "admin"].indexOf(role);
  return { admin: rank >= 5, maintain: rank >= 4, push: rank >= 3, triage: rank >= 2, pull: rank >= 1 };
}

function seedBytes(seed: SeedFile): { bytes: Buffer; mode: FileMode } {
  if (typeof seed === "string") return { bytes: Buffer.from(seed, "utf8"), mode: "100644" };
  if (Buffer.isBuffer(seed)) return { bytes: seed, mode: "100644" };
  return { bytes: typeof seed.content === "string" ? Buffer.from(seed.content, "utf8") : seed.content, mode: seed.mode ?? "100644" };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

