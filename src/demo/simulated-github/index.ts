export { SimulatedGitHub, type AppIdentity, type InjectedFailure, type LoggedRequest, type RequestKind, type SimulatedGitHubOptions } from "./server.js";
export type { Account, InstallationState, Issue, IssueComment, Label, PullState, RepoState, Review, ReviewCommentState, Role, SeedFile, SeedRepository } from "./model.js";
export { hunks, unifiedDiff, patchText, splitLines } from "./diff.js";
export { archive, archiveGz } from "./tarball.js";
