import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commands } from "../../../src/report/markdown/commands.js";

describe("report/markdown/commands", () => {
  it("lists the comment commands and the CLI for the target, folded", () => {
    assert.equal(
      commands("4.2"),
      `<details>
<summary>Commands</summary>

Comment on this pull request:

- \`/redis-migrate\` runs the migration again and updates this pull request.
- \`/redis-migrate dry-run\` replies with what a new run would change, without touching the branch.
- \`/redis-migrate recreate\` discards every commit on this branch and migrates from scratch.

Or run it in a checkout:

\`\`\`sh
npx redis-migrate --redis-version 4.2 .          # preview: diff and summary
npx redis-migrate --redis-version 4.2 --write .  # apply
\`\`\`

</details>`,
    );
  });
});
