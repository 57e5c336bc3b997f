import { snapshotFromTarball, wantedFromTree, type TreeEntry } from "./snapshot.js";
import type {
  BranchCommit,
  FileWrite,
  GitHubGateway,
  MigrationPullRequest,
  Permission,
  RepoRef,
  RepositoryInfo,
  ReviewComment,
  Snapshot,
} from "./types.js";

/** The one Octokit method the gateway needs; Probot's `context.octokit` and `@octokit/rest` both provide it. */
export interface OctokitRequester {
  request(route: string, parameters?: Record<string, unknown>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }>;
}

interface PullPayload {
  number: number;
  state: string;
  merged_at: string | null;
  head: { ref: string; sha: string };
  base: { sha: string };
  body: string | null;
  html_url: string;
}

function toPullRequest(p: PullPayload): MigrationPullRequest {
  return {
    number: p.number,
    state: p.state === "open" ? "open" : "closed",
    merged: p.merged_at !== null,
    headRef: p.head.ref,
    headSha: p.head.sha,
    baseSha: p.base.sha,
    body: p.body ?? "",
    htmlUrl: p.html_url,
  };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: number }).status === 404;
}

/** GitHubGateway over Octokit's REST API (routes listed in types.ts). */
export class OctokitGateway implements GitHubGateway {
  constructor(
    private readonly octokit: OctokitRequester,
    readonly repoRef: RepoRef,
  ) {}

  private get base(): { owner: string; repo: string } {
    return { owner: this.repoRef.owner, repo: this.repoRef.repo };
  }

  async getRepository(): Promise<RepositoryInfo> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}", this.base);
    const r = data as { default_branch: string; archived: boolean; disabled?: boolean; fork: boolean; size: number; html_url: string };
    return {
      ...this.base,
      defaultBranch: r.default_branch,
      archived: r.archived,
      disabled: r.disabled ?? false,
      fork: r.fork,
      empty: r.size === 0,
      htmlUrl: r.html_url,
    };
  }

  async getBranchSha(branch: string): Promise<string | null> {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { ...this.base, ref: `heads/${branch}` });
      return (data as { object: { sha: string } }).object.sha;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async readSnapshot(commitSha: string, limits: { maxFileBytes: number }): Promise<Snapshot | null> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      ...this.base,
      tree_sha: commitSha,
      recursive: "1",
    });
    const tree = data as { sha: string; tree: TreeEntry[]; truncated: boolean };
    const wanted = wantedFromTree(tree.tree, tree.truncated);
    if (wanted === null) return null;
    const tarball = await this.octokit.request("GET /repos/{owner}/{repo}/tarball/{ref}", {
      ...this.base,
      ref: commitSha,
      request: { parseSuccessResponseBody: false },
    });
    return snapshotFromTarball({
      body: tarball.data as ReadableStream<Uint8Array>,
      commitSha,
      treeSha: tree.sha,
      wanted,
      maxFileBytes: limits.maxFileBytes,
      treeTruncated: tree.truncated,
    });
  }

  async findMigrationPullRequests(branch: string): Promise<MigrationPullRequest[]> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/pulls", {
      ...this.base,
      head: `${this.repoRef.owner}:${branch}`,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 20,
    });
    return (data as PullPayload[]).map(toPullRequest);
  }

  async listBranchCommits(branch: string, baseSha: string): Promise<BranchCommit[]> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      ...this.base,
      basehead: `${baseSha}...${branch}`,
    });
    const commits = (data as { commits: { sha: string; author: { login: string } | null; committer: { login: string } | null; commit: { message: string } }[] }).commits;
    return commits.map((c) => ({
      sha: c.sha,
      authorLogin: c.author?.login ?? null,
      committerLogin: c.committer?.login ?? null,
      message: c.commit.message,
    }));
  }

  async createCommit(params: { baseSha: string; baseTreeSha?: string; files: readonly FileWrite[]; message: string }): Promise<string> {
    const baseTree = params.baseTreeSha ?? (await this.commitTree(params.baseSha));
    const entries = [];
    for (const f of params.files) {
      if (isUtf8(f.bytes)) {
        entries.push({ path: f.path, mode: f.mode ?? "100644", type: "blob", content: f.bytes.toString("utf8") });
      } else {
        // inline `content` is UTF-8 only: a latin-1 (PEP 263) file needs a base64 blob to keep its bytes
        const { data: blob } = await this.octokit.request("POST /repos/{owner}/{repo}/git/blobs", {
          ...this.base,
          content: f.bytes.toString("base64"),
          encoding: "base64",
        });
        entries.push({ path: f.path, mode: f.mode ?? "100644", type: "blob", sha: (blob as { sha: string }).sha });
      }
    }
    const { data: tree } = await this.octokit.request("POST /repos/{owner}/{repo}/git/trees", {
      ...this.base,
      base_tree: baseTree,
      tree: entries,
    });
    const { data: commit } = await this.octokit.request("POST /repos/{owner}/{repo}/git/commits", {
      ...this.base,
      message: params.message,
      tree: (tree as { sha: string }).sha,
      parents: [params.baseSha],
    });
    return (commit as { sha: string }).sha;
  }

  private async commitTree(commitSha: string): Promise<string> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { ...this.base, commit_sha: commitSha });
    return (data as { tree: { sha: string } }).tree.sha;
  }

  async setBranch(params: { branch: string; sha: string; create: boolean; force: boolean }): Promise<void> {
    if (params.create) {
      await this.octokit.request("POST /repos/{owner}/{repo}/git/refs", { ...this.base, ref: `refs/heads/${params.branch}`, sha: params.sha });
    } else {
      await this.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        ...this.base,
        ref: `heads/${params.branch}`,
        sha: params.sha,
        force: params.force,
      });
    }
  }

  async deleteBranch(branch: string): Promise<void> {
    try {
      await this.octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...this.base, ref: `heads/${branch}` });
    } catch (error) {
      if (!isNotFound(error) && (error as { status?: number }).status !== 422) throw error;
    }
  }

  async openPullRequest(params: { head: string; base: string; title: string; body: string; draft: boolean }): Promise<MigrationPullRequest> {
    const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/pulls", { ...this.base, ...params });
    return toPullRequest(data as PullPayload);
  }

  async updatePullRequest(params: { number: number; title: string; body: string }): Promise<void> {
    await this.octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...this.base,
      pull_number: params.number,
      title: params.title,
      body: params.body,
    });
  }

  async addLabels(issueNumber: number, labels: readonly string[]): Promise<void> {
    if (labels.length === 0) return;
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...this.base, issue_number: issueNumber, labels });
  }

  async requestReviewers(prNumber: number, reviewers: readonly string[]): Promise<void> {
    if (reviewers.length === 0) return;
    const teams = reviewers.filter((r) => r.includes("/")).map((r) => r.split("/")[1]!);
    const users = reviewers.filter((r) => !r.includes("/"));
    await this.octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
      ...this.base,
      pull_number: prNumber,
      reviewers: users,
      team_reviewers: teams,
    });
  }

  async addAssignees(issueNumber: number, assignees: readonly string[]): Promise<void> {
    if (assignees.length === 0) return;
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/assignees", { ...this.base, issue_number: issueNumber, assignees });
  }

  async createReview(params: { prNumber: number; commitSha: string; body: string; comments: readonly ReviewComment[] }): Promise<void> {
    await this.octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      ...this.base,
      pull_number: params.prNumber,
      commit_id: params.commitSha,
      event: "COMMENT",
      body: params.body,
      comments: params.comments.map((c) =>
        c.startLine !== undefined && c.startLine < c.line
          ? { path: c.path, start_line: c.startLine, start_side: "RIGHT", line: c.line, side: "RIGHT", body: c.body }
          : { path: c.path, line: c.line, side: "RIGHT", body: c.body },
      ),
    });
  }

  async createComment(issueNumber: number, body: string): Promise<void> {
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...this.base, issue_number: issueNumber, body });
  }

  async reactToComment(commentId: number, reaction: "eyes" | "+1" | "confused"): Promise<void> {
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
      ...this.base,
      comment_id: commentId,
      content: reaction,
    });
  }

  async getPermission(username: string): Promise<Permission> {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { ...this.base, username });
      const d = data as { permission: string; role_name?: string };
      const role = d.role_name === "maintain" || d.role_name === "triage" ? d.role_name : d.permission;
      return (["admin", "maintain", "write", "triage", "read", "none"].includes(role) ? role : "none") as Permission;
    } catch (error) {
      if (isNotFound(error)) return "none";
      throw error;
    }
  }
}
