import type { ParsedRange } from "../parser.js";
import { CLIENT_LIKE_WORD } from "../names.js";
import { AIOREDIS_OR_1X_NAME_ANYWHERE } from "../prefilter.js";
import type { SourceText } from "../source.js";
import { escapeRegExp } from "../text.js";
import { splitTopLevel, type TopLevelChunk } from "./scan.js";

export type { TopLevelChunk } from "./scan.js";

/**
 * Which top-level statements of a module the rules need to see. Most of a module that uses aioredis is ordinary
 * code; the engine has tree-sitter parse only the ranges of the needed statements (its "included ranges": the
 * nodes keep the module's offsets and lines, the rest is not even read). See docs/architecture.md, "Regions".
 *
 * A statement is needed when it could hold something a rule acts on or reads:
 * - a statement the scan finds malformed (unbalanced brackets, an unterminated string): the parse reports it;
 * - an import (the facts and the imports rule read them all; cheap to parse), and the first statement (a module
 *   docstring: new imports go below it);
 * - the text `aioredis`, or a name that exists only in aioredis 1.x (`hmset_dict`, `SET_IF_EXIST`, `expire=`, …);
 * - a call or attribute on an expression named like a Redis client (`redis.x`, `self.cache.x`, `app["redis"].x`),
 *   which is what `ModuleFacts.isRedisReceiver` accepts without data flow;
 * - a name bound by an aioredis import or a client known from another module (`redis_client`, `["redis"]`);
 * and then, one step out: statements that use a name a needed statement defines (callers of a function that makes a
 * client, users of a module-level client), and statements that define a name a needed one uses (module constants
 * such as `REDIS_URL`, helper functions).
 */
export interface ModuleRegions {
  readonly chunks: readonly TopLevelChunk[];
  /** Per chunk: whether the rules see it. */
  readonly needed: boolean[];
}

/**
 * Mirrors `CLIENT_LIKE_NAME` (names.ts), followed by `.name` on the same line (`redis.set`, `app["redis"].get`).
 * Global: `markMatches` runs it over the whole module.
 */
const CLIENT_LIKE_RECEIVER_ANYWHERE = new RegExp(String.raw`${CLIENT_LIKE_WORD}["'\])]*[ \t]*\.[ \t]*[A-Za-z_]`, "gi");
const IMPORT_BINDINGS = /\bimport\b([\s\S]*)/;
const PYTHON_KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
  "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
  "pass", "raise", "return", "try", "while", "with", "yield", "self", "cls",
]);

/**
 * Splits the module and decides which statements the rules need. `receiverKeys` are clients known from other
 * modules (`redis_client`, `.redis`, `["redis"]`), as `ModuleFacts` takes them.
 */
export function moduleRegions(text: string, receiverKeys: Iterable<string>): ModuleRegions {
  const chunks = splitTopLevel(text);
  const watched = new Set<string>();
  const quoted: string[] = [];
  for (const key of receiverKeys) addReceiverKey(key, watched, quoted);
  const slices = chunks.map((c) => text.slice(c.start, c.end));
  // names bound by aioredis imports: `import aioredis as x`, `from aioredis.errors import ReplyError as E`
  chunks.forEach((c, i) => {
    if (!c.isImport || !slices[i]!.includes("aioredis")) return;
    const bound = IMPORT_BINDINGS.exec(slices[i]!)?.[1] ?? "";
    for (const name of bound.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (!PYTHON_KEYWORDS.has(name)) watched.add(name);
  });
  // the first statement too: new imports go after a module docstring
  const needed = chunks.map((c, i) => i === 0 || c.isImport || c.malformed);
  // Neither pattern matches across a line break, so each match lies in one statement: one pass over the module each
  // (jumping to the end of a statement once it is needed) instead of one test per statement.
  markMatches(AIOREDIS_OR_1X_NAME_ANYWHERE, text, chunks, needed);
  markMatches(CLIENT_LIKE_RECEIVER_ANYWHERE, text, chunks, needed);
  chunks.forEach((c, i) => {
    if (!needed[i] && mentions(c, slices[i]!, watched, quoted)) needed[i] = true;
  });
  expand(chunks, needed);
  return { chunks, needed };
}

/**
 * Marks the statements that mention one of `names` (clients the facts found in the needed statements) as needed.
 * Returns whether any was added (the caller then re-parses).
 */
export function addNeededNames(regions: ModuleRegions, text: string, keys: Iterable<string>): boolean {
  const watched = new Set<string>();
  const quoted: string[] = [];
  for (const key of keys) addReceiverKey(key, watched, quoted);
  let added = false;
  regions.chunks.forEach((c, i) => {
    if (regions.needed[i] || !mentions(c, text.slice(c.start, c.end), watched, quoted)) return;
    regions.needed[i] = true;
    added = true;
  });
  return added;
}

/** The ranges of the needed statements, adjacent ones merged: what tree-sitter parses. */
export function neededRanges(source: SourceText, regions: ModuleRegions): ParsedRange[] {
  const out: ParsedRange[] = [];
  let open: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (open) out.push({ startIndex: open.start, endIndex: open.end, startPosition: source.pointAt(open.start), endPosition: source.pointAt(open.end) });
    open = undefined;
  };
  regions.chunks.forEach((c, i) => {
    if (!regions.needed[i]) return flush();
    if (open && open.end === c.start) open.end = c.end;
    else {
      flush();
      open = { start: c.start, end: c.end };
    }
  });
  flush();
  return out;
}

/** Names spelled in the statements the rules do not see (new names must avoid them too). */
export function hiddenNames(regions: ModuleRegions): Set<string> {
  const names = new Set<string>();
  regions.chunks.forEach((c, i) => {
    if (!regions.needed[i]) for (const n of c.identifiers) names.add(n);
  });
  return names;
}

export function neededShare(text: string, regions: ModuleRegions): number {
  let n = 0;
  regions.chunks.forEach((c, i) => {
    if (regions.needed[i]) n += c.end - c.start;
  });
  return text.length === 0 ? 1 : n / text.length;
}

/** `redis_client` → the name; `.redis` / `self.redis` → `redis`; `["redis"]` → the quoted key. */
function addReceiverKey(key: string, watched: Set<string>, quoted: string[]): void {
  const sub = /\[["']([^"']+)["']\]$/.exec(key);
  if (sub) {
    quoted.push(`"${sub[1]}"`, `'${sub[1]}'`);
    return;
  }
  const last = /([A-Za-z_][A-Za-z0-9_]*)\W*$/.exec(key)?.[1];
  if (last && !PYTHON_KEYWORDS.has(last)) watched.add(last);
}

function mentions(chunk: TopLevelChunk, text: string, watched: ReadonlySet<string>, quoted: readonly string[]): boolean {
  if (watched.size > 0) {
    for (const n of watched) if (chunk.identifiers.has(n)) return true;
    // attribute names are not identifiers: `self.redis`, `app.redis_client`
    if (attributeOf(watched).test(text)) return true;
  }
  return quoted.some((q) => text.includes(q));
}

const attributePatterns = new WeakMap<ReadonlySet<string>, RegExp>();
function attributeOf(names: ReadonlySet<string>): RegExp {
  let re = attributePatterns.get(names);
  if (!re) attributePatterns.set(names, (re = new RegExp(`\\.[ \\t]*(?:${[...names].map(escapeRegExp).join("|")})\\b`)));
  return re;
}

/** Marks the statements where `pattern` (global, and matching within a line) matches. */
function markMatches(pattern: RegExp, text: string, chunks: readonly TopLevelChunk[], needed: boolean[]): void {
  pattern.lastIndex = 0;
  let i = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    while (chunks[i]!.end <= m.index) i++;
    needed[i] = true;
    pattern.lastIndex = chunks[i]!.end;
  }
}

/** One step out from the needed statements (see ModuleRegions). */
function expand(chunks: readonly TopLevelChunk[], needed: boolean[]): void {
  const definedBy = new Map<string, number>();
  chunks.forEach((c, i) => {
    if (c.defines !== undefined && !PYTHON_KEYWORDS.has(c.defines)) definedBy.set(c.defines, i);
  });
  const base = needed.map((n, i) => (n ? i : -1)).filter((i) => i >= 0);
  const definedByNeeded = new Set<string>();
  for (const i of base) if (chunks[i]!.defines !== undefined) definedByNeeded.add(chunks[i]!.defines!);
  // users of what a needed statement defines
  if (definedByNeeded.size > 0) {
    chunks.forEach((c, i) => {
      if (needed[i]) return;
      for (const n of definedByNeeded) {
        if (c.identifiers.has(n)) {
          needed[i] = true;
          return;
        }
      }
    });
  }
  // definitions of what a needed statement uses
  const users = needed.map((n, i) => (n ? i : -1)).filter((i) => i >= 0);
  const constants = new Set<string>();
  for (const i of users) {
    for (const n of chunks[i]!.identifiers) {
      const d = definedBy.get(n);
      if (d === undefined) continue;
      needed[d] = true;
      if (chunks[d]!.definesLiteral) constants.add(n);
    }
  }
  // every other use of a module constant they read: a rule rewrites a constant only when it sees all of its uses
  if (constants.size > 0) {
    chunks.forEach((c, i) => {
      if (!needed[i] && [...constants].some((n) => c.identifiers.has(n))) needed[i] = true;
    });
  }
}
