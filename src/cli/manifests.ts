/**
 * Dependency manifests (requirements*.txt, pyproject.toml, …). Their migration is being written in
 * src/migrate/manifests/; until it lands this reports every manifest unchanged ("manifests: none changed").
 */
import type { SourceFile } from "../migrate/index.js";
import type { RedisTarget } from "../migrate/findings.js";
import type { ManifestMigration } from "../report/model.js";

export function migrateManifests(files: readonly SourceFile[], _target: RedisTarget): ManifestMigration[] {
  return files.map((f) => ({ file: f.path, input: f.text, output: f.text, changes: [], manualSteps: [] }));
}

/** A manifest that lists aioredis tells the engine the repository uses it even where no file imports it. */
export function manifestsMentionAioredis(files: readonly SourceFile[]): boolean {
  return files.some((f) => /aioredis/i.test(f.text));
}
