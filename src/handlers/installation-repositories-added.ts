import type { Context } from "probot";
import type { MigrationRunner } from "../jobs/runner.js";
import { splitFullName } from "./repository-info.js";

/** `installation_repositories.added`: scan the repositories just added to the installation. */
export function onInstallationRepositoriesAdded(runner: Pick<MigrationRunner, "scan">) {
  return async (context: Context<"installation_repositories.added">): Promise<void> => {
    const { installation, repositories_added: added } = context.payload;
    if (added.length === 0) {
      context.log.debug({ installation: installation.id }, "installation_repositories.added ignored: no repository added");
      return;
    }
    await runner.scan({
      installationId: installation.id,
      deliveryId: context.id,
      repositories: added.map((r) => splitFullName(r.full_name)),
    });
  };
}
