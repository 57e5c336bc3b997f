import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changesByFile } from "../../../src/report/markdown/changes-by-file.js";
import type { MigrationReport } from "../../../src/report/model.js";
import { EMPTY, MAIN_CLOSE, SAMPLE } from "../sample.js";

const COMPACT_HEAD = "### Automatic changes\n\n<details>\n<summary>2 automatic changes in 1 file</summary>";
const ITEM_1 = "- `app/main.py:1` (`imports`): aioredis is unmaintained.";
const ITEM_2 = "- `app/main.py:3` (`lifecycle`): redis-py closes with one awaited call.";

describe("report/markdown/changes-by-file", () => {
  it("lists each change under its file with location, rule, reason and a diff block", () => {
    assert.equal(
      changesByFile(SAMPLE),
      `### Automatic changes

#### \`app/main.py\`

${ITEM_1}

  \`\`\`diff
  -import aioredis
  +import redis.asyncio as redis
  \`\`\`

${ITEM_2}

  \`\`\`diff
  -r.close()
  -await r.wait_closed()
  +await r.aclose()
  \`\`\``,
    );
  });

  it("is empty without changes", () => {
    assert.equal(changesByFile(EMPTY), "");
  });

  it("compact: one line per change inside <details>", () => {
    assert.equal(changesByFile(SAMPLE, { detail: "compact" }), `${COMPACT_HEAD}\n\n${ITEM_1}\n${ITEM_2}\n\n</details>`);
  });

  it("cut to a length: as many changes as fit, then how many are left and where", () => {
    const one = `${COMPACT_HEAD}\n\n${ITEM_1}\n- … and 1 more change, listed in \`REDIS_MIGRATION.md\`\n\n</details>`;
    assert.equal(changesByFile(SAMPLE, { detail: "compact", maxChars: one.length }), one);
    const none = `${COMPACT_HEAD}\n\n- … and 2 more changes, listed in \`REDIS_MIGRATION.md\`\n\n</details>`;
    assert.equal(changesByFile(SAMPLE, { detail: "compact", maxChars: one.length - 1 }), none);
    assert.equal(changesByFile(SAMPLE, { detail: "compact", maxChars: none.length - 1 }), "");
  });

  it("links locations when given a link builder, shows line ranges, and guards fences", () => {
    const change = { ...MAIN_CLOSE, line: 7, endLine: 9, before: "x = '```'", after: "y = '```'" };
    const report: MigrationReport = { ...SAMPLE, files: [{ ...SAMPLE.files[2]!, changes: [change] }] };
    const link = (file: string, line: number): string => `https://example.test/${file}#L${line}`;
    assert.equal(
      changesByFile(report, { link }),
      `### Automatic changes

#### \`app/main.py\`

- [\`app/main.py:7-9\`](https://example.test/app/main.py#L7) (\`lifecycle\`): redis-py closes with one awaited call.

  \`\`\`\`diff
  -x = '\`\`\`'
  +y = '\`\`\`'
  \`\`\`\``,
    );
    assert.match(changesByFile(report, { link: () => undefined }), /^- `app\/main\.py:7-9` \(/m);
  });
});
