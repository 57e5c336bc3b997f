import type { ReceiverKind } from "./facts.js";

/**
 * Following aioredis clients across modules, without parsing the modules twice: a module that creates a client
 * exports the names it keeps it in (module-level names, and attribute/subscript holders such as `app["redis"]`,
 * `self.redis`); the other modules get those as known receivers and are parsed even when they never name aioredis.
 */
export interface ClientExports {
  /** Dotted module name → module-level names holding a client. */
  readonly modules: ReadonlyMap<string, ReadonlyMap<string, ReceiverKind>>;
  /** Last segments of attribute/subscript holders: `.redis`, `["redis"]`. */
  readonly suffixes: ReadonlyMap<string, ReceiverKind>;
}

/** `pkg/db.py` → `pkg.db`; `pkg/__init__.py` → `pkg`; `src/` prefixes stay (they are import roots in some layouts). */
export function moduleNameOf(path: string): string {
  const noExt = path.replace(/\\/g, "/").replace(/\.py$/, "");
  return noExt.replace(/\/__init__$/, "").split("/").filter(Boolean).join(".");
}

/** The last segment of a holder key: `request.app["redis"]` → `["redis"]`, `self.redis` → `.redis`. */
export function holderSuffix(key: string): string | null {
  const sub = /(\[[^[\]]+\])$/.exec(key);
  if (sub) return sub[1]!;
  const attr = /(\.[A-Za-z_]\w*)$/.exec(key);
  return attr ? attr[1]! : null;
}

/** Names assigned at module level (`redis = …`, `redis: Redis = …`, or `global redis` in a function). */
export function moduleLevelNames(text: string, names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (!/^[A-Za-z_]\w*$/.test(name)) continue;
    const assigned = new RegExp(`^${name}\\s*(:[^=\\n]*)?=`, "m").test(text);
    const declaredGlobal = new RegExp(`^[ \\t]+global\\s+(?:\\w+\\s*,\\s*)*${name}\\b`, "m").test(text);
    if (assigned || declaredGlobal) out.push(name);
  }
  return out;
}

/**
 * Receivers a module imports from client-defining modules, from its import lines:
 * `from app.db import redis as r` → `r`; `from app import db` / `import app.db as db` → `db.redis`.
 */
export function importedReceivers(path: string, text: string, exports: ClientExports): Map<string, ReceiverKind> {
  const found = new Map<string, ReceiverKind>();
  // nothing to find (the usual case: no module keeps a client in a module-level name): skip reading the imports
  if (exports.modules.size === 0) return found;
  const here = moduleNameOf(path).split(".");
  const resolve = (module: string): string => {
    const dots = /^\.+/.exec(module)?.[0].length ?? 0;
    if (dots === 0) return module;
    const base = here.slice(0, Math.max(0, here.length - dots));
    const rest = module.slice(dots);
    return [...base, ...(rest ? [rest] : [])].join(".");
  };
  const lookup = (module: string): ReadonlyMap<string, ReceiverKind> | undefined => {
    for (const [name, names] of exports.modules) if (name === module || name.endsWith("." + module)) return names;
    return undefined;
  };
  for (const m of text.matchAll(/^[ \t]*from\s+([.\w]+)\s+import\s+\(?([^)\n]+)\)?/gm)) {
    const module = resolve(m[1]!);
    for (const item of m[2]!.split(",")) {
      const [name, alias] = item.trim().split(/\s+as\s+/);
      if (!name) continue;
      const local = (alias ?? name).trim();
      const names = lookup(module);
      if (names?.has(name)) found.set(local, names.get(name)!);
      const sub = lookup(`${module}.${name}`);
      if (sub) for (const [n, k] of sub) found.set(`${local}.${n}`, k);
    }
  }
  for (const m of text.matchAll(/^[ \t]*import\s+([\w.]+)(?:\s+as\s+(\w+))?/gm)) {
    const names = lookup(m[1]!);
    if (!names) continue;
    const local = m[2] ?? m[1]!;
    for (const [n, k] of names) found.set(`${local}.${n}`, k);
  }
  return found;
}

/** Whether a module that never names aioredis may still use a shared client holder (`app["redis"]`, `.redis`). */
export function mentionsHolder(text: string, suffixes: ReadonlyMap<string, ReceiverKind>): boolean {
  for (const suffix of suffixes.keys()) {
    if (text.includes(suffix)) return true;
    if (suffix.startsWith('["') && text.includes(suffix.replace(/"/g, "'"))) return true;
  }
  return false;
}
