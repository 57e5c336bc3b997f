import type { RedisTarget } from "../../migrate/findings.js";

/** How to run the migration again: comment commands for the App, and the CLI. */
export function commands(target: RedisTarget): string {
  const cli = `npx redis-migrate --redis-version ${target}`;
  return [
    "<details>",
    "<summary>Commands</summary>",
    "",
    "Comment on this pull request:",
    "",
    "- `/redis-migrate` runs the migration again and updates this pull request.",
    "- `/redis-migrate dry-run` replies with what a new run would change, without touching the branch.",
    "- `/redis-migrate recreate` discards every commit on this branch and migrates from scratch.",
    "",
    "Or run it in a checkout:",
    "",
    "```sh",
    `${cli} .          # preview: diff and summary`,
    `${cli} --write .  # apply`,
    "```",
    "",
    "</details>",
  ].join("\n");
}
