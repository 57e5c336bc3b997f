import { plural, summarize, type MigrationReport } from "../model.js";

const AIOREDIS_URL = "https://pypi.org/project/aioredis/";
const REDIS_ASYNCIO_URL = "https://redis.readthedocs.io/en/stable/examples/asyncio_examples.html";

/** The title and the one-paragraph outcome a reviewer reads first. */
export function header(report: MigrationReport): string {
  const s = summarize(report);
  const intro =
    `[aioredis](${AIOREDIS_URL}) is no longer maintained; its API lives on in redis-py as ` +
    `[\`redis.asyncio\`](${REDIS_ASYNCIO_URL}). This change ports the code to it, for redis-py ≥ ${report.target}.`;
  const steps = s.manualSteps > 0 ? `**${plural(s.manualSteps, "manual step")}** need${s.manualSteps === 1 ? "s" : ""} a person: see the checklist below.` : "No manual steps remain.";
  let outcome: string;
  if (s.changed > 0) {
    const what = [plural(s.changes, "automatic change")];
    if (s.dependencyChanges > 0) what.push(plural(s.dependencyChanges, "dependency change"));
    outcome = `**${plural(s.changed, "file")} changed**: ${what.join(", ")}. ${steps}`;
  } else if (s.manualSteps > 0) {
    outcome = `No automatic changes. ${steps}`;
  } else {
    outcome = "Nothing to migrate: no code needs a change.";
  }
  return `## Migrate from aioredis to redis.asyncio\n\n${intro}\n\n${outcome}`;
}
