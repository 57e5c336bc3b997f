import type { RepositoryInfo } from "../github/types.js";

/** The fields of a webhook payload's `repository` the App reads. */
export interface PayloadRepository {
  readonly name: string;
  readonly owner: { readonly login: string };
  readonly default_branch: string;
  readonly archived?: boolean;
  readonly disabled?: boolean;
  readonly fork: boolean;
  readonly html_url: string;
}

/**
 * RepositoryInfo from a webhook's `repository` (saves `GET /repos/{o}/{r}`). Emptiness is not taken from the
 * payload's `size`, which lags behind a first push: an empty repository has no default-branch head, and the run
 * stops there.
 */
export function repositoryFromPayload(r: PayloadRepository): RepositoryInfo {
  return {
    owner: r.owner.login,
    repo: r.name,
    defaultBranch: r.default_branch,
    archived: r.archived ?? false,
    disabled: r.disabled ?? false,
    fork: r.fork,
    empty: false,
    htmlUrl: r.html_url,
  };
}

/** `owner/name` → its parts. */
export function splitFullName(fullName: string): { owner: string; repo: string } {
  const slash = fullName.indexOf("/");
  return { owner: fullName.slice(0, slash), repo: fullName.slice(slash + 1) };
}
