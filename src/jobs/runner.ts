/**
 * Between the webhook handlers and the use case: each trigger becomes queued jobs (one per repository), with
 * deduplication by delivery id (a redelivered webhook does nothing twice) and by (repository, head, mode) for
 * automatic runs; writes are paced per installation and publishing is serialized per installation. Outcomes become
 * log lines, and for a command always a reply.
 */
import type { Logger } from "pino";
import { loadConfig, type ConfigReader } from "../config.js";
import { OctokitGateway, type OctokitRequester } from "../github/octokit-gateway.js";
import type { GitHubGateway, Permission, RepoRef, RepositoryInfo, ReviewComment } from "../github/types.js";
import { parseCommand, type CommandKind } from "./command.js";
import { migrateRepository, type RepositoryOutcome, type RunMode } from "./migrate-repository.js";
import { pacedRequester, type ContentPacer } from "./pacer.js";
import { JobQueue, KeyedMutex, RecentSet } from "./queue.js";
import * as replies from "./replies.js";

/** An installation's Octokit as the runner uses it (Probot's `ProbotOctokit` is one). */
export type InstallationOctokit = OctokitRequester & ConfigReader;

export interface RunnerDeps {
  readonly log: Logger;
  /** An Octokit authenticated as the installation (Probot: `app.auth(id)`; tokens are cached and renewed). */
  readonly auth: (installationId: number) => Promise<InstallationOctokit>;
  /** The App's slug (`GET /app`), read once. */
  readonly appSlug: () => Promise<string>;
  readonly toolVersion: () => Promise<string>;
  readonly queue: JobQueue;
  readonly pacer: ContentPacer;
}

export interface RepositoryName {
  readonly owner: string;
  readonly repo: string;
}

interface Trigger {
  readonly installationId: number;
  readonly deliveryId: string;
}

export interface ScanRequest extends Trigger {
  /** null: the payload listed none (an installation on all repositories of a very large account): list them. */
  readonly repositories: readonly RepositoryName[] | null;
}

export interface CommandRequest extends Trigger, RepositoryName {
  readonly repository: RepositoryInfo;
  readonly issueNumber: number;
  readonly commentId: number;
  readonly author: string;
  readonly body: string;
}

export interface RefreshRequest extends Trigger, RepositoryName {
  readonly repository: RepositoryInfo;
  readonly headSha: string;
}

export interface DeclinedRequest extends Trigger, RepositoryName {
  readonly prNumber: number;
  readonly prAuthor: string;
  readonly headRef: string;
}

const WRITERS: readonly Permission[] = ["admin", "maintain", "write"];

const MODE_OF: Record<CommandKind, RunMode> = { run: "explicit", "dry-run": "dry-run", recreate: "recreate" };

/** A gateway whose review failures do not undo a published PR: the manual steps are in its description anyway. */
class AppGateway extends OctokitGateway {
  constructor(
    octokit: OctokitRequester,
    repoRef: RepoRef,
    private readonly log: Logger,
  ) {
    super(octokit, repoRef);
  }

  override async createReview(params: { prNumber: number; commitSha: string; body: string; comments: readonly ReviewComment[] }): Promise<void> {
    try {
      await super.createReview(params);
    } catch (error) {
      this.log.warn({ pr: params.prNumber, comments: params.comments.length, status: (error as { status?: number }).status }, "review comments not posted");
    }
  }
}

export class MigrationRunner {
  private readonly deliveries = new RecentSet();
  private readonly completed = new RecentSet();
  private readonly noticed = new RecentSet();
  private readonly publishing = new KeyedMutex();
  /** The newest default-branch head pushed per repository: a waiting refresh migrates that one. */
  private readonly pushedHeads = new Map<string, string>();
  private slug: Promise<string> | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  /** `installation.created`, `installation_repositories.added`: one automatic run per repository. */
  async scan(req: ScanRequest): Promise<void> {
    const log = this.deps.log.child({ installation: req.installationId, delivery: req.deliveryId });
    const repositories = req.repositories ?? (await this.listInstallationRepositories(req.installationId));
    log.info({ repositories: repositories.length }, "scanning the installation's repositories");
    for (const r of repositories) {
      const repoLog = log.child({ repo: `${r.owner}/${r.repo}` });
      const key = `${req.deliveryId}:${repoKey(req.installationId, r)}`;
      if (!this.deliveries.add(key)) {
        repoLog.debug("delivery already handled for this repository (redelivered webhook)");
        continue;
      }
      this.enqueueAuto(req.installationId, r, repoLog, key, {});
    }
  }

  /** `push` to the default branch that touches Python files or manifests: refresh the App's open PR. */
  async refresh(req: RefreshRequest): Promise<void> {
    const log = this.deps.log.child({ installation: req.installationId, repo: `${req.owner}/${req.repo}`, delivery: req.deliveryId });
    if (!this.deliveries.add(req.deliveryId)) {
      log.debug("delivery already handled (redelivered webhook)");
      return;
    }
    const key = repoKey(req.installationId, req);
    this.pushedHeads.set(key, req.headSha);
    this.enqueueAuto(req.installationId, req, log, req.deliveryId, {
      repository: req.repository,
      headSha: () => this.pushedHeads.get(key) ?? req.headSha,
      onlyIfOpenPullRequest: true,
    });
  }

  /** A `/redis-migrate` comment: 👀 at once, then a usage note, a refusal, or a queued run that always replies. */
  async command(req: CommandRequest): Promise<void> {
    const log = this.deps.log.child({ installation: req.installationId, repo: `${req.owner}/${req.repo}`, delivery: req.deliveryId, issue: req.issueNumber });
    if (!this.deliveries.add(req.deliveryId)) {
      log.debug("delivery already handled (redelivered webhook)");
      return;
    }
    let connected: GitHubGateway | undefined;
    try {
      const { gateway, octokit } = await this.connect(req.installationId, req, log);
      connected = gateway;
      await gateway.reactToComment(req.commentId, "eyes").catch((error: unknown) => log.warn({ status: statusOf(error) }, "could not react to the command"));
      const parsed = parseCommand(req.body);
      if (!parsed.ok) {
        log.info({ given: parsed.given }, "unknown command form: replied with the valid forms");
        await gateway.createComment(req.issueNumber, replies.usageReply(parsed.given));
        return;
      }
      const permission = await gateway.getPermission(req.author);
      if (!WRITERS.includes(permission)) {
        log.info({ author: req.author, permission }, "command refused: the commenter cannot write to the repository");
        await gateway.createComment(req.issueNumber, replies.refusalReply(req.author, permission));
        return;
      }
      const mode = MODE_OF[parsed.kind];
      this.deps.queue.enqueue({
        repoKey: repoKey(req.installationId, req),
        run: () => this.runCommand(req, gateway, octokit, mode, log),
      });
      log.info({ author: req.author, mode }, "command accepted");
    } catch (error) {
      this.deliveries.delete(req.deliveryId);
      log.error({ error: messageOf(error), status: statusOf(error) }, "command could not be started");
      // a command is never silently ignored: say it failed, if GitHub lets us
      await connected?.createComment(req.issueNumber, replies.errorReply(messageOf(error))).catch(() => undefined);
    }
  }

  /** `pull_request.closed` without merge, on the App's PR: say how to ask again, delete the branch. */
  async declined(req: DeclinedRequest): Promise<void> {
    const log = this.deps.log.child({ installation: req.installationId, repo: `${req.owner}/${req.repo}`, delivery: req.deliveryId, pr: req.prNumber });
    if (!this.deliveries.add(req.deliveryId)) {
      log.debug("delivery already handled (redelivered webhook)");
      return;
    }
    this.deps.queue.enqueue({
      repoKey: repoKey(req.installationId, req),
      run: async () => {
        try {
          if (req.prAuthor !== (await this.botLogin())) {
            log.debug({ author: req.prAuthor }, "closed PR not opened by this App");
            return;
          }
          const { gateway } = await this.connect(req.installationId, req, log);
          await gateway.createComment(req.prNumber, replies.declinedNotice());
          await gateway.deleteBranch(req.headRef);
          log.info({ branch: req.headRef }, "PR closed without merge: lasting no recorded on GitHub, branch deleted");
        } catch (error) {
          this.deliveries.delete(req.deliveryId);
          log.error({ error: messageOf(error), status: statusOf(error) }, "closed PR not handled");
        }
      },
    });
  }

  /** `<slug>[bot]`, from `GET /app` once (retried after a failure). */
  async botLogin(): Promise<string> {
    this.slug ??= this.deps.appSlug().catch((error: unknown) => {
      this.slug = null;
      throw error;
    });
    return `${await this.slug}[bot]`;
  }

  private enqueueAuto(
    installationId: number,
    r: RepositoryName,
    log: Logger,
    deliveryKey: string,
    extra: { repository?: RepositoryInfo; headSha?: () => string; onlyIfOpenPullRequest?: boolean },
  ): void {
    const key = repoKey(installationId, r);
    const queued = this.deps.queue.enqueue({
      repoKey: key,
      // two scans (or two refreshes) waiting for the same repository would do the same work on the newest head
      coalesceKey: extra.onlyIfOpenPullRequest ? "refresh" : "scan",
      run: async () => {
        try {
          const { gateway, octokit } = await this.connect(installationId, r, log);
          const { headSha, ...rest } = extra;
          const outcome = await this.migrate(gateway, octokit, "auto", log, { ...rest, ...(headSha ? { headSha: headSha() } : {}) });
          await this.reportAuto(outcome, gateway, installationId, r, log);
        } catch (error) {
          this.deliveries.delete(deliveryKey);
          log.error({ error: messageOf(error), status: statusOf(error) }, "migration failed");
        }
      },
    });
    if (!queued) log.debug("an equal run is already waiting for this repository");
  }

  private async migrate(
    gateway: GitHubGateway,
    octokit: InstallationOctokit,
    mode: RunMode,
    log: Logger,
    extra: { repository?: RepositoryInfo; headSha?: string; onlyIfOpenPullRequest?: boolean },
  ): Promise<RepositoryOutcome> {
    const { installationId } = gateway.repoRef;
    let runKey: string | undefined;
    const outcome = await migrateRepository({
      gateway,
      mode,
      log,
      loadConfig: () => loadConfig(octokit, gateway.repoRef.owner, gateway.repoRef.repo),
      botLogin: await this.botLogin(),
      toolVersion: await this.deps.toolVersion(),
      alreadyDone: (head, config) => {
        runKey = `${repoKey(installationId, gateway.repoRef)}@${head}:${JSON.stringify(config)}`;
        return this.completed.has(runKey);
      },
      publishLock: (fn) => this.publishing.run(String(installationId), fn),
      ...extra,
    });
    // the same head and configuration give the same migration: a later automatic run has nothing to add
    if (runKey !== undefined && (outcome.kind === "published" || outcome.kind === "no-aioredis" || outcome.kind === "unmigratable")) {
      this.completed.add(runKey);
    }
    return outcome;
  }

  private async reportAuto(outcome: RepositoryOutcome, gateway: GitHubGateway, installationId: number, r: RepositoryName, log: Logger): Promise<void> {
    switch (outcome.kind) {
      case "skipped":
        log.info({ reason: outcome.reason }, `repository skipped: ${outcome.reason}`);
        return;
      case "invalid-config":
        log.error({ file: outcome.file, errors: outcome.errors }, `invalid configuration, run skipped: ${outcome.errors.join("; ")}`);
        return;
      case "already-done":
        log.debug({ headSha: outcome.headSha }, "already migrated at this head with this configuration");
        return;
      case "no-open-pull-request":
        log.debug("no open migration PR to refresh");
        return;
      case "no-aioredis":
        log.info({ headSha: outcome.headSha }, "no aioredis usage found");
        return;
      case "unmigratable":
        log.warn({ files: outcome.skipped.map((s) => s.file) }, "aioredis named only in files that cannot be migrated");
        return;
      case "dry-run":
        return;
      case "published": {
        const p = outcome.publish;
        if (p.kind === "human-commits") {
          log.info({ authors: p.authors, pr: p.pr?.number }, "branch has commits by people: left alone");
          const key = `${repoKey(installationId, r)}#${p.pr?.number}:${outcome.proposal.filesHash}`;
          if (p.pr && this.noticed.add(key)) {
            await gateway.createComment(p.pr.number, replies.humanCommitsNotice(p.authors, outcome.report, p.pr.number));
          }
          return;
        }
        if (p.kind === "declined") {
          log.info({ pr: p.pr.number }, "the migration PR was closed without merge: not reopened");
          return;
        }
        log.info({ pr: p.pr.number, outcome: p.kind, headSha: outcome.headSha }, `migration PR ${p.kind}`);
        return;
      }
    }
  }

  private async runCommand(req: CommandRequest, gateway: GitHubGateway, octokit: InstallationOctokit, mode: RunMode, log: Logger): Promise<void> {
    let reply: string;
    try {
      const outcome = await this.migrate(gateway, octokit, mode, log, { repository: req.repository });
      reply = commandReply(outcome);
      log.info({ outcome: outcome.kind, ...(outcome.kind === "published" ? { publish: outcome.publish.kind } : {}) }, "command done");
    } catch (error) {
      this.deliveries.delete(req.deliveryId);
      log.error({ error: messageOf(error), status: statusOf(error) }, "command failed");
      reply = replies.errorReply(messageOf(error));
    }
    try {
      await gateway.createComment(req.issueNumber, reply);
    } catch (error) {
      log.error({ error: messageOf(error), status: statusOf(error) }, "could not reply to the command");
    }
  }

  private async connect(installationId: number, r: RepositoryName, log: Logger): Promise<{ gateway: GitHubGateway; octokit: InstallationOctokit }> {
    const octokit = await this.deps.auth(installationId);
    const requester = pacedRequester(octokit, this.deps.pacer, String(installationId), log);
    return { gateway: new AppGateway(requester, { installationId, owner: r.owner, repo: r.repo }, log), octokit };
  }

  private async listInstallationRepositories(installationId: number): Promise<RepositoryName[]> {
    const octokit = await this.deps.auth(installationId);
    const out: RepositoryName[] = [];
    for (let page = 1; ; page++) {
      const { data } = await octokit.request("GET /installation/repositories", { per_page: 100, page });
      const list = (data as { repositories: { name: string; owner: { login: string } }[] }).repositories;
      out.push(...list.map((x) => ({ owner: x.owner.login, repo: x.name })));
      if (list.length < 100) return out;
    }
  }
}

export function commandReply(outcome: RepositoryOutcome): string {
  switch (outcome.kind) {
    case "skipped":
      return replies.skippedReply(outcome.reason);
    case "invalid-config":
      return replies.invalidConfigReply(outcome.file, outcome.errors);
    case "already-done":
    case "no-open-pull-request":
      // commands are explicit runs: neither guard applies to them
      return replies.errorReply(`unexpected outcome ${outcome.kind}`);
    case "no-aioredis":
      return replies.noAioredisReply(outcome.defaultBranch, outcome.headSha);
    case "unmigratable":
      return replies.unmigratableReply(outcome.defaultBranch, outcome.headSha, outcome.skipped);
    case "dry-run":
      return replies.dryRunReply(outcome.report, outcome.defaultBranch, outcome.headSha);
    case "published":
      return replies.publishReply(outcome.publish, outcome.report);
  }
}

function repoKey(installationId: number, r: RepositoryName): string {
  return `${installationId}/${r.owner}/${r.repo}`.toLowerCase();
}

/** The error's message with anything token-like blanked: messages reach logs and comments. */
export function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/\b(bearer|token|basic)\s+[^\s"',]+/gi, "$1 [REDACTED]")
    .replace(/\b(gh[opsuhr]_[A-Za-z0-9_]{8,}|github_pat_[A-Za-z0-9_]{8,}|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g, "[REDACTED]");
}

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number })?.status;
}
