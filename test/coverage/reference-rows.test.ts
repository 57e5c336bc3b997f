/**
 * Every row of the migration reference, run through the engine: the handling recorded in test/coverage/rows/*.ts
 * (and printed in docs/coverage.md) must be what the engine does today. When a rule starts handling a row that is
 * recorded as a gap, or stops handling one, this test fails until the row (and the document) is updated.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { check, fixtureProblems, observe, shapeProblems } from "./evaluate.js";
import { renderCoverage } from "./report.js";
import { ALL_ROWS, SECTIONS } from "./rows.js";

const ROOT = join(import.meta.dirname, "..", "..");
const REFERENCE = join(ROOT, "..", "shared", "reference", "aioredis-migration.md");

describe("reference rows: each snippet is handled as recorded", () => {
  for (const row of ALL_ROWS) {
    if (!row.snippet) continue;
    it(`${row.id} ${row.row.slice(0, 80)}`, () => {
      const problems = check(row, observe(row.snippet!));
      assert.deepEqual(problems, [], `${row.id}: ${problems.join("; ")}`);
    });
  }
});

describe("reference rows: the records are consistent", () => {
  for (const row of ALL_ROWS) {
    it(`${row.id} handling matches its expectations and fixture`, () => {
      assert.deepEqual(shapeProblems(row), []);
      if (row.fixture) assert.deepEqual(fixtureProblems(row), []);
    });
  }
});

describe("reference rows: the table covers the reference", () => {
  // CI always has shared/ beside the clone: there a missing reference is a failure, never a skip.
  const skip = !existsSync(REFERENCE) && !process.env.CI && "reference not checked out beside the repository";
  it("has the reference's rows, section by section, with the same Kind", { skip }, () => {
    const expected = referenceKinds(readFileSync(REFERENCE, "utf8"));
    const ours = new Map(SECTIONS.map((s) => [s.section, s.rows.map((r) => r.ref)]));
    assert.deepEqual([...ours.keys()].sort(), [...expected.keys()].sort(), "sections");
    for (const [section, kinds] of expected) assert.deepEqual(ours.get(section), kinds, `§${section}: Kind of each row, in order`);
  });

  it("docs/coverage.md is the output of scripts/coverage-report.ts", () => {
    const committed = readFileSync(join(ROOT, "docs", "coverage.md"), "utf8");
    assert.equal(committed, renderCoverage(), "regenerate: node --import tsx scripts/coverage-report.ts > docs/coverage.md");
  });
});

/**
 * The Kind column of every table in sections 2–12 of the reference, per section (`2.x`: the second table of §2).
 * Kinds are normalised to Auto / Auto+flag / Manual / —.
 */
function referenceKinds(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = text.split("\n");
  let section = "";
  let table = 0;
  let kindCol = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^##+ (\d+(?:\.\d+)?)\.? /.exec(line);
    if (heading) {
      section = heading[1]!;
      table = 0;
      kindCol = -1;
      continue;
    }
    if (!line.startsWith("|")) {
      kindCol = -1;
      continue;
    }
    const cells = splitRow(line);
    if (kindCol < 0 && lines[i + 1]?.startsWith("|---")) {
      kindCol = cells.indexOf("Kind");
      if (kindCol >= 0) table++;
      i++;
      continue;
    }
    const major = Number(section.split(".")[0]);
    if (kindCol < 0 || major < 2 || major > 12) continue;
    const key = table > 1 ? `${section}.x` : section;
    const kind = cells[kindCol]!.replace(/\*/g, "");
    const norm = kind.startsWith("Auto+flag") ? "Auto+flag" : kind.startsWith("Manual") ? "Manual" : kind.startsWith("Auto") ? "Auto" : "—";
    out.set(key, [...(out.get(key) ?? []), norm]);
  }
  return out;
}

/** Table cells, ignoring `|` inside backticks and escaped `\|`. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let code = false;
  for (let i = 1; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "`") code = !code;
    if (ch === "|" && !code && line[i - 1] !== "\\") {
      cells.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  return cells;
}
