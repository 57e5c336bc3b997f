import type { Context } from "probot";
import type { MigrationRunner } from "../jobs/runner.js";
import { parseState } from "../report/markdown/index.js";

/** `pull_request.closed` without merge, on the App's PR: a lasting "no" until someone comments `/redis-migrate`. */
export function onPullRequestClosed(runner: Pick<MigrationRunner, "declined">) {
  return async (context: Context<"pull_request.closed">): Promise<void> => {
    const { pull_request: pr, repository, installation } = context.payload;
    const where = { repo: repository.full_name, pr: pr.number };
    if (pr.merged) {
      context.log.debug(where, "closed PR ignored: it was merged");
      return;
    }
    if (pr.user.type !== "Bot") {
      context.log.debug(where, "closed PR ignored: opened by a person");
      return;
    }
    if (pr.head.repo?.full_name !== repository.full_name) {
      context.log.debug(where, "closed PR ignored: its branch is in another repository");
      return;
    }
    if (parseState(pr.body ?? "") === undefined) {
      context.log.debug(where, "closed PR ignored: no redis-migrate state in its body");
      return;
    }
    if (!installation) {
      context.log.debug(where, "closed PR ignored: the event carries no installation");
      return;
    }
    await runner.declined({
      installationId: installation.id,
      deliveryId: context.id,
      owner: repository.owner.login,
      repo: repository.name,
      prNumber: pr.number,
      prAuthor: pr.user.login,
      headRef: pr.head.ref,
    });
  };
}
