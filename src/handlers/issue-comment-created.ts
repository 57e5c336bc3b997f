import type { Context } from "probot";
import { isCommand } from "../jobs/command.js";
import type { MigrationRunner } from "../jobs/runner.js";
import { repositoryFromPayload } from "./repository-info.js";

/** `issue_comment.created` starting with `/redis-migrate` (on an issue or a pull request), by a person. */
export function onIssueCommentCreated(runner: Pick<MigrationRunner, "command">) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { comment, issue, repository, installation } = context.payload;
    const where = { repo: repository.full_name, issue: issue.number, comment: comment.id };
    if (!isCommand(comment.body)) {
      context.log.debug(where, "comment ignored: not a /redis-migrate command");
      return;
    }
    const author = comment.user;
    if (!author) {
      context.log.debug(where, "command ignored: its author is a deleted account");
      return;
    }
    if (context.isBot || author.type === "Bot") {
      // bots (this App included) get nothing: no reaction, no reply, no request
      context.log.debug({ ...where, author: author.login }, "command ignored: written by a bot");
      return;
    }
    if (!installation) {
      context.log.debug(where, "command ignored: the event carries no installation");
      return;
    }
    await runner.command({
      installationId: installation.id,
      deliveryId: context.id,
      owner: repository.owner.login,
      repo: repository.name,
      repository: repositoryFromPayload(repository),
      issueNumber: issue.number,
      commentId: comment.id,
      author: author.login,
      body: comment.body,
    });
  };
}
