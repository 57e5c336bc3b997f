import type { BranchCommit, FileWrite, GitHubGateway, MigrationPullRequest, ReviewComment } from "./types.js";

/** What the App commits and opens, prepared by the job from the migration report (all pure data). */
export interface MigrationProposal {
  readonly baseSha: string;
  readonly baseTreeSha: string;
  readonly files: readonly FileWrite[];
  readonly title: string;
  readonly body: string;
  readonly commitMessage: string;
  /** `sha256:` of the migrated files: equal to the open PR's state marker → nothing to update. */
  readonly filesHash: string;
  /** Reads the files hash back from a PR body (the report's state marker). */
  readonly parseFilesHash: (body: string) => string | undefined;
  readonly reviewComments: readonly ReviewComment[];
  readonly reviewBody: string;
}

export interface PublishSettings {
  readonly branch: string;
  readonly defaultBranch: string;
  readonly labels: readonly string[];
  readonly reviewers: readonly string[];
  readonly assignees: readonly string[];
  readonly draft: boolean;
  /** The App's own login (`<slug>[bot]`): commits by anyone else on the branch are a human's. */
  readonly botLogin: string;
  /** Someone asked for this run (`/redis-migrate`): a PR closed unmerged does not stop it. */
  readonly explicit: boolean;
  /** `/redis-migrate recreate`: regenerate the branch even over human commits. */
  readonly recreate: boolean;
}

export type PublishOutcome =
  | { readonly kind: "opened"; readonly pr: MigrationPullRequest }
  | { readonly kind: "updated"; readonly pr: MigrationPullRequest }
  | { readonly kind: "up-to-date"; readonly pr: MigrationPullRequest }
  | { readonly kind: "human-commits"; readonly pr: MigrationPullRequest | null; readonly authors: readonly string[] }
  | { readonly kind: "declined"; readonly pr: MigrationPullRequest };

/** A 422 from GitHub: the ref or the pull request already exists (another run got there first). */
function isUnprocessable(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: number }).status === 422;
}

function foreignAuthors(commits: readonly BranchCommit[], botLogin: string): string[] {
  const authors = new Set<string>();
  for (const c of commits) {
    for (const login of [c.authorLogin, c.committerLogin]) {
      // commits through the git data API are authored and committed by the App itself
      if (login !== botLogin && login !== "web-flow") authors.add(login ?? "an unknown author");
    }
  }
  return [...authors];
}

/**
 * Puts a migration on the App's branch and in its pull request, keyed by the branch name (no local database):
 *
 * - no PR yet: one tree + one commit on the default branch head, the branch, the PR, its labels, and one review
 *   with a comment on each line that needs a person (6 writes);
 * - a PR closed without merge is a lasting "no": nothing is opened again unless the run was asked for;
 * - an open PR whose state marker already matches: nothing is written (redelivered webhooks, concurrent triggers);
 * - an open PR whose branch holds only the App's commits: regenerated on the current default branch head and
 *   force-moved (the App rewrites only its own work), body updated;
 * - a human committed to the branch: left alone (the caller comments), unless `recreate`.
 */
export async function publishMigration(gateway: GitHubGateway, proposal: MigrationProposal, settings: PublishSettings): Promise<PublishOutcome> {
  const prs = await gateway.findMigrationPullRequests(settings.branch);
  const open = prs.find((p) => p.state === "open");
  if (!open) {
    // the newest PR decides: closed unmerged is a "no"; a PR merged after an earlier "no" (asked for again) is not
    const newest = prs[0];
    if (newest && newest.state === "closed" && !newest.merged && !settings.explicit) return { kind: "declined", pr: newest };
    return openNew(gateway, proposal, settings);
  }
  if (!settings.recreate && proposal.parseFilesHash(open.body) === proposal.filesHash) return { kind: "up-to-date", pr: open };
  if (!settings.recreate) {
    const humans = foreignAuthors(await gateway.listBranchCommits(settings.branch, open.baseSha), settings.botLogin);
    if (humans.length > 0) return { kind: "human-commits", pr: open, authors: humans };
  }
  const sha = await commit(gateway, proposal);
  await gateway.setBranch({ branch: settings.branch, sha, create: false, force: true });
  await gateway.updatePullRequest({ number: open.number, title: proposal.title, body: proposal.body });
  return { kind: "updated", pr: { ...open, headSha: sha, body: proposal.body } };
}

async function commit(gateway: GitHubGateway, proposal: MigrationProposal): Promise<string> {
  return gateway.createCommit({
    baseSha: proposal.baseSha,
    baseTreeSha: proposal.baseTreeSha,
    files: proposal.files,
    message: proposal.commitMessage,
  });
}

async function openNew(gateway: GitHubGateway, proposal: MigrationProposal, settings: PublishSettings): Promise<PublishOutcome> {
  // A branch without an open PR: left over from a closed PR or an interrupted run. Reuse it only if it is ours.
  const existing = await gateway.getBranchSha(settings.branch);
  if (existing !== null && !settings.recreate) {
    const humans = foreignAuthors(await gateway.listBranchCommits(settings.branch, proposal.baseSha), settings.botLogin);
    if (humans.length > 0) return { kind: "human-commits", pr: null, authors: humans };
  }
  const sha = await commit(gateway, proposal);
  try {
    await gateway.setBranch({ branch: settings.branch, sha, create: existing === null, force: existing !== null });
  } catch (error) {
    if (!isUnprocessable(error)) throw error;
    // another run created the branch a moment ago: it holds the same migration, let that run finish
    const again = (await gateway.findMigrationPullRequests(settings.branch)).find((p) => p.state === "open");
    if (again) return { kind: "up-to-date", pr: again };
    await gateway.setBranch({ branch: settings.branch, sha, create: false, force: true });
  }
  let pr: MigrationPullRequest;
  try {
    pr = await gateway.openPullRequest({
      head: settings.branch,
      base: settings.defaultBranch,
      title: proposal.title,
      body: proposal.body,
      draft: settings.draft,
    });
  } catch (error) {
    if (!isUnprocessable(error)) throw error;
    const again = (await gateway.findMigrationPullRequests(settings.branch)).find((p) => p.state === "open");
    if (!again) throw error;
    return { kind: "up-to-date", pr: again };
  }
  await gateway.addLabels(pr.number, settings.labels);
  await gateway.requestReviewers(pr.number, settings.reviewers);
  await gateway.addAssignees(pr.number, settings.assignees);
  if (proposal.reviewComments.length > 0) {
    await gateway.createReview({ prNumber: pr.number, commitSha: sha, body: proposal.reviewBody, comments: proposal.reviewComments });
  }
  return { kind: "opened", pr: { ...pr, headSha: sha } };
}
