import type { TextEdit } from "../edits.js";
import type { ManifestDocument } from "./document.js";
import { normalizeCondition, normalizeName, parseRequirement, requirementEntry } from "./pep508.js";
import type { Blocker, DelimitedList, DepEntry, DepGroup, EntryUpdate } from "./types.js";
import { entryValue, type TomlArray, type TomlKey, type TomlKeyValue, type TomlTable, type TomlValue } from "./toml.js";
import type { Dialect } from "./versions.js";

/** An array of PEP 508 strings (`dependencies = ["aioredis>=1.3", …]`): one group, elements removable. */
export function requirementArray(doc: ManifestDocument, arr: TomlArray): DepGroup {
  const list: DelimitedList = { elements: arr.items.map((i) => ({ start: i.start, end: i.end })), separator: "," };
  const entries: DepEntry[] = [];
  arr.items.forEach((item, index) => {
    if (item.kind !== "string") return;
    const req = parseRequirement(item.value);
    const toDoc = (i: number): number => item.contentStart + i;
    const removal = { kind: "element" as const, list, index };
    if (!req) {
      if (/aioredis/i.test(item.value)) {
        doc.manual(item.start, `Could not read the requirement \`${item.value}\`: replace aioredis with \`redis${doc.target.spec}\` by hand.`);
      }
      return;
    }
    const blocker: Blocker | null = item.plain ? null : { reason: "is written with escapes or over several lines" };
    entries.push(requirementEntry(req, item.value, { toDoc, removal, blocker, start: item.start, end: item.end }));
  });
  return { entries };
}

/** Lines (0-based) from `start` to the line holding `end - 1`. */
function linesOf(doc: ManifestDocument, start: number, end: number): { kind: "lines"; first: number; last: number } {
  return { kind: "lines", first: doc.source.lineIndexAt(start), last: doc.source.lineIndexAt(Math.max(start, end - 1)) };
}

/** Keys of a dependency table value that make it something other than a version from an index. */
const LOCATION_KEYS = ["git", "path", "url", "file", "hg", "svn", "bzr"];

interface TableFacts {
  spec: string;
  version: TomlValue | undefined;
  extrasArray: TomlArray | undefined;
  extras: string[];
  condition: string;
  blocker: Blocker | null;
}

function tableFacts(entries: readonly TomlKeyValue[]): TableFacts {
  const version = entryValue(entries, "version");
  const extrasValue = entryValue(entries, "extras");
  const extrasArray = extrasValue?.kind === "array" ? extrasValue : undefined;
  const extras = (extrasArray?.items ?? []).flatMap((i) => (i.kind === "string" ? [i.value.toLowerCase()] : []));
  const condition = ["markers", "python", "platform", "sys_platform", "os_name", "platform_machine"]
    .map((k) => {
      const v = entryValue(entries, k);
      return v?.kind === "string" ? `${k}=${normalizeCondition(v.value)}` : "";
    })
    .filter((x) => x !== "")
    .join(";");
  const location = LOCATION_KEYS.find((k) => entryValue(entries, k) !== undefined);
  let blocker: Blocker | null = null;
  if (location) blocker = { reason: `is installed from a ${location} source` };
  else if (version !== undefined && (version.kind !== "string" || !version.plain)) blocker = { reason: "has a version that is not a plain string" };
  else if (extrasValue !== undefined && extrasArray === undefined) blocker = { reason: "has extras that are not a plain array" };
  return {
    spec: version?.kind === "string" ? version.value.trim() : "",
    version,
    extrasArray,
    extras,
    condition,
    blocker,
  };
}

/** `"*"` stands for "any version" in Poetry and Pipfile tables. */
function specText(spec: string): string {
  return spec === "" ? "*" : spec;
}

function renameEdit(doc: ManifestDocument, key: TomlKey, name: string): TextEdit {
  const [s, e] = key.spans[key.spans.length - 1]!;
  const quoted = doc.text[s] === '"' || doc.text[s] === "'";
  return quoted ? { start: s + 1, end: e - 1, text: name } : { start: s, end: e, text: name };
}

function quotedList(extras: readonly string[]): string {
  return extras.map((x) => `"${x}"`).join(", ");
}

/** `name = "^1.3"` or `name = { version = "^2.0", extras = ["hiredis"] }` in a Poetry or Pipfile dependency table. */
export function tableEntry(doc: ManifestDocument, kv: TomlKeyValue, dialect: Dialect): DepEntry {
  const { key, value } = kv;
  const name = normalizeName(key.parts[key.parts.length - 1]!);
  const start = key.spans[0]![0];
  const removal = linesOf(doc, start, value.end);
  const base = { name, ecosystem: "pypi" as const, dialect, start, end: value.end, removal };
  if (value.kind === "string") {
    return {
      ...base,
      extras: [],
      condition: "",
      spec: value.value.trim() === "*" ? "" : value.value.trim(),
      blocker: value.plain ? null : { reason: "has a version that is not a plain string" },
      update(u: EntryUpdate): TextEdit[] {
        const edits: TextEdit[] = [];
        if (u.name !== undefined) edits.push(renameEdit(doc, key, u.name));
        const spec = u.spec !== undefined ? specText(u.spec) : value.value;
        const extras = u.addExtras ?? [];
        if (extras.length > 0) {
          const q = value.quote;
          edits.push({ start: value.start, end: value.end, text: `{ version = ${q}${spec}${q}, extras = [${quotedList(extras)}] }` });
        } else if (u.spec !== undefined) {
          edits.push({ start: value.contentStart, end: value.contentEnd, text: spec });
        }
        return edits;
      },
    };
  }
  if (value.kind === "table") {
    const f = tableFacts(value.entries);
    return {
      ...base,
      extras: f.extras,
      condition: f.condition,
      spec: f.spec === "*" ? "" : f.spec,
      blocker: f.blocker,
      update(u: EntryUpdate): TextEdit[] {
        const edits: TextEdit[] = [];
        if (u.name !== undefined) edits.push(renameEdit(doc, key, u.name));
        const first = value.entries[0];
        const last = value.entries[value.entries.length - 1];
        if (u.spec !== undefined) {
          if (f.version?.kind === "string") {
            edits.push({ start: f.version.contentStart, end: f.version.contentEnd, text: specText(u.spec) });
          } else if (first) {
            edits.push({ start: first.key.spans[0]![0], end: first.key.spans[0]![0], text: `version = "${specText(u.spec)}", ` });
          } else {
            edits.push({ start: value.start + 1, end: value.end - 1, text: ` version = "${specText(u.spec)}" ` });
          }
        }
        const missing = (u.addExtras ?? []).filter((x) => !f.extras.includes(x));
        if (missing.length > 0) {
          if (f.extrasArray) {
            const items = f.extrasArray.items;
            const at = items.length > 0 ? items[items.length - 1]!.end : f.extrasArray.start + 1;
            edits.push({ start: at, end: at, text: (items.length > 0 ? ", " : "") + quotedList(missing) });
          } else if (last) {
            edits.push({ start: last.value.end, end: last.value.end, text: `, extras = [${quotedList(missing)}]` });
          }
        }
        return edits;
      },
    };
  }
  return {
    ...base,
    extras: [],
    condition: "",
    spec: "",
    blocker: { reason: value.kind === "array" ? "lists several constraints" : "has a value that is not a version" },
    update: () => [],
  };
}

/** `[tool.poetry.dependencies.aioredis]` with `version = …` / `extras = […]` lines below it. */
export function subTableEntry(doc: ManifestDocument, table: TomlTable, dialect: Dialect): DepEntry {
  const header = table.header!;
  const name = normalizeName(table.path[table.path.length - 1]!);
  const f = tableFacts(table.entries);
  const lastEntry = table.entries[table.entries.length - 1];
  const nl = doc.source.newline;
  return {
    name,
    ecosystem: "pypi",
    dialect,
    start: header.start,
    end: header.end,
    extras: f.extras,
    condition: f.condition,
    spec: f.spec === "*" ? "" : f.spec,
    blocker: f.blocker,
    removal: linesOf(doc, header.start, lastEntry ? lastEntry.value.end : header.end),
    update(u: EntryUpdate): TextEdit[] {
      const edits: TextEdit[] = [];
      if (u.name !== undefined) edits.push(renameEdit(doc, header.key, u.name));
      let newLines = "";
      if (u.spec !== undefined) {
        if (f.version?.kind === "string") {
          edits.push({ start: f.version.contentStart, end: f.version.contentEnd, text: specText(u.spec) });
        } else {
          newLines += `${nl}version = "${specText(u.spec)}"`;
        }
      }
      const missing = (u.addExtras ?? []).filter((x) => !f.extras.includes(x));
      if (missing.length > 0) {
        if (f.extrasArray) {
          const items = f.extrasArray.items;
          const at = items.length > 0 ? items[items.length - 1]!.end : f.extrasArray.start + 1;
          edits.push({ start: at, end: at, text: (items.length > 0 ? ", " : "") + quotedList(missing) });
        } else {
          newLines += `${nl}extras = [${quotedList(missing)}]`;
        }
      }
      if (newLines !== "") {
        const at = doc.source.lineContentEnd(doc.source.lineIndexAt(header.start));
        edits.push({ start: at, end: at, text: newLines });
      }
      return edits;
    },
  };
}
