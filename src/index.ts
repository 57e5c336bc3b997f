/**
 * The GitHub App (Probot 14): `probot run ./dist/src/index.js` with Probot's usual environment (APP_ID,
 * PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, LOG_LEVEL, GHE_HOST/GHE_PROTOCOL). Handlers only
 * check that an event concerns the App and hand it to the runner, which queues the work (src/jobs/).
 */
import type { ApplicationFunction, Probot } from "probot";
import { onInstallationCreated } from "./handlers/installation-created.js";
import { onInstallationRepositoriesAdded } from "./handlers/installation-repositories-added.js";
import { onIssueCommentCreated } from "./handlers/issue-comment-created.js";
import { onPullRequestClosed } from "./handlers/pull-request-closed.js";
import { onPush } from "./handlers/push.js";
import { readToolVersion } from "./io/package-version.js";
import { systemClock, type Clock } from "./jobs/clock.js";
import { ContentPacer } from "./jobs/pacer.js";
import { JobQueue } from "./jobs/queue.js";
import { MigrationRunner } from "./jobs/runner.js";

export interface AppDependencies {
  /** The work queue (tests keep it to wait for `idle()`); default: 4 repositories at a time. */
  readonly queue?: JobQueue;
  /** Time for the write pacer (tests: a clock that advances instantly). */
  readonly clock?: Clock;
  readonly pacer?: ContentPacer;
  /** The App's slug; default: read once with `GET /app`. */
  readonly appSlug?: string;
  readonly toolVersion?: string;
  /** Receives the runner the App built (tests, the demo). */
  readonly onReady?: (runner: MigrationRunner) => void;
}

/** The App with its dependencies; the default export uses the defaults. */
export function createApp(deps: AppDependencies = {}): ApplicationFunction {
  return (app: Probot) => {
    const queue = deps.queue ?? new JobQueue(4, (error) => app.log.error({ error: String(error) }, "job failed"));
    const pacer = deps.pacer ?? new ContentPacer(deps.clock ?? systemClock);
    let version: Promise<string> | undefined;
    const runner = new MigrationRunner({
      log: app.log,
      auth: (installationId) => app.auth(installationId),
      appSlug: async () => deps.appSlug ?? (((await (await app.auth()).request("GET /app")).data as { slug: string }).slug),
      toolVersion: () => (deps.toolVersion !== undefined ? Promise.resolve(deps.toolVersion) : (version ??= readToolVersion())),
      queue,
      pacer,
    });
    app.on("installation.created", onInstallationCreated(runner));
    app.on("installation_repositories.added", onInstallationRepositoriesAdded(runner));
    app.on("issue_comment.created", onIssueCommentCreated(runner));
    app.on("push", onPush(runner));
    app.on("pull_request.closed", onPullRequestClosed(runner));
    deps.onReady?.(runner);
  };
}

export default createApp();
