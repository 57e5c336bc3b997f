import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MANIFEST_FORMATS, MANIFEST_RULE_ID, migrateManifest } from "../../src/migrate/manifests/index.js";
import { formatFolders, loadManifestFixtures } from "./fixtures.js";

const MIN_FIXTURES_PER_FORMAT = 4;

/** Lines 1-based [from, to] of a text, joined with "\n" (what Change.before/after hold). */
function lines(text: string, from: number, to: number): string {
  return text.replace(/\r\n/g, "\n").split("\n").slice(from - 1, to).join("\n");
}

function lineCount(text: string): number {
  const n = text.split("\n").length;
  return text.endsWith("\n") ? n - 1 : n;
}

describe("manifest format registry", () => {
  it("registers every format folder once, under its folder name", () => {
    assert.deepEqual(MANIFEST_FORMATS.map((f) => f.kind).sort(), formatFolders());
    assert.equal(new Set(MANIFEST_FORMATS.map((f) => f.kind)).size, MANIFEST_FORMATS.length);
  });
  for (const format of MANIFEST_FORMATS) {
    it(`${format.kind}: has a description and at least ${MIN_FIXTURES_PER_FORMAT} fixtures`, () => {
      assert.ok(format.description.length > 5, "description");
      const n = loadManifestFixtures(format.kind).length;
      assert.ok(n >= MIN_FIXTURES_PER_FORMAT, `${format.kind} has ${n} fixtures`);
    });
  }
});

for (const folder of formatFolders()) {
  describe(`manifests ${folder}`, () => {
    for (const fx of loadManifestFixtures(folder)) {
      it(`${fx.name} (${fx.path}, target ${fx.target})`, () => {
        const context = fx.importsAsyncTimeout === undefined ? {} : { importsAsyncTimeout: fx.importsAsyncTimeout };
        const r = migrateManifest(fx.path, fx.input, fx.target, context);
        assert.equal(r.kind, folder, "recognised as its format");
        assert.equal(r.file, fx.path);
        assert.equal(r.input, fx.input);
        assert.equal(r.output, fx.output, "migrated text");

        const got = r.manualSteps.map((s) => ({
          line: s.line,
          what: s.what,
          suggestion: s.suggestion,
          suggestionReplacesLines: s.suggestionReplacesLines,
        }));
        assert.equal(got.length, fx.steps.length, `manual steps: ${JSON.stringify(got, null, 2)}`);
        for (const exp of fx.steps) {
          const match = got.find(
            (g) =>
              g.line === exp.line &&
              (exp.what === undefined || g.what.includes(exp.what)) &&
              (exp.suggestion === undefined || g.suggestion.includes(exp.suggestion)) &&
              (exp.suggestionReplacesLines === undefined || g.suggestionReplacesLines === exp.suggestionReplacesLines),
          );
          assert.ok(match, `expected step ${JSON.stringify(exp)} in ${JSON.stringify(got, null, 2)}`);
        }
        for (const s of r.manualSteps) {
          assert.equal(s.ruleId, MANIFEST_RULE_ID);
          assert.equal(s.file, fx.path);
          assert.ok(s.what.length > 20, "a step says what to do");
          assert.ok(s.line >= 1 && s.line <= lineCount(r.output), "step line is in the migrated file");
          assert.ok(s.originalLine >= 1 && s.originalLine <= lineCount(fx.input), "step line is in the original file");
          if (s.suggestionReplacesLines > 0) {
            assert.equal(s.suggestion.split("\n").length, s.suggestionReplacesLines, "suggestion replaces whole lines");
            // the lines it replaces are the migrated ones: a suggestion must not bring an aioredis entry back
            const replaced = s.suggestion.replace(/#.*$/gm, "");
            assert.ok(!/\baioredis\b(?![-_.])/i.test(replaced), `suggestion keeps the migration: ${s.suggestion}`);
          }
        }

        assert.equal(r.changes.length > 0, fx.input !== fx.output, "a changed file reports changes, an unchanged one none");
        for (const c of r.changes) {
          assert.equal(c.ruleId, MANIFEST_RULE_ID);
          assert.equal(c.file, fx.path);
          assert.match(c.why, /^[A-Za-z`].*\.$/s, "why is a sentence");
          assert.ok(!/\.\s+[A-Z]/.test(c.why.slice(0, -1).replace(/`[^`]*`/g, "")), `why is one sentence: ${c.why}`);
          assert.equal(c.before, lines(fx.input, c.originalLine, c.originalEndLine), "before = original lines");
          if (c.after !== "") assert.equal(c.after, lines(r.output, c.line, c.endLine), "after = migrated lines");
          assert.ok(!/\baioredis\b(?![-_.])/i.test(c.after.replace(/#.*$/gm, "")), `no aioredis left in ${c.after}`);
        }

        const again = migrateManifest(fx.path, r.output, fx.target, context);
        assert.equal(again.output, r.output, "idempotent: a second run changes nothing");
        assert.equal(again.changes.length, 0, "idempotent: no changes on a second run");
      });
    }
  });
}
