import type { FileMigration, MigrationOptions } from "./findings.js";
import type { ReceiverKind } from "./facts.js";
import { migrateFile, type FileMigrationWithFacts } from "./engine.js";
import { holderSuffix, importedReceivers, mentionsHolder, moduleLevelNames, moduleNameOf, type ClientExports } from "./cross-module.js";
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

/**
 * Migrates the Python files of a repository. Files that name aioredis go first; the clients they keep in
 * module-level names (`redis = await aioredis.create_redis_pool(...)`) and in holders (`app["redis"] = …`,
 * `self.redis = …`) are then known in the other modules (cross-module.ts), which are parsed when they import such
 * a name, mention such a holder, or contain a name that exists only in aioredis 1.x.
 */
export function migrateProject(
  sources: readonly SourceFile[],
  options: Omit<MigrationOptions, "repositoryUsesAioredis">,
  extraUsesAioredis = false,
): ProjectMigration {
  // one scan per file decides both whether the repository uses aioredis and which files go first
  const importing: SourceFile[] = [];
  const others: SourceFile[] = [];
  for (const s of sources) (mentionsAioredis(s.text) ? importing : others).push(s);
  const usesAioredis = extraUsesAioredis || importing.length > 0;
  const opts: MigrationOptions = { ...options, repositoryUsesAioredis: usesAioredis };
  const results = new Map<string, FileMigration>();
  const syntaxErrors: { file: string; detail: string }[] = [];
  const modules = new Map<string, Map<string, ReceiverKind>>();
  const suffixes = new Map<string, ReceiverKind>();
  const record = (r: FileMigrationWithFacts, path: string): void => {
    if (r.syntaxError) syntaxErrors.push({ file: path, detail: r.syntaxError });
    results.set(path, r);
  };
  for (const s of importing) {
    const r = migrateFile({ file: s.path, text: s.text }, opts);
    record(r, s.path);
    const plain = new Map<string, ReceiverKind>();
    for (const [key, kind] of r.receivers) {
      if (kind !== "client") continue;
      if (key.includes(".") || key.includes("[")) {
        const suffix = holderSuffix(key);
        if (suffix) suffixes.set(suffix, kind);
      } else plain.set(key, kind);
    }
    const exported = moduleLevelNames(s.text, plain.keys());
    if (exported.length > 0) modules.set(moduleNameOf(s.path), new Map(exported.map((n) => [n, plain.get(n)!])));
  }
  const exports: ClientExports = { modules, suffixes };
  for (const s of others) {
    const imported = usesAioredis ? importedReceivers(s.path, s.text, exports) : new Map<string, ReceiverKind>();
    const external = new Map<string, ReceiverKind>([...suffixes, ...imported]);
    const forceParse = usesAioredis && (imported.size > 0 || mentionsHolder(s.text, suffixes));
    record(migrateFile({ file: s.path, text: s.text, externalReceivers: external, forceParse }, opts), s.path);
  }
  return {
    files: sources.map((s) => results.get(s.path)!),
    syntaxErrors,
    usesAioredis,
  };
}
