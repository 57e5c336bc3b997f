import { checkPythonFloor, planDocument } from "../plan.js";
import { parseToml } from "../toml.js";
import { subTableEntry, tableEntry } from "../toml-deps.js";
import type { DepGroup, ManifestFormat } from "../types.js";

/** Pipfile tables that are not package categories. */
const NOT_CATEGORIES = new Set(["source", "requires", "pipenv", "scripts"]);

/**
 * Pipfile: `[packages]`, `[dev-packages]` and custom categories, each a table of `name = "<PEP 440>"` or
 * `name = { version = "…", extras = […], markers = "…" }`. `Pipfile.lock` is a lock file (see lock/).
 */
const pipfile: ManifestFormat = {
  kind: "pipfile",
  description: "Pipfile (pipenv)",
  matches: (path) => /(^|\/)Pipfile$/.test(path),
  update(doc) {
    const tables = parseToml(doc.text);
    if (tables === null) {
      doc.manual(
        doc.text.search(/aioredis/i),
        `The Pipfile could not be read as TOML, so its packages were not migrated: replace aioredis with \`redis = "${doc.target.spec}"\` by hand.`,
      );
      return;
    }
    const groups = new Map<string, DepGroup["entries"][number][]>();
    const add = (category: string, e: DepGroup["entries"][number]): void => {
      groups.set(category, [...(groups.get(category) ?? []), e]);
    };
    for (const table of tables) {
      if (table.isArray || table.path.length === 0 || NOT_CATEGORIES.has(table.path[0]!)) continue;
      if (table.path.length === 2) {
        add(table.path[0]!, subTableEntry(doc, table, "pep440"));
        continue;
      }
      if (table.path.length !== 1) continue;
      for (const kv of table.entries) {
        if (kv.key.parts.length === 1) add(table.path[0]!, tableEntry(doc, kv, "pep440"));
      }
    }
    planDocument(doc, [...groups.values()].map((entries) => ({ entries })));

    const requires = tables.find((t) => t.path.length === 1 && t.path[0] === "requires");
    const python = requires?.entries.find((kv) => kv.key.parts.join(".") === "python_version");
    if (python?.value.kind === "string" && python.value.plain) {
      const v = python.value;
      // `python_version = "3.6"` means 3.6.x
      checkPythonFloor(doc, {
        spec: `==${v.value}.*`,
        dialect: "pep440",
        start: python.key.spans[0]![0],
        end: v.end,
        label: "`python_version`",
        written: v.value,
        update: () => [{ start: v.contentStart, end: v.contentEnd, text: doc.target.python }],
      });
    }
  },
};

export default pipfile;
