import type { Context } from "probot";
import type { MigrationRunner } from "../jobs/runner.js";
import { splitFullName } from "./repository-info.js";

/** `installation.created`: scan every repository the installation can see. */
export function onInstallationCreated(runner: Pick<MigrationRunner, "scan">) {
  return async (context: Context<"installation.created">): Promise<void> => {
    const { installation, repositories } = context.payload;
    if (installation.suspended_at) {
      context.log.debug({ installation: installation.id }, "installation.created ignored: the installation is suspended");
      return;
    }
    if (repositories !== undefined && repositories.length === 0) {
      context.log.debug({ installation: installation.id }, "installation.created ignored: no repositories selected");
      return;
    }
    await runner.scan({
      installationId: installation.id,
      deliveryId: context.id,
      repositories: repositories?.map((r) => splitFullName(r.full_name)) ?? null,
    });
  };
}
