/**
 * What the App says in comments (pure): replies to `/redis-migrate`, the notice on a branch a person committed to,
 * and the note on a pull request closed without merge. Every text fits GitHub's 65,536-character comment limit.
 */
import type { PublishOutcome } from "../github/publish.js";
import type { Permission } from "../github/types.js";
import type { SkippedFile } from "../migrate/findings.js";
import { unifiedDiff } from "../report/diff.js";
import { codeSpan, fence } from "../report/markdown/format.js";
import { summaryTable } from "../report/markdown/summary-table.js";
import { changedTexts, plural, summarize, type MigrationReport } from "../report/model.js";
import { COMMAND } from "./command.js";
import type { SkipReason } from "./migrate-repository.js";

/** GitHub rejects comments over 65,536 characters; the diff gets what is left under this. */
export const COMMENT_BUDGET = 60_000;

const FORMS = [
  `- ${codeSpan(COMMAND)}: migrate the default branch and open (or update) the pull request`,
  `- ${codeSpan(`${COMMAND} dry-run`)}: reply with the summary and the diff, without touching any branch`,
  `- ${codeSpan(`${COMMAND} recreate`)}: regenerate the pull request's branch from scratch, discarding commits on it`,
].join("\n");

const short = (sha: string): string => codeSpan(sha.slice(0, 7));

export function usageReply(given: string): string {
  return `I don't know ${codeSpan(`${COMMAND} ${given}`)}, so I did nothing. The commands are:\n\n${FORMS}`;
}

export function refusalReply(login: string, permission: Permission): string {
  return (
    `Sorry @${login}, only people with write, maintain or admin permission on this repository can run ${codeSpan(COMMAND)} ` +
    `(yours is ${codeSpan(permission)}). A maintainer can run it for you.`
  );
}

export function invalidConfigReply(file: string, errors: readonly string[]): string {
  return [
    `I did not run: the configuration ${codeSpan(file)} is invalid.`,
    "",
    ...errors.map((e) => `- ${e}`),
    "",
    `Fix it on the default branch, then comment ${codeSpan(COMMAND)} again.`,
  ].join("\n");
}

export function skippedReply(reason: SkipReason): string {
  switch (reason) {
    case "disabled-by-config":
      return `I did not run: ${codeSpan("enabled: false")} in ${codeSpan(".github/redis-migrate.yml")}.`;
    case "archived":
      return "I did not run: this repository is archived.";
    case "disabled":
      return "I did not run: this repository is disabled.";
    case "empty":
      return "I did not run: this repository has no commits yet.";
    case "fork":
      return `I did not run: this repository is a fork (set ${codeSpan("includeForks: true")} to include forks).`;
  }
}

export function noAioredisReply(defaultBranch: string, headSha: string): string {
  return `No aioredis usage found on ${codeSpan(defaultBranch)} at ${short(headSha)}: nothing to migrate.`;
}

export function unmigratableReply(defaultBranch: string, headSha: string, skipped: readonly SkippedFile[]): string {
  return [
    `aioredis is named on ${codeSpan(defaultBranch)} at ${short(headSha)}, but only in files I could not migrate:`,
    "",
    ...skipped.slice(0, 50).map((s) => `- ${codeSpan(s.file)}: ${s.reason} (${s.detail})`),
    ...(skipped.length > 50 ? [`- … and ${skipped.length - 50} more`] : []),
  ].join("\n");
}

export function errorReply(message: string): string {
  return `The migration failed: ${message.replace(/\s+/g, " ").slice(0, 500)}\n\nComment ${codeSpan(COMMAND)} to try again.`;
}

export function publishReply(outcome: PublishOutcome, report: MigrationReport): string {
  const s = summarize(report);
  const what = `${plural(s.changed, "file")} changed, ${plural(s.manualSteps, "manual step")} left`;
  switch (outcome.kind) {
    case "opened":
      return `Opened #${outcome.pr.number} (${what}): ${outcome.pr.htmlUrl}`;
    case "updated":
      return `Updated #${outcome.pr.number} (${what}): ${outcome.pr.htmlUrl}`;
    case "up-to-date":
      return `#${outcome.pr.number} is already up to date (${what}): ${outcome.pr.htmlUrl}`;
    case "declined":
      return `#${outcome.pr.number} was closed without merging, so I opened nothing.`;
    case "human-commits":
      return humanCommitsNotice(outcome.authors, report, outcome.pr?.number ?? null);
  }
}

/** A branch a person committed to is never overwritten: say so, and show what a fresh run would change. */
export function humanCommitsNotice(authors: readonly string[], report: MigrationReport, prNumber: number | null): string {
  const who = authors.map((a) => (a.includes(" ") ? a : `@${a}`)).join(", ");
  const head = [
    `The migration branch${prNumber !== null ? ` of #${prNumber}` : ""} has commits by ${who}, so I did not overwrite it.`,
    `Comment ${codeSpan(`${COMMAND} recreate`)} to regenerate it from scratch (this discards those commits). A fresh run would give:`,
  ].join(" ");
  return withDiff(head, report);
}

export function dryRunReply(report: MigrationReport, defaultBranch: string, headSha: string): string {
  const s = summarize(report);
  const head = [
    `Dry run on ${codeSpan(defaultBranch)} at ${short(headSha)}: ${plural(s.changed, "file")} would change ` +
      `(${plural(s.changes, "automatic change")}, ${plural(s.dependencyChanges, "dependency change")}); ` +
      `${plural(s.manualSteps, "manual step")} would be left. No branch was touched.`,
  ].join("\n");
  return withDiff(head, report);
}

/** The summary table and the unified diff, collapsed, cut by whole files to the comment budget. */
function withDiff(head: string, report: MigrationReport): string {
  const table = summaryTable(report);
  const changed = changedTexts(report);
  const diffs = changed.map((f) => unifiedDiff(f.input, f.output, { path: f.file }));
  const assemble = (shown: number): string => {
    const body = diffs.slice(0, shown).join("");
    const more = changed.length - shown;
    const note = more > 0 ? `\n\n${plural(more, "more file")} not shown here (run ${codeSpan("npx redis-migrate .")} in a checkout for the whole diff).` : "";
    const details = changed.length === 0 ? "" : `\n\n<details>\n<summary>Diff (${plural(changed.length, "file")})</summary>\n\n${fence("diff", body.replace(/\n$/, ""))}${note}\n\n</details>`;
    return `${head}\n\n${table}${details}\n`;
  };
  let shown = changed.length;
  let text = assemble(shown);
  while (text.length > COMMENT_BUDGET && shown > 0) text = assemble(--shown);
  return text;
}

export function declinedNotice(): string {
  return [
    "Closed without merging: I will not open this migration again for this repository.",
    `If you change your mind, comment ${codeSpan(COMMAND)} on any issue or pull request here (or ${codeSpan(`${COMMAND} dry-run`)} to preview it first).`,
    "I deleted the branch; the pull request keeps its commits.",
  ].join(" ");
}
