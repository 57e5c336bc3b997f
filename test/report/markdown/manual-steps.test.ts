import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { manualSteps } from "../../../src/report/markdown/manual-steps.js";
import type { MigrationReport } from "../../../src/report/model.js";
import { EMPTY, SAMPLE } from "../sample.js";

const ITEM = "- [ ] `app/pubsub.py:2` (`pubsub`): Use a PubSub object. Channels are gone.";

describe("report/markdown/manual-steps", () => {
  it("is a checklist at migrated lines, with the suggested code", () => {
    assert.equal(
      manualSteps(SAMPLE),
      `### Manual steps

${ITEM}

  \`\`\`python
  ps = r.pubsub()
  await ps.subscribe('c')
  \`\`\``,
    );
  });

  it("has no code block for a step without suggestion, and includes manifest steps", () => {
    const step = { ruleId: "manifests", file: "setup.py", originalLine: 4, line: 4, what: "Pin redis.", suggestion: "  ", suggestionReplacesLines: 0 };
    const report: MigrationReport = { ...SAMPLE, manifests: [{ file: "setup.py", input: "", output: "", changes: [], manualSteps: [step] }] };
    assert.ok(manualSteps(report).endsWith("```\n\n- [ ] `setup.py:4` (`manifests`): Pin redis."));
  });

  it("compact: the checklist without code; cut: with a count of the rest", () => {
    assert.equal(manualSteps(SAMPLE, { detail: "compact" }), `### Manual steps\n\n${ITEM}`);
    const cut = "### Manual steps\n\n- … and 1 more step, listed in `REDIS_MIGRATION.md`";
    assert.equal(manualSteps(SAMPLE, { detail: "compact", maxChars: cut.length }), cut);
  });

  it("links the location", () => {
    const text = manualSteps(SAMPLE, { link: (f, l) => `https://example.test/${f}#L${l}`, detail: "compact" });
    assert.equal(text, "### Manual steps\n\n- [ ] [`app/pubsub.py:2`](https://example.test/app/pubsub.py#L2) (`pubsub`): Use a PubSub object. Channels are gone.");
  });

  it("is empty without steps", () => {
    assert.equal(manualSteps(EMPTY), "");
  });
});
