import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { migrateFile } from "../../src/migrate/engine.js";
import { countSyntaxErrors, parsePython } from "../../src/migrate/parser.js";
import { RULES } from "../../src/migrate/rules/index.js";
import { loadFixtures, ruleFolders } from "../helpers/fixtures.js";

const MIN_FIXTURES_PER_RULE = 5;

describe("rule registry", () => {
  it("registers every rule folder once, under its folder name", () => {
    assert.deepEqual(RULES.map((r) => r.id).sort(), ruleFolders());
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  });
  for (const rule of RULES) {
    it(`${rule.id}: has a description and at least ${MIN_FIXTURES_PER_RULE} fixtures`, () => {
      assert.ok(rule.description.length > 10, "description");
      const n = loadFixtures(rule.id).length;
      assert.ok(n >= MIN_FIXTURES_PER_RULE, `${rule.id} has ${n} fixtures`);
    });
  }
});

for (const folder of ruleFolders()) {
  describe(`rule ${folder}`, () => {
    for (const fx of loadFixtures(folder)) {
      it(fx.name, () => {
        const result = migrateFile({ file: `${fx.name}.py`, text: fx.input }, fx.options);
        assert.equal(result.output, fx.output, "migrated text");
        assert.equal(countSyntaxErrors(parsePython(result.output)), 0, "output parses");
        const got = result.manualSteps.map((s) => ({ ruleId: s.ruleId, line: s.line, what: s.what, suggestion: s.suggestion }));
        assert.equal(got.length, fx.steps.length, `manual steps: ${JSON.stringify(got, null, 2)}`);
        for (const exp of fx.steps) {
          const match = got.find(
            (g) =>
              g.ruleId === exp.ruleId &&
              g.line === exp.line &&
              (exp.what === undefined || g.what.includes(exp.what)) &&
              (exp.suggestion === undefined || g.suggestion.includes(exp.suggestion)),
          );
          assert.ok(match, `expected step ${JSON.stringify(exp)} in ${JSON.stringify(got, null, 2)}`);
        }
        for (const c of result.changes) assert.ok(c.why.length > 0 && c.line >= 1, "change has why and line");
        const again = migrateFile({ file: `${fx.name}.py`, text: result.output }, fx.options);
        assert.equal(again.output, result.output, "idempotent: a second run changes nothing");
      });
    }
  });
}
