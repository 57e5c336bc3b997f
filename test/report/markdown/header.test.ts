import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { header } from "../../../src/report/markdown/header.js";
import { EMPTY, SAMPLE } from "../sample.js";

const INTRO =
  "## Migrate from aioredis to redis.asyncio\n\n" +
  "[aioredis](https://pypi.org/project/aioredis/) is no longer maintained; its API lives on in redis-py as " +
  "[`redis.asyncio`](https://redis.readthedocs.io/en/stable/examples/asyncio_examples.html). " +
  "This change ports the code to it, for redis-py ≥ ";

describe("report/markdown/header", () => {
  it("states files changed, changes, dependency changes and manual steps", () => {
    assert.equal(
      header(SAMPLE),
      INTRO + "5.0.1.\n\n**3 files changed**: 2 automatic changes, 1 dependency change. **1 manual step** needs a person: see the checklist below.",
    );
  });

  it("says when only manual steps are left", () => {
    const onlySteps = { ...SAMPLE, files: SAMPLE.files.filter((f) => f.file === "app/pubsub.py").map((f) => ({ ...f, output: f.input })), manifests: [] };
    assert.equal(header(onlySteps), INTRO + "5.0.1.\n\nNo automatic changes. **1 manual step** needs a person: see the checklist below.");
  });

  it("says when there is nothing to migrate, with the 4.2 target", () => {
    assert.equal(header(EMPTY), INTRO + "4.2.\n\nNothing to migrate: no code needs a change.");
  });
});
