/** Dependency manifests (requirements*.txt, pyproject.toml, …), migrated by src/migrate/manifests. */
import type { RedisTarget } from "../migrate/findings.js";
import type { SourceFile } from "../migrate/index.js";
import { manifestUsesAioredis, migrateManifest } from "../migrate/manifests/index.js";
import type { ManifestMigration } from "../report/model.js";

export function migrateManifests(files: readonly SourceFile[], target: RedisTarget): ManifestMigration[] {
  return files.map((f) => {
    const { file, input, output, changes, manualSteps } = migrateManifest(f.path, f.text, target);
    return { file, input, output, changes, manualSteps };
  });
}

/** A manifest that declares aioredis tells the engine the repository uses it even where no file imports it. */
export function manifestsMentionAioredis(files: readonly SourceFile[]): boolean {
  return files.some((f) => manifestUsesAioredis(f.path, f.text));
}
