import type { ManifestDocument } from "../document.js";
import { listRemovalOps } from "../lists.js";
import { normalizeName } from "../pep508.js";
import { AIOREDIS, checkPythonFloor, planDocument } from "../plan.js";
import { parseToml, pathIs, type TomlArray, type TomlKeyValue, type TomlString } from "../toml.js";
import { requirementArray, subTableEntry, tableEntry } from "../toml-deps.js";
import type { DepEntry, DepGroup, ManifestFormat } from "../types.js";

/** Arrays of PEP 508 strings, by their full key path. */
const REQUIREMENT_ARRAYS: readonly (readonly string[])[] = [
  ["project", "dependencies"],
  ["project", "optional-dependencies", "*"],
  ["dependency-groups", "*"],
  ["tool", "pdm", "dev-dependencies", "*"],
  ["tool", "uv", "dev-dependencies"],
  ["tool", "uv", "constraint-dependencies"],
  ["tool", "uv", "override-dependencies"],
  ["tool", "hatch", "envs", "*", "dependencies"],
  ["tool", "hatch", "envs", "*", "extra-dependencies"],
];

/** Poetry tables of `name = constraint`. */
const POETRY_TABLES: readonly (readonly string[])[] = [
  ["tool", "poetry", "dependencies"],
  ["tool", "poetry", "dev-dependencies"],
  ["tool", "poetry", "group", "*", "dependencies"],
];

/**
 * pyproject.toml: PEP 621 `[project]` dependencies and optional dependencies, PEP 735 `[dependency-groups]`,
 * PDM dev-dependencies, uv and Hatch environment dependencies (arrays of PEP 508 strings), and Poetry dependency
 * tables (`aioredis = "^1.3.1"`, inline tables, `[tool.poetry.dependencies.aioredis]` sub-tables) with the
 * `[tool.poetry.extras]` lists that name them.
 */
const pyproject: ManifestFormat = {
  kind: "pyproject",
  description: "pyproject.toml (PEP 621, PEP 735, Poetry, PDM, Hatch, uv)",
  matches: (path) => /(^|\/)pyproject\.toml$/i.test(path),
  update(doc) {
    const tables = parseToml(doc.text);
    if (tables === null) {
      doc.manual(
        doc.text.search(/aioredis/i),
        "pyproject.toml could not be read as TOML, so its dependencies were not migrated: replace aioredis with " +
          `\`redis${doc.target.spec}\` by hand.`,
      );
      return;
    }
    const groups: DepGroup[] = [];
    const poetryGroups = new Map<string, DepEntry[]>();
    const poetryEntry = (tablePath: readonly string[], entry: DepEntry): void => {
      const k = tablePath.join("\u0000");
      poetryGroups.set(k, [...(poetryGroups.get(k) ?? []), entry]);
    };
    const extrasArrays: TomlArray[] = [];
    let requiresPython: TomlKeyValue | undefined;
    let poetryPython: TomlKeyValue | undefined;

    for (const table of tables) {
      if (table.isArray) continue;
      const parent = table.path.slice(0, -1);
      if (table.header && POETRY_TABLES.some((p) => pathIs(parent, p))) {
        poetryEntry(parent, subTableEntry(doc, table, "poetry"));
        continue;
      }
      for (const kv of table.entries) {
        const full = [...table.path, ...kv.key.parts];
        const v = kv.value;
        if (v.kind === "array" && REQUIREMENT_ARRAYS.some((p) => pathIs(full, p))) {
          groups.push(requirementArray(doc, v));
        } else if (pathIs(full, ["project", "requires-python"])) {
          requiresPython = kv;
        } else if (pathIs(full, ["tool", "poetry", "dependencies", "python"])) {
          poetryPython = kv;
        } else if (POETRY_TABLES.some((p) => pathIs(full.slice(0, -1), p))) {
          poetryEntry(full.slice(0, -1), tableEntry(doc, kv, "poetry"));
        } else if (v.kind === "array" && pathIs(full, ["tool", "poetry", "extras", "*"])) {
          extrasArrays.push(v);
        }
      }
    }
    for (const entries of poetryGroups.values()) groups.push({ entries });
    planDocument(doc, groups);
    renamePoetryExtras(doc, poetryGroups.get(POETRY_TABLES[0]!.join("\u0000")) ?? [], extrasArrays);

    for (const [kv, label, dialect] of [
      [requiresPython, "`requires-python`", "pep440"],
      [poetryPython, "Poetry's `python` dependency", "poetry"],
    ] as const) {
      if (kv?.value.kind !== "string" || !kv.value.plain) continue;
      const s: TomlString = kv.value;
      checkPythonFloor(doc, {
        spec: s.value,
        dialect,
        start: kv.key.spans[0]![0],
        end: s.end,
        label,
        update: (spec) => [{ start: s.contentStart, end: s.contentEnd, text: spec }],
      });
    }
  },
};

export default pyproject;

/**
 * `[tool.poetry.extras]` names optional dependencies: once `aioredis` is `redis`, `cache = ["aioredis"]` must say
 * `redis` (or drop the name when the list already has it). Extras name entries of `[tool.poetry.dependencies]`
 * only; when that aioredis entry could not be migrated the extras are left alone and reported.
 */
function renamePoetryExtras(doc: ManifestDocument, main: readonly DepEntry[], arrays: readonly TomlArray[]): void {
  const aioredis = main.filter((e) => e.name === AIOREDIS);
  if (aioredis.length === 0) return;
  const blocked = aioredis.some((e) => e.blocker !== null);
  for (const arr of arrays) {
    const names = arr.items.map((i) => (i.kind === "string" ? normalizeName(i.value) : ""));
    const hits = names.flatMap((n, k) => (n === AIOREDIS ? [k] : []));
    if (hits.length === 0) continue;
    if (blocked) {
      doc.manual(arr.items[hits[0]!]!.start, "This extra names aioredis, whose dependency could not be migrated: rename it here once it is `redis`.");
      continue;
    }
    const why = "Poetry extras name dependencies, and the aioredis dependency is now redis.";
    if (names.includes("redis")) {
      const list = { elements: arr.items.map((i) => ({ start: i.start, end: i.end })), separator: "," };
      for (const op of listRemovalOps(doc.source, list, new Set(hits))) doc.change(op.edits, why);
      continue;
    }
    const [first, ...rest] = hits;
    const item = arr.items[first!]!;
    if (item.kind === "string") doc.change([{ start: item.contentStart, end: item.contentEnd, text: "redis" }], why);
    if (rest.length > 0) {
      const list = { elements: arr.items.map((i) => ({ start: i.start, end: i.end })), separator: "," };
      for (const op of listRemovalOps(doc.source, list, new Set(rest))) doc.change(op.edits, why);
    }
  }
}


