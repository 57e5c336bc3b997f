/** The state the simulated GitHub keeps per repository, and what tests seed it with. */
import type { ObjectStore } from "./git.js";

export type Role = "admin" | "maintain" | "write" | "triage" | "read";

export interface Account {
  readonly login: string;
  readonly id: number;
  readonly type: "User" | "Organization" | "Bot";
  /** Emails that resolve commit authors to this account. */
  readonly emails: readonly string[];
}

/** A file of a seeded repository: text or bytes, optionally executable or a symlink. */
export type SeedFile = string | Buffer | { readonly content: string | Buffer; readonly mode?: "100644" | "100755" | "120000" };

export interface SeedRepository {
  readonly owner: string;
  readonly name: string;
  /** path → contents. Absent or empty with `empty: true`: a repository without commits (size 0, no branch). */
  readonly files?: Readonly<Record<string, SeedFile>>;
  readonly empty?: boolean;
  readonly defaultBranch?: string;
  readonly private?: boolean;
  readonly archived?: boolean;
  readonly disabled?: boolean;
  readonly fork?: boolean;
  readonly description?: string;
  /** login → role on this repository (the owner of a user-owned repository is admin). */
  readonly collaborators?: Readonly<Record<string, Role>>;
  /** Author of the initial commit (default: the owner, or `octocat` for an organisation). */
  readonly author?: string;
  /** The recursive tree lists at most this many entries, then says `truncated: true` (GitHub: 100,000 / 7 MB). */
  readonly treeEntryLimit?: number;
}

export interface Label {
  readonly id: number;
  readonly name: string;
  readonly color: string;
  readonly description: string | null;
}

export interface Reaction {
  readonly id: number;
  readonly user: string;
  readonly content: string;
  readonly createdAt: string;
}

export interface IssueComment {
  readonly id: number;
  readonly issueNumber: number;
  readonly user: string;
  body: string;
  readonly createdAt: string;
  updatedAt: string;
  readonly reactions: Reaction[];
}

export interface ReviewCommentState {
  readonly id: number;
  readonly reviewId: number;
  readonly path: string;
  readonly line: number;
  readonly side: "LEFT" | "RIGHT";
  readonly startLine: number | null;
  readonly startSide: "LEFT" | "RIGHT" | null;
  readonly body: string;
  readonly commitId: string;
  readonly user: string;
  readonly createdAt: string;
}

export interface Review {
  readonly id: number;
  readonly user: string;
  readonly body: string;
  readonly state: "COMMENTED" | "APPROVED" | "CHANGES_REQUESTED" | "PENDING";
  readonly commitId: string;
  readonly submittedAt: string;
  readonly comments: ReviewCommentState[];
}

export interface PullState {
  readonly headRef: string;
  /** The head commit: follows the branch while it exists, keeps the last one after it is deleted. */
  headSha: string;
  readonly baseRef: string;
  baseSha: string;
  readonly draft: boolean;
  mergedAt: string | null;
  readonly requestedReviewers: string[];
  readonly requestedTeams: string[];
  readonly reviews: Review[];
}

export interface Issue {
  readonly number: number;
  title: string;
  body: string;
  readonly user: string;
  state: "open" | "closed";
  readonly labels: string[];
  readonly assignees: string[];
  readonly createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Present for pull requests (they are issues too, sharing the numbers). */
  readonly pull?: PullState;
}

export interface RepoState {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  readonly defaultBranch: string;
  readonly private: boolean;
  archived: boolean;
  readonly disabled: boolean;
  readonly fork: boolean;
  readonly description: string | null;
  readonly createdAt: string;
  pushedAt: string | null;
  readonly store: ObjectStore;
  /** Branch name → commit SHA. */
  readonly branches: Map<string, string>;
  readonly issues: Map<number, Issue>;
  readonly comments: Map<number, IssueComment>;
  readonly labels: Map<string, Label>;
  readonly collaborators: Map<string, Role>;
  readonly treeEntryLimit: number;
  nextNumber: number;
}

export interface InstallationState {
  readonly id: number;
  readonly account: string;
  /** "all": every repository of the account, now and later. */
  readonly repositories: "all" | string[];
}
