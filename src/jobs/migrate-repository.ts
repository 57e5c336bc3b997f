/**
 * The use case behind every trigger: migrate one repository and put the result on GitHub.
 *
 * 1. the repository: archived, disabled and empty ones are left alone;
 * 2. its configuration (a broken file stops the run; `enabled: false` too; forks only when `includeForks` or asked);
 * 3. the default branch head (given by a push), and for a refresh the App's open PR (none: nothing to refresh);
 * 4. the snapshot: the recursive tree, then one tarball of the Python files and manifests (none: nothing to do);
 * 5. decode (PEP 263 encodings; what cannot be decoded is listed), migrate code and manifests, build the report;
 * 6. nothing changed and nothing to do by hand: "no aioredis usage found";
 * 7. the proposal (files, title, body with line links, REDIS_MIGRATION.md when shortened, review comments);
 * 8. publish it (one installation at a time), or for a dry run return it.
 */
import type { Logger } from "pino";
import type { AppConfig, ConfigResult } from "../config.js";
import { decodeSource, formatSize, MAX_FILE_BYTES } from "../io/decode.js";
import type { SkippedFile } from "../migrate/findings.js";
import { isManifestPath } from "../migrate/manifests/index.js";
import { publishMigration, type PublishOutcome } from "../github/publish.js";
import type { GitHubGateway, MigrationPullRequest, RepositoryInfo } from "../github/types.js";
import { assembleMigration, type DecodedFile } from "../report/assemble.js";
import { summarize, type MigrationReport } from "../report/model.js";
import { pathFilter } from "./paths.js";
import { buildProposal, type Proposal } from "./proposal.js";

/** `auto`: install scan or push refresh; `explicit`: `/redis-migrate`; then its `dry-run` and `recreate` forms. */
export type RunMode = "auto" | "explicit" | "dry-run" | "recreate";

export interface MigrateRepositoryParams {
  readonly gateway: GitHubGateway;
  readonly mode: RunMode;
  readonly loadConfig: () => Promise<ConfigResult>;
  /** The App's login, `<slug>[bot]`: commits by anyone else on its branch are a person's. */
  readonly botLogin: string;
  readonly toolVersion: string;
  readonly log: Logger;
  /** Known from the webhook payload (push, issue_comment): saves the request. */
  readonly repository?: RepositoryInfo;
  /** The default branch head, known from a push. */
  readonly headSha?: string;
  /** A push refresh: only when the App's pull request is open. */
  readonly onlyIfOpenPullRequest?: boolean;
  /** An automatic run already done for this head and configuration: stop before reading anything more. */
  readonly alreadyDone?: (headSha: string, config: AppConfig) => boolean;
  /** Runs the publishing step; the runner serializes it per installation. */
  readonly publishLock?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export type SkipReason = "archived" | "disabled" | "empty" | "fork" | "disabled-by-config";

export interface Migrated {
  readonly report: MigrationReport;
  readonly proposal: Proposal;
  readonly headSha: string;
  readonly defaultBranch: string;
  readonly config: AppConfig;
}

export type RepositoryOutcome =
  | { readonly kind: "skipped"; readonly reason: SkipReason }
  | { readonly kind: "invalid-config"; readonly file: string; readonly errors: readonly string[] }
  | { readonly kind: "already-done"; readonly headSha: string }
  | { readonly kind: "no-open-pull-request" }
  /** No Python file and no manifest at all, or none that names aioredis or needs a change. */
  | { readonly kind: "no-aioredis"; readonly headSha: string; readonly defaultBranch: string }
  /** aioredis is named, but only in files that could not be migrated (syntax errors, encodings). */
  | { readonly kind: "unmigratable"; readonly headSha: string; readonly defaultBranch: string; readonly skipped: readonly SkippedFile[] }
  | ({ readonly kind: "dry-run" } & Migrated)
  | ({ readonly kind: "published"; readonly publish: PublishOutcome } & Migrated);

const AIOREDIS = Buffer.from("aioredis");

export async function migrateRepository(p: MigrateRepositoryParams): Promise<RepositoryOutcome> {
  const { gateway, log } = p;
  const repo = p.repository ?? (await gateway.getRepository());
  if (repo.archived) return { kind: "skipped", reason: "archived" };
  if (repo.disabled) return { kind: "skipped", reason: "disabled" };
  if (repo.empty) return { kind: "skipped", reason: "empty" };

  const loaded = await p.loadConfig();
  if (!loaded.ok) return { kind: "invalid-config", file: loaded.file, errors: loaded.errors };
  const config = loaded.config;
  if (!config.enabled) return { kind: "skipped", reason: "disabled-by-config" };
  if (repo.fork && !config.includeForks && p.mode === "auto") return { kind: "skipped", reason: "fork" };

  const headSha = p.headSha ?? (await gateway.getBranchSha(repo.defaultBranch));
  if (headSha === null) return { kind: "skipped", reason: "empty" };
  if (p.mode === "auto" && p.alreadyDone?.(headSha, config)) return { kind: "already-done", headSha };
  if (p.onlyIfOpenPullRequest) {
    const open = (await gateway.findMigrationPullRequests(config.branch)).some((pr: MigrationPullRequest) => pr.state === "open");
    if (!open) return { kind: "no-open-pull-request" };
  }

  const snapshot = await gateway.readSnapshot(headSha, { maxFileBytes: MAX_FILE_BYTES });
  if (snapshot === null) return { kind: "no-aioredis", headSha, defaultBranch: repo.defaultBranch };
  if (snapshot.treeTruncated) log.info({ headSha }, "the recursive tree was truncated by GitHub; read every file of the tarball instead");

  const wanted = pathFilter(config.ignorePaths);
  const python: DecodedFile[] = [];
  const manifests: DecodedFile[] = [];
  const skipped: SkippedFile[] = [];
  const skippedNamingAioredis: SkippedFile[] = [];
  const modes = new Map<string, "100644" | "100755">();
  for (const s of snapshot.skipped) {
    if (!wanted(s.path)) continue;
    if (s.reason === "too-large") skipped.push({ file: s.path, reason: "too-large", detail: `over the ${formatSize(MAX_FILE_BYTES)} limit` });
    else log.info({ path: s.path, reason: s.reason }, "file in the archive not read");
  }
  for (const f of snapshot.files) {
    if (!wanted(f.path)) continue;
    const decoded = decodeSource(f.bytes);
    if (!decoded.ok) {
      const s: SkippedFile = { file: f.path, reason: decoded.reason, detail: decoded.detail };
      skipped.push(s);
      if (f.bytes.includes(AIOREDIS)) skippedNamingAioredis.push(s);
      continue;
    }
    modes.set(f.path, f.mode ?? "100644");
    (isManifestPath(f.path) ? manifests : python).push({ path: f.path, text: decoded.text, codec: decoded.codec });
  }

  const assembled = assembleMigration({
    toolVersion: p.toolVersion,
    target: config.redisVersion,
    todoComments: config.todoComments,
    python,
    manifests,
    skipped,
  });
  const { report } = assembled;
  const s = summarize(report);
  log.info(
    { headSha, files: snapshot.files.length, changed: s.changed, changes: s.changes, manualSteps: s.manualSteps, skipped: s.skipped, syntaxErrors: s.syntaxErrors },
    "migrated in memory",
  );
  if (s.changed === 0 && s.manualSteps === 0) {
    const namingAioredis = [
      ...skippedNamingAioredis,
      ...report.skipped.filter((k) => k.reason === "syntax-error" && python.some((f) => f.path === k.file && f.text.includes("aioredis"))),
      ...report.skipped.filter((k) => assembled.unencodable.includes(k.file)),
    ];
    if (namingAioredis.length > 0) return { kind: "unmigratable", headSha, defaultBranch: repo.defaultBranch, skipped: namingAioredis };
    return { kind: "no-aioredis", headSha, defaultBranch: repo.defaultBranch };
  }

  const proposal = buildProposal({
    report,
    writes: assembled.writes,
    modes,
    baseSha: headSha,
    baseTreeSha: snapshot.treeSha,
    htmlUrl: repo.htmlUrl,
    branch: config.branch,
  });
  const migrated: Migrated = { report, proposal, headSha, defaultBranch: repo.defaultBranch, config };
  if (p.mode === "dry-run") return { kind: "dry-run", ...migrated };

  const lock = p.publishLock ?? (<T>(fn: () => Promise<T>) => fn());
  const publish = await lock(() =>
    publishMigration(gateway, proposal, {
      branch: config.branch,
      defaultBranch: repo.defaultBranch,
      labels: config.labels,
      reviewers: config.reviewers,
      assignees: config.assignees,
      draft: config.draft,
      botLogin: p.botLogin,
      explicit: p.mode !== "auto",
      recreate: p.mode === "recreate",
    }),
  );
  return { kind: "published", publish, ...migrated };
}
