/**
 * The same input always gives the same migration. The tree-sitter binding keeps the JavaScript objects of a tree's
 * nodes in a weak cache, so two calls can hand out two different objects for one node, depending on when the
 * garbage collector ran: code that compares nodes by identity (`indexOf(node)`, `===`) instead of by `id` works most
 * of the time. This repeats migrations that exercised such a bug (one run in about 25 differed) and requires
 * identical results every time.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { migrateFile } from "../../src/migrate/engine.js";
import { DEFAULT_OPTIONS } from "../../src/migrate/findings.js";

const ROOT = join(import.meta.dirname, "..", "..");
const PROGRAMS = ["42_error_classes_in_app_code.py"];

test("repeated migrations of the same file give identical results", () => {
  for (const name of PROGRAMS) {
    const path = join(ROOT, "test", "differential", "programs", name);
    const text = readFileSync(path, "utf8");
    for (const wholeModule of [true, false]) {
      const opts = { ...DEFAULT_OPTIONS, target: "4.2" as const, repositoryUsesAioredis: true };
      const first = JSON.stringify(migrateFile({ file: name, text, forceParse: true, wholeModule }, opts));
      for (let i = 0; i < 60; i++) {
        const again = JSON.stringify(migrateFile({ file: name, text, forceParse: true, wholeModule }, opts));
        assert.equal(again, first, `${name} (run ${i + 2}, wholeModule ${wholeModule})`);
      }
    }
  }
});
