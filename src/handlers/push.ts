import type { Context } from "probot";
import { isSnapshotPath } from "../github/snapshot.js";
import type { MigrationRunner } from "../jobs/runner.js";
import { repositoryFromPayload, splitFullName } from "./repository-info.js";

/** `push` to the default branch touching Python files or manifests: refresh the App's open PR on the new head. */
export function onPush(runner: Pick<MigrationRunner, "refresh">) {
  return async (context: Context<"push">): Promise<void> => {
    const { ref, repository, installation, commits, deleted, after } = context.payload;
    const where = { repo: repository.full_name, ref, after };
    if (deleted) {
      context.log.debug(where, "push ignored: the branch was deleted");
      return;
    }
    if (ref !== `refs/heads/${repository.default_branch}`) {
      context.log.debug(where, "push ignored: not the default branch");
      return;
    }
    if (repository.archived) {
      context.log.debug(where, "push ignored: the repository is archived");
      return;
    }
    const touched = commits.some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].some(isSnapshotPath));
    if (!touched) {
      context.log.debug(where, "push ignored: no Python file or manifest changed");
      return;
    }
    if (!installation) {
      context.log.debug(where, "push ignored: the event carries no installation");
      return;
    }
    const { owner } = splitFullName(repository.full_name);
    await runner.refresh({
      installationId: installation.id,
      deliveryId: context.id,
      owner,
      repo: repository.name,
      repository: repositoryFromPayload({ ...repository, owner: { login: owner } }),
      headSha: after,
    });
  };
}
