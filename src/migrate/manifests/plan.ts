import type { TextEdit } from "../edits.js";
import { checkCompanions, admitsRedis51 } from "./companions.js";
import { capitalize, type ManifestDocument } from "./document.js";
import { deleteLinesEdit, listRemovalOps } from "./lists.js";
import type { DelimitedList, DepEntry, DepGroup, EntryUpdate, LineContainer } from "./types.js";
import { checkFloor, compareVersions, lowerBound, parseSpec, parseVersion, type Dialect } from "./versions.js";

export const AIOREDIS = "aioredis";
/** Stub-only packages for aioredis (none is widely used; all describe an API the migrated code no longer calls). */
export const AIOREDIS_STUBS: ReadonlySet<string> = new Set(["types-aioredis", "aioredis-stubs", "aioredis-types"]);
export const TYPES_REDIS = "types-redis";

/** Third-party packages built on aioredis, with what redis-py offers instead. */
const DERIVED_HINTS: Readonly<Record<string, string>> = {
  "aioredis-cluster": "`redis.asyncio.RedisCluster`, from redis-py 4.3.0",
  "aioredis-lock": "`Redis.lock()`",
  "aioredis-semaphore": "`Redis.lock()` for a single holder",
};

export function redisNameFor(entry: Pick<DepEntry, "ecosystem">): string {
  return entry.ecosystem === "conda" ? "redis-py" : "redis";
}

function isRedis(e: DepEntry): boolean {
  return e.name === redisNameFor(e);
}

function isDerived(e: DepEntry): boolean {
  return e.name.startsWith("aioredis-") && !AIOREDIS_STUBS.has(e.name);
}

/** Whether the aioredis entry may install 1.x (which pulled in hiredis on CPython without being asked). */
function mayBe1x(e: DepEntry): boolean {
  const parsed = parseSpec(e.spec, e.dialect);
  if (!parsed.ok) return true;
  const low = lowerBound(parsed.clauses);
  return low === null || (low.release[0] ?? 0) < 2;
}

interface RedisWish {
  addExtras: Set<string>;
  reasons: string[];
}

/**
 * The migration of the dependency entries of one manifest, whatever its format:
 * - each `aioredis` entry becomes `redis>=<floor>` (conda: `redis-py`), keeping extras, markers and comments;
 *   when its list already has `redis`, the aioredis entry is removed instead (never list redis twice);
 * - every existing `redis` entry in the file gets its floor raised when it is below the target, or a manual step
 *   when its constraint excludes the target;
 * - aioredis stub packages (and `types-redis` from 5.0 on, when redis-py ships `py.typed`) are removed, or replaced
 *   by `types-redis` for the 4.2 target;
 * - entries that cannot be edited (URLs, hashes, computed values) become manual steps.
 */
export function planDocument(doc: ManifestDocument, groups: readonly DepGroup[]): void {
  const t = doc.target;
  // an entry reached through several groups (a setup.py list used in two extras) is decided by the first one
  const all = [...new Set(groups.flatMap((g) => g.entries))];
  const decided = new Set<DepEntry>();
  const involved = all.some((e) => e.name === AIOREDIS || AIOREDIS_STUBS.has(e.name));
  for (const e of all) {
    if (isDerived(e)) {
      const hint = DERIVED_HINTS[e.name];
      doc.manual(
        e.start,
        `\`${e.name}\` is built on aioredis, which this migration replaces: move to redis-py` +
          (hint ? ` (${hint})` : "") +
          " or keep it knowing it still installs aioredis (2.x cannot be imported on Python 3.11+).",
      );
    }
  }
  if (!involved) return;

  const hasHiredis = all.some((e) => e.name === "hiredis" || e.extras.includes("hiredis"));
  const removals: { entry: DepEntry; why: string }[] = [];
  let renamed = false;
  const wishes = new Map<DepEntry, RedisWish>();
  const wish = (e: DepEntry): RedisWish => {
    const w = wishes.get(e) ?? { addExtras: new Set<string>(), reasons: [] };
    wishes.set(e, w);
    return w;
  };

  for (const group of groups) {
    const fresh = group.entries.filter((e) => !decided.has(e));
    for (const e of fresh) decided.add(e);
    const existing = group.entries.filter(isRedis);
    const movable: DepEntry[] = [];
    for (const e of fresh.filter((x) => x.name === AIOREDIS)) {
      doc.usesAioredis = true;
      if (!e.blocker) {
        movable.push(e);
        continue;
      }
      doc.manual(
        e.start,
        e.blocker.what ??
          `This aioredis entry ${e.blocker.reason}, so it cannot be rewritten automatically: replace it with ` +
            `\`${redisNameFor(e)}${t.spec}\` (redis-py provides \`redis.asyncio\`).`,
        e.blocker.suggestion ?? "",
      );
    }
    if (existing.length > 0) {
      for (const e of movable) {
        const keep =
          existing.find((r) => r.condition === e.condition) ?? existing.find((r) => r.condition === "") ?? existing[0]!;
        removals.push({
          entry: e,
          why:
            "redis is already listed here and now provides the asyncio client, so the aioredis entry is removed " +
            "instead of listing redis twice.",
        });
        if (keep.condition !== e.condition && keep.condition !== "") {
          doc.manual(
            e.start,
            `The removed aioredis entry applied ${describeCondition(e.condition)} but the redis entry applies ` +
              `${describeCondition(keep.condition)}: check that redis is installed wherever aioredis was.`,
          );
        }
        if (e.extras.includes("hiredis") && !keep.extras.includes("hiredis")) {
          const w = wish(keep);
          w.addExtras.add("hiredis");
          w.reasons.push("the removed aioredis entry asked for the `hiredis` extra, so the redis entry keeps it");
        }
      }
    } else {
      // One aioredis entry becomes redis; an unconditional one covers every other, and entries for different
      // environments (markers, tox factors) each become their own redis entry.
      const order = [...movable].sort((a, b) => Number(a.condition !== "") - Number(b.condition !== ""));
      const keepers = new Map<DepEntry, Set<string>>();
      for (const e of order) {
        const k = [...keepers.keys()].find((x) => x.condition === "" || x.condition === e.condition);
        if (!k) {
          keepers.set(e, new Set());
          continue;
        }
        removals.push({
          entry: e,
          why:
            "Another aioredis entry of this list already becomes redis for these environments, so this one is " +
            "removed instead of listing redis twice.",
        });
        if (e.extras.includes("hiredis") && !k.extras.includes("hiredis")) keepers.get(k)!.add("hiredis");
      }
      for (const [e, extras] of keepers) {
        renamed = true;
        const update: EntryUpdate = { name: redisNameFor(e), spec: t.spec, ...(extras.size > 0 ? { addExtras: [...extras] } : {}) };
        doc.change(e.update(update), renameWhy(doc, e, hasHiredis));
      }
    }
    let stubReplacement: DepEntry | null = group.entries.find((e) => e.name === TYPES_REDIS) ?? null;
    for (const e of fresh) {
      if (AIOREDIS_STUBS.has(e.name) || (e.name === TYPES_REDIS && t.typed)) {
        if (AIOREDIS_STUBS.has(e.name)) doc.usesAioredis = true;
        const why = t.typed
          ? e.name === TYPES_REDIS
            ? "redis-py ships its own type hints (`py.typed`) from 5.0, and an installed stub package would shadow them."
            : "redis-py ships its own type hints (`py.typed`) from 5.0, so the aioredis stub package is no longer needed."
          : stubReplacement !== null
            ? "types-redis is already listed, and the aioredis stubs describe an API the migrated code no longer uses."
            : "redis-py 4.x has no inline type hints and the aioredis stubs describe an API the migrated code no " +
              "longer uses, so they are replaced by types-redis.";
        if (e.blocker) {
          doc.manual(e.start, `This \`${e.name}\` entry ${e.blocker.reason}: remove it by hand. ${why}`);
          continue;
        }
        if (t.typed || stubReplacement !== null) {
          removals.push({ entry: e, why });
        } else {
          stubReplacement = e;
          doc.change(e.update({ name: TYPES_REDIS, spec: "" }), why);
        }
      }
    }
  }

  for (const e of all.filter(isRedis)) {
    const w = wishes.get(e);
    const check = checkFloor(e.spec, e.dialect, t.floor);
    const name = redisNameFor(e);
    if (e.blocker) {
      if (check.status !== "ok" || w) {
        doc.manual(
          e.start,
          e.blocker.what ??
            `This redis entry ${e.blocker.reason}: make sure it installs ${name}${t.spec} (${t.reason}).`,
          e.blocker.suggestion ?? "",
        );
      }
      continue;
    }
    if (check.status === "excludes" || check.status === "unreadable") {
      const fix = doc.linesWith(e.start, e.end, e.update({ spec: t.spec, addExtras: [...(w?.addExtras ?? [])] }));
      const written = doc.written(e.start, e.end);
      const why =
        check.status === "excludes"
          ? `\`${written}\` excludes ${name} ${t.floor}`
          : `the constraint of \`${written}\` could not be read (${check.reason}), and the migrated code needs ${name} ${t.floor}`;
      doc.manual(e.start, `${capitalize(why)} (${t.reason}): widen the constraint.`, fix.text, fix.lines);
      continue;
    }
    const update: EntryUpdate = {
      ...(check.status === "raise" ? { spec: check.spec } : {}),
      ...(w && w.addExtras.size > 0 ? { addExtras: [...w.addExtras] } : {}),
    };
    const reasons = [
      ...(check.status === "raise" ? [`the migrated code needs ${name}${t.spec} (${t.reason}), so the floor is raised`] : []),
      ...(w?.reasons ?? []),
    ];
    if (reasons.length > 0) doc.change(e.update(update), `${capitalize(reasons.join("; "))}.`);
  }

  applyRemovals(doc, removals);
  if (all.some((e) => e.name === AIOREDIS)) {
    checkCompanions(doc, { entries: all, redisMayBe51: renamed || all.some((e) => isRedis(e) && admitsRedis51(e, t.floor)) });
  }
}

function applyRemovals(doc: ManifestDocument, removals: readonly { entry: DepEntry; why: string }[]): void {
  const byList = new Map<DelimitedList, { index: number; why: string }[]>();
  const emptied = new Map<LineContainer, number>();
  for (const { entry } of removals) {
    const c = entry.removal.kind === "lines" ? entry.removal.container : undefined;
    if (c) emptied.set(c, (emptied.get(c) ?? 0) + 1);
  }
  for (const { entry, why } of removals) {
    const r = entry.removal;
    if (r.kind === "lines") {
      const c = r.container;
      if (c && emptied.get(c) === c.items) {
        // the first removal of the block takes its header with it
        emptied.delete(c);
        doc.change(
          c.header + 1 === r.first
            ? [deleteLinesEdit(doc.source, c.header, r.last)]
            : [deleteLinesEdit(doc.source, c.header, c.header), deleteLinesEdit(doc.source, r.first, r.last)],
          why,
        );
        continue;
      }
      doc.change([deleteLinesEdit(doc.source, r.first, r.last)], why);
    } else {
      const l = byList.get(r.list) ?? [];
      l.push({ index: r.index, why });
      byList.set(r.list, l);
    }
  }
  for (const [list, items] of byList) {
    const ops = listRemovalOps(doc.source, list, new Set(items.map((i) => i.index)));
    for (const op of ops) {
      const whys = [...new Set(items.filter((i) => op.indices.includes(i.index)).map((i) => i.why))];
      doc.change(op.edits as TextEdit[], whys.join(" "));
    }
  }
}

function renameWhy(doc: ManifestDocument, e: DepEntry, hasHiredis: boolean): string {
  const t = doc.target;
  const name = redisNameFor(e);
  let why =
    `aioredis is abandoned and lives on in redis-py as \`redis.asyncio\`; the migrated code needs ${name}${t.spec} (${t.reason})`;
  if (e.ecosystem === "conda") {
    why += "; conda-forge publishes the client as `redis-py` (its `redis` package is not the maintained client)";
  }
  if (!hasHiredis && !e.extras.includes("hiredis") && mayBe1x(e)) {
    why +=
      e.ecosystem === "conda"
        ? "; aioredis 1.x also installed hiredis, so add the `hiredis` package if you relied on its C parser"
        : "; plain `redis` does not install hiredis as aioredis 1.x did, so add the `[hiredis]` extra if you relied on its C parser";
  }
  return `${why}.`;
}

function describeCondition(c: string): string {
  return c === "" ? "everywhere" : `when \`${c}\``;
}

/** A declared Python range (`requires-python`, `python_requires`, Poetry's `python`) and how to rewrite it. */
export interface PythonRange {
  readonly spec: string;
  readonly dialect: Dialect;
  /** Span of the declaration (the suggestion replaces its lines). */
  readonly start: number;
  readonly end: number;
  /** What the manifest calls it, for the message: "`requires-python`". */
  readonly label: string;
  /** The value as written, when `spec` is a translation of it (Pipfile's `python_version = "3.6"`). */
  readonly written?: string;
  /** A conda environment's `python` (the package is `redis-py` and conda installs it). */
  readonly conda?: boolean;
  update(spec: string): readonly TextEdit[];
}

/**
 * After `planDocument`: when the manifest depends on aioredis and declares a Python range that still admits a
 * Python the target redis-py does not install on (5.0.1 needs 3.7), report it with the raised range as a suggestion.
 */
export function checkPythonFloor(doc: ManifestDocument, range: PythonRange): void {
  if (!doc.usesAioredis) return;
  const t = doc.target;
  const parsed = parseSpec(range.spec, range.dialect);
  if (!parsed.ok) return;
  const low = lowerBound(parsed.clauses);
  if (low === null || compareVersions(low, parseVersion(t.python)!) >= 0) return;
  const check = checkFloor(range.spec, range.dialect, t.python);
  const raised = check.status === "raise" ? check.spec : `>=${t.python}`;
  const fix = doc.linesWith(range.start, range.end, range.update(raised));
  const py36 = compareVersions(low, parseVersion("3.6")!) >= 0;
  const [pkg, installer] = range.conda ? ["redis-py", "conda"] : ["redis", "pip"];
  doc.manual(
    range.start,
    `${pkg} ${t.floor} needs Python ${t.python} or newer, but ${range.label} is \`${(range.written ?? range.spec).trim()}\`: ` +
      `raise the Python floor, since ${installer} cannot install ${pkg} ${t.floor} on older Pythons` +
      (t.target === "5.0.1" && py36 ? " (or migrate with the 4.2 target, which supports Python 3.6)." : "."),
    fix.text,
    fix.lines,
  );
}
