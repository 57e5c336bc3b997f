import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_OPTIONS, type MigrationOptions } from "../../src/migrate/findings.js";

export const RULES_DIR = join(import.meta.dirname, "..", "..", "src", "migrate", "rules");

export interface ExpectedStep {
  readonly ruleId: string;
  /** Line in the migrated file. */
  readonly line: number;
  /** A substring of `what`. */
  readonly what?: string;
  /** A substring of `suggestion`. */
  readonly suggestion?: string;
}

export interface Fixture {
  readonly rule: string;
  readonly name: string;
  readonly input: string;
  readonly output: string;
  readonly steps: readonly ExpectedStep[];
  readonly options: MigrationOptions;
}

/**
 * Fixtures live beside their rule: `src/migrate/rules/<rule>/fixtures/<case>.input.py` → `<case>.output.py`,
 * with optional `<case>.steps.json` (the manual steps expected, all of them) and `<case>.options.json`.
 * Files are read as binary-safe latin1 so CRLF and BOM survive.
 */
export function loadFixtures(rule: string): Fixture[] {
  const dir = join(RULES_DIR, rule, "fixtures");
  if (!existsSync(dir)) return [];
  const read = (f: string): string => readFileSync(join(dir, f), "utf8");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".input.py"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".input.py".length);
      const opt = existsSync(join(dir, `${name}.options.json`)) ? JSON.parse(read(`${name}.options.json`)) : {};
      return {
        rule,
        name,
        input: read(f),
        output: read(`${name}.output.py`),
        steps: existsSync(join(dir, `${name}.steps.json`)) ? JSON.parse(read(`${name}.steps.json`)) : [],
        options: { ...DEFAULT_OPTIONS, ...opt },
      };
    });
}

export function ruleFolders(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
