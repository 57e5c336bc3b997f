import type { FileMigration, MigrationOptions } from "./findings.js";
import type { ReceiverKind } from "./facts.js";
import { migrateFile } from "./engine.js";
import { mentionsAioredis } from "./prefilter.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface ProjectMigration {
  readonly files: readonly FileMigration[];
  /** Python files that do not parse; left unchanged. */
  readonly syntaxErrors: readonly { file: string; detail: string }[];
  /** Whether any file names aioredis (decides whether other files are scanned for aioredis-only names). */
  readonly usesAioredis: boolean;
}

/** Receivers worth sharing across modules: attributes and subscripts (`self.redis`, `app["redis"]`), not locals. */
function shareable(key: string): boolean {
  return key.includes(".") || key.includes("[");
}

/**
 * Migrates the Python files of a repository. Files that import aioredis go first; the receivers they define
 * (`app["redis"] = await aioredis.create_redis_pool(...)`, `self.redis = …`) are then known in the other files,
 * which are parsed only if they contain a name that exists only in aioredis 1.x.
 */
export function migrateProject(
  sources: readonly SourceFile[],
  options: Omit<MigrationOptions, "repositoryUsesAioredis">,
  extraUsesAioredis = false,
): ProjectMigration {
  const usesAioredis = extraUsesAioredis || sources.some((s) => mentionsAioredis(s.text));
  const opts: MigrationOptions = { ...options, repositoryUsesAioredis: usesAioredis };
  const importing = sources.filter((s) => mentionsAioredis(s.text));
  const others = sources.filter((s) => !mentionsAioredis(s.text));
  const results = new Map<string, FileMigration>();
  const syntaxErrors: { file: string; detail: string }[] = [];
  const shared = new Map<string, ReceiverKind>();
  for (const s of importing) {
    const r = migrateFile({ file: s.path, text: s.text }, opts);
    if (r.syntaxError) syntaxErrors.push({ file: s.path, detail: r.syntaxError });
    for (const [k, v] of r.receivers) if (shareable(k)) shared.set(k, v);
    results.set(s.path, r);
  }
  for (const s of others) {
    const r = migrateFile({ file: s.path, text: s.text, externalReceivers: shared }, opts);
    if (r.syntaxError) syntaxErrors.push({ file: s.path, detail: r.syntaxError });
    results.set(s.path, r);
  }
  return {
    files: sources.map((s) => results.get(s.path)!),
    syntaxErrors,
    usesAioredis,
  };
}
