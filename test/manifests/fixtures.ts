import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RedisTarget } from "../../src/migrate/findings.js";

export const MANIFESTS_DIR = join(import.meta.dirname, "..", "..", "src", "migrate", "manifests");

/** The path a fixture is migrated as, unless its options say otherwise. */
export const DEFAULT_PATHS: Readonly<Record<string, string>> = {
  requirements: "requirements.txt",
  pyproject: "pyproject.toml",
  "setup-cfg": "setup.cfg",
  "setup-py": "setup.py",
  pipfile: "Pipfile",
  conda: "environment.yml",
  tox: "tox.ini",
};

export interface ExpectedManifestStep {
  /** Line in the migrated file. */
  readonly line: number;
  /** A substring of `what`. */
  readonly what?: string;
  /** A substring of `suggestion`. */
  readonly suggestion?: string;
  readonly suggestionReplacesLines?: number;
}

export interface ManifestFixture {
  readonly format: string;
  readonly name: string;
  readonly path: string;
  readonly target: RedisTarget;
  /** `ManifestContext.importsAsyncTimeout` (absent: not known). */
  readonly importsAsyncTimeout?: boolean;
  readonly input: string;
  readonly output: string;
  readonly steps: readonly ExpectedManifestStep[];
}

/**
 * Fixtures live beside their format: `src/migrate/manifests/<format>/fixtures/<case>.input.<ext>` →
 * `<case>.output.<ext>`, with optional `<case>.steps.json` (every manual step expected) and `<case>.options.json`
 * (`{ "path": "requirements/dev.in", "target": "4.2", "importsAsyncTimeout": false }`; the path defaults to the
 * format's usual file name).
 */
export function loadManifestFixtures(format: string): ManifestFixture[] {
  const dir = join(MANIFESTS_DIR, format, "fixtures");
  if (!existsSync(dir)) return [];
  const read = (f: string): string => readFileSync(join(dir, f), "utf8");
  return readdirSync(dir)
    .filter((f) => /\.input(\.|$)/.test(f))
    .sort()
    .map((f) => {
      const name = f.slice(0, f.indexOf(".input"));
      const outputFile = f.replace(".input", ".output");
      const opt: { path?: string; target?: RedisTarget; importsAsyncTimeout?: boolean } = existsSync(join(dir, `${name}.options.json`))
        ? JSON.parse(read(`${name}.options.json`))
        : {};
      const path = opt.path ?? DEFAULT_PATHS[format];
      if (path === undefined) throw new Error(`${format}/${name}: options.json must give a path`);
      return {
        format,
        name,
        path,
        target: opt.target ?? "5.0.1",
        ...(opt.importsAsyncTimeout !== undefined ? { importsAsyncTimeout: opt.importsAsyncTimeout } : {}),
        input: read(f),
        output: read(outputFile),
        steps: existsSync(join(dir, `${name}.steps.json`)) ? JSON.parse(read(`${name}.steps.json`)) : [],
      };
    });
}

/** Folders of `src/migrate/manifests/` that hold a format (`<folder>/index.ts`). */
export function formatFolders(): string[] {
  return readdirSync(MANIFESTS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(MANIFESTS_DIR, d.name, "index.ts")))
    .map((d) => d.name)
    .sort();
}
