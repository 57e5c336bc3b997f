/**
 * The shapes the App works with. Only src/github/ talks to GitHub; everything else sees these types.
 * Keep this file free of Octokit imports so handlers, jobs and the simulated GitHub can share it.
 */

/** A repository of an installation. */
export interface RepoRef {
  readonly installationId: number;
  readonly owner: string;
  readonly repo: string;
}

export interface RepositoryInfo {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  readonly archived: boolean;
  readonly disabled: boolean;
  readonly fork: boolean;
  /** GitHub reports size 0 for a repository without commits. */
  readonly empty: boolean;
  readonly htmlUrl: string;
}

/** One file read from the repository at a commit (Python sources and dependency manifests only). */
export interface SnapshotFile {
  readonly path: string;
  readonly bytes: Buffer;
  /** Git file mode (from the archive entry's execute bits); absent: `100644`. Written back unchanged. */
  readonly mode?: "100644" | "100755";
}

export interface SnapshotSkip {
  readonly path: string;
  readonly reason: "too-large" | "invalid-path" | "not-a-regular-file";
}

export interface Snapshot {
  readonly commitSha: string;
  /** The commit's root tree (the recursive-tree response's `sha`): the `base_tree` of the migration commit. */
  readonly treeSha: string;
  readonly files: readonly SnapshotFile[];
  readonly skipped: readonly SnapshotSkip[];
  /** The recursive tree was truncated by GitHub (over 100,000 entries / 7 MB): the tarball was read regardless. */
  readonly treeTruncated: boolean;
}

/** The App's pull request for a repository, found on GitHub (no local database). */
export interface MigrationPullRequest {
  readonly number: number;
  readonly state: "open" | "closed";
  readonly merged: boolean;
  readonly headRef: string;
  readonly headSha: string;
  readonly baseSha: string;
  readonly body: string;
  readonly htmlUrl: string;
}

/** A commit on the App's branch, to tell the App's own commits from a human's. */
export interface BranchCommit {
  readonly sha: string;
  readonly authorLogin: string | null;
  readonly committerLogin: string | null;
  readonly message: string;
}

/** A file to write in the migration commit (UTF-8 or the file's own encoding, as bytes). */
export interface FileWrite {
  readonly path: string;
  readonly bytes: Buffer;
  /** Git file mode of the existing file (`100755` stays executable); default `100644`. */
  readonly mode?: "100644" | "100755";
}

export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface ReviewComment {
  readonly path: string;
  /** Last line of the commented range in the PR head (a single line when `startLine` is absent). */
  readonly line: number;
  /** First line of a multi-line range (a suggestion that replaces several lines). */
  readonly startLine?: number;
  readonly body: string;
}

/**
 * The only surface through which the App reads and writes GitHub. One instance per installation + repository.
 *
 * REST routes it uses (the simulated GitHub of the demo and tests implements exactly these):
 *   GET    /repos/{o}/{r}                                   getRepository
 *   GET    /repos/{o}/{r}/git/ref/heads/{branch}            getBranchSha (404 → null)
 *   GET    /repos/{o}/{r}/git/trees/{commitSha}?recursive=1 readSnapshot, read 1 (nothing to do → stop here)
 *   GET    /repos/{o}/{r}/tarball/{commitSha}               readSnapshot, read 2 (302 to a codeload URL, followed)
 *   GET    /repos/{o}/{r}/pulls?head={o}:{branch}&state=all findMigrationPullRequests
 *   GET    /repos/{o}/{r}/compare/{baseSha}...{branch}      listBranchCommits
 *   GET    /repos/{o}/{r}/git/commits/{sha}                 createCommit, only without baseTreeSha
 *   POST   /repos/{o}/{r}/git/blobs                         createCommit, only for files that are not UTF-8
 *   POST   /repos/{o}/{r}/git/trees                         createCommit (base_tree + inline contents)
 *   POST   /repos/{o}/{r}/git/commits                       createCommit
 *   POST   /repos/{o}/{r}/git/refs                          setBranch (create)
 *   PATCH  /repos/{o}/{r}/git/refs/heads/{branch}           setBranch (move)
 *   DELETE /repos/{o}/{r}/git/refs/heads/{branch}           deleteBranch
 *   POST   /repos/{o}/{r}/pulls                             openPullRequest
 *   PATCH  /repos/{o}/{r}/pulls/{n}                         updatePullRequest
 *   POST   /repos/{o}/{r}/issues/{n}/labels                 addLabels
 *   POST   /repos/{o}/{r}/pulls/{n}/requested_reviewers     requestReviewers
 *   POST   /repos/{o}/{r}/issues/{n}/assignees              addAssignees
 *   POST   /repos/{o}/{r}/pulls/{n}/reviews                 createReview (all manual-step comments in one request)
 *   POST   /repos/{o}/{r}/issues/{n}/comments               createComment
 *   POST   /repos/{o}/{r}/issues/comments/{id}/reactions    reactToComment
 *   GET    /repos/{o}/{r}/collaborators/{user}/permission   getPermission
 * Probot itself also calls POST /app/installations/{id}/access_tokens and, for `context.config`,
 * GET /repos/{o}/{r}/contents/.github/redis-migrate.yml (then the org's `.github` repository).
 * The App (src/jobs/runner.ts) also calls, outside this gateway:
 *   GET    /app                                             the App's slug (`<slug>[bot]` tells its commits), once
 *   GET    /installation/repositories                       only when installation.created lists no repositories
 */
export interface GitHubGateway {
  readonly repoRef: RepoRef;
  getRepository(): Promise<RepositoryInfo>;
  /** Head commit SHA of a branch, or null when the branch does not exist. */
  getBranchSha(branch: string): Promise<string | null>;
  /** Reads Python files and manifests at `commitSha` (recursive tree, then one tarball). */
  readSnapshot(commitSha: string, limits: { maxFileBytes: number }): Promise<Snapshot | null>;
  /** Pull requests (any state) whose head is the App's branch, newest first. */
  findMigrationPullRequests(branch: string): Promise<MigrationPullRequest[]>;
  listBranchCommits(branch: string, baseSha: string): Promise<BranchCommit[]>;
  /**
   * One tree (inline contents on top of the base tree) + one commit; returns the new commit SHA. Pass
   * `baseTreeSha` (known from the snapshot) to save the request that looks it up.
   */
  createCommit(params: { baseSha: string; baseTreeSha?: string; files: readonly FileWrite[]; message: string }): Promise<string>;
  /** Creates the branch, or moves it (force only when `force`). */
  setBranch(params: { branch: string; sha: string; create: boolean; force: boolean }): Promise<void>;
  deleteBranch(branch: string): Promise<void>;
  openPullRequest(params: { head: string; base: string; title: string; body: string; draft: boolean }): Promise<MigrationPullRequest>;
  updatePullRequest(params: { number: number; title: string; body: string }): Promise<void>;
  addLabels(issueNumber: number, labels: readonly string[]): Promise<void>;
  requestReviewers(prNumber: number, reviewers: readonly string[]): Promise<void>;
  addAssignees(issueNumber: number, assignees: readonly string[]): Promise<void>;
  createReview(params: { prNumber: number; commitSha: string; body: string; comments: readonly ReviewComment[] }): Promise<void>;
  createComment(issueNumber: number, body: string): Promise<void>;
  reactToComment(commentId: number, reaction: "eyes" | "+1" | "confused"): Promise<void>;
  getPermission(username: string): Promise<Permission>;
}
