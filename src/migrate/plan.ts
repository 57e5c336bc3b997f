import type { ModuleFacts } from "./facts.js";

/** Exceptions that `redis.asyncio` re-exports at its top level (redis-py 4.2+). */
const ASYNCIO_EXCEPTIONS = new Set([
  "AuthenticationError", "AuthenticationWrongNumberOfArgsError", "BusyLoadingError", "ChildDeadlockedError",
  "ConnectionError", "DataError", "InvalidResponse", "PubSubError", "ReadOnlyError", "RedisError",
  "ResponseError", "TimeoutError", "WatchError",
]);

const ALIAS_CANDIDATES = ["redis", "redis_asyncio", "aredis_client", "redis_asyncio_"];

/** A `from MODULE import NAME as LOCAL` the migrated module needs. */
export interface FromImport {
  readonly module: string;
  readonly name: string;
  readonly local: string;
}

/**
 * Decides, once per file from its original text, how migrated code refers to redis-py names, and collects the
 * imports that the rewrites need. It persists across the rewrite rounds of one file so every rule spells a name the
 * same way, and the imports rule writes exactly what was asked for.
 *
 * Style: a module that did `import aioredis [as X]` gets `import redis.asyncio as X` (X = `redis` unless that name
 * is taken); a module that only used `from aioredis import …` gets `from redis.asyncio import …`.
 */
export class NamePlan {
  readonly moduleAlias: string;
  private readonly preferModuleStyle: boolean;
  private readonly taken: Set<string>;
  private aliasUsed = false;
  private readonly produced = new Set<string>();
  private readonly froms = new Map<string, FromImport>();
  private readonly plainImports = new Set<string>();

  constructor(facts: ModuleFacts) {
    this.taken = new Set(facts.usedNames);
    // Names bound by `from aioredis import X` are replaced by the migration: X may be reused for the redis-py class.
    for (const b of facts.bindings.values()) if (b.kind === "from") this.taken.delete(b.local);
    const moduleBinding = [...facts.bindings.values()].find((b) => b.kind === "module" && b.target === "aioredis");
    this.preferModuleStyle = moduleBinding !== undefined || facts.existingAsyncioAlias !== undefined;
    if (facts.existingAsyncioAlias) this.moduleAlias = facts.existingAsyncioAlias;
    else if (moduleBinding && moduleBinding.local !== "aioredis" && !moduleBinding.local.includes("aioredis"))
      this.moduleAlias = moduleBinding.local;
    else this.moduleAlias = ALIAS_CANDIDATES.find((c) => !this.taken.has(c)) ?? this.freshName("redis_asyncio");
    if (this.moduleAlias === moduleBinding?.local) this.taken.delete(this.moduleAlias);
  }

  private freshName(base: string): string {
    for (let i = 2; ; i++) if (!this.taken.has(`${base}${i}`)) return `${base}${i}`;
  }

  /** Text that refers to `redis.asyncio.<name>` (a class or function), e.g. `redis.Redis` or `Redis`. */
  asyncio(name: string): string {
    return this.refer("redis.asyncio", name);
  }

  /** Text that refers to `redis.exceptions.<name>`. */
  exception(name: string): string {
    if (this.preferModuleStyle && ASYNCIO_EXCEPTIONS.has(name)) return this.viaAlias(name);
    return this.fromImport("redis.exceptions", name, `Redis${name}`);
  }

  /** Text that refers to `<module>.<name>` through a `from` import (e.g. `redis.asyncio.sentinel`, `Sentinel`). */
  fromModule(module: string, name: string): string {
    return this.fromImport(module, name, `${module.split(".").pop()}_${name}`);
  }

  /** Ensures `import <module>` (e.g. `json`) and returns the name to use. */
  plainModule(module: string, alreadyBound: boolean): string {
    if (!alreadyBound) this.plainImports.add(module);
    return module;
  }

  private refer(module: string, name: string): string {
    if (this.preferModuleStyle && module === "redis.asyncio") return this.viaAlias(name);
    return this.fromImport(module, name, null);
  }

  private viaAlias(name: string): string {
    this.aliasUsed = true;
    const text = `${this.moduleAlias}.${name}`;
    this.produced.add(text);
    return text;
  }

  /**
   * Whether `text` (an attribute chain such as `aior.Redis.from_url`) starts with a reference this plan produced.
   * Needed when the user's alias is kept (`import aioredis as aior` → `import redis.asyncio as aior`): the
   * migrated `aior.ResponseError` and an unmigrated `aior.util.decode` share the same first name.
   */
  producedPrefixOf(text: string): boolean {
    for (const p of this.produced) if (text === p || text.startsWith(p + ".")) return true;
    return false;
  }

  private fromImport(module: string, name: string, fallbackLocal: string | null): string {
    const key = `${module}:${name}`;
    const existing = this.froms.get(key);
    if (existing) return existing.local;
    let local = name;
    if (this.taken.has(local)) {
      if (fallbackLocal && !this.taken.has(fallbackLocal)) local = fallbackLocal;
      else if (module === "redis.asyncio") return this.viaAlias(name);
      else local = this.freshName(fallbackLocal ?? name);
    }
    this.taken.add(local);
    this.froms.set(key, { module, name, local });
    return local;
  }

  get fromImports(): FromImport[] {
    return [...this.froms.values()];
  }

  /** The import lines the rewritten module needs, in a stable order. */
  importLines(): string[] {
    const lines: string[] = [];
    for (const m of [...this.plainImports].sort()) lines.push(`import ${m}`);
    if (this.aliasUsed) lines.push(`import redis.asyncio as ${this.moduleAlias}`);
    const byModule = new Map<string, FromImport[]>();
    for (const f of this.froms.values()) byModule.set(f.module, [...(byModule.get(f.module) ?? []), f]);
    for (const module of [...byModule.keys()].sort()) {
      const names = byModule.get(module)!.map((f) => (f.local === f.name ? f.name : `${f.name} as ${f.local}`));
      lines.push(`from ${module} import ${names.sort().join(", ")}`);
    }
    return lines;
  }
}
