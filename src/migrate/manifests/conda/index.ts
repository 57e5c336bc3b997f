import type { TextEdit } from "../../edits.js";
import type { ManifestDocument } from "../document.js";
import { normalizeName, parseRequirement, requirementEntry } from "../pep508.js";
import { checkPythonFloor, planDocument } from "../plan.js";
import type { DepEntry, EntryUpdate, ManifestFormat, Removal } from "../types.js";

/**
 * conda environment files (`environment.yml`, `environment-dev.yaml`, `conda-*.yml`): the items of the top-level
 * `dependencies:` list are conda match specs (`aioredis=1.3.1`, `conda-forge::aioredis >=1.3`), and the items of
 * its `- pip:` sub-list are PyPI requirements. conda-forge publishes the maintained client as `redis-py` (its
 * `redis` package is not it), so a conda item becomes `redis-py>=5.0.1` and a pip item `redis>=5.0.1`; both lists
 * count as one when checking whether redis is already there.
 */
const conda: ManifestFormat = {
  kind: "conda",
  description: "conda environment files",
  matches: (path) => /(^|\/)([^/]*environment[^/]*|conda[^/]*)\.ya?ml$/i.test(path) && !/conda-lock\.ya?ml$/i.test(path),
  update(doc) {
    const entries = readEntries(doc);
    planDocument(doc, [{ entries }]);
    const python = entries.find((e) => e.ecosystem === "conda" && e.name === "python" && !e.blocker);
    if (python) {
      // `python=3.6` picks an interpreter: the fix picks the oldest one redis supports rather than a range
      const pinned = /^=?=?\s*\d+(\.\d+)*(\.?\*)?$/.test(python.spec);
      checkPythonFloor(doc, {
        spec: python.spec,
        dialect: "conda",
        start: python.start,
        end: python.end,
        label: "the environment's `python`",
        conda: true,
        update: (spec) => python.update({ spec: pinned ? `=${doc.target.python}` : spec }),
      });
    }
  },
};

export default conda;

function readEntries(doc: ManifestDocument): DepEntry[] {
  const src = doc.source;
  const entries: DepEntry[] = [];
  let i = 0;
  for (; i < src.lineCount; i++) {
    const line = src.lineText(i);
    if (/^dependencies\s*:/.test(line)) break;
  }
  if (i >= src.lineCount) return entries;
  const header = src.lineText(i);
  if (/^dependencies\s*:\s*\[/.test(header)) {
    if (/aioredis/i.test(header)) {
      doc.manual(
        src.lineStart(i),
        `This flow-style \`dependencies:\` list is not rewritten automatically: replace aioredis with \`redis-py${doc.target.spec}\`.`,
      );
    }
    return entries;
  }
  let condaIndent = -1;
  let pipIndent = -1;
  let inPip = false;
  // items of a `- pip:` block are removed with the block's header when they all go (an empty `pip:` is null)
  let pipBlock: { header: number; items: number } | null = null;
  const pipEntries: { index: number; block: { header: number; items: number } }[] = [];
  for (i++; i < src.lineCount; i++) {
    const line = src.lineText(i);
    if (line.trim() === "" || /^\s*#/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    const item = /^( *)-(\s+|$)/.exec(line);
    if (!item) {
      if (indent === 0) break; // the next top-level key
      continue;
    }
    if (condaIndent < 0) condaIndent = indent;
    if (indent < condaIndent) break;
    const start = src.lineStart(i) + item[0].length;
    let body = line.slice(item[0].length);
    const comment = /(^|\s)#/.exec(body);
    if (comment) body = body.slice(0, comment.index);
    body = body.trimEnd();
    let offset = start;
    const quoted = /^(['"])(.*)\1$/.exec(body);
    if (quoted) {
      body = quoted[2]!;
      offset += 1;
    }
    const removal: Removal = { kind: "lines", first: i, last: i };
    if (indent === condaIndent) {
      inPip = /^pip\s*:\s*$/.test(body);
      pipBlock = inPip ? { header: i, items: 0 } : null;
      pipIndent = -1;
      if (inPip || body === "") continue;
      const e = condaEntry(doc, body, offset, removal);
      if (e) entries.push(e);
      continue;
    }
    if (!inPip) continue;
    if (pipIndent < 0) pipIndent = indent;
    if (indent !== pipIndent) continue;
    if (pipBlock) pipBlock.items++;
    if (body.startsWith("-")) continue;
    const req = parseRequirement(body);
    if (!req) {
      if (/aioredis/i.test(body)) {
        doc.manual(offset, `Could not read the pip requirement \`${body}\`: replace aioredis with \`redis${doc.target.spec}\` by hand.`);
      }
      continue;
    }
    const base = offset;
    if (pipBlock) pipEntries.push({ index: entries.length, block: pipBlock });
    entries.push(requirementEntry(req, body, { toDoc: (k) => base + k, removal }));
  }
  for (const { index, block } of pipEntries) {
    const e = entries[index]!;
    if (e.removal.kind === "lines") entries[index] = { ...e, removal: { ...e.removal, container: block } };
  }
  return entries;
}

/** `[channel::]name[ ]spec` — conda's match spec, with the bracket form (`name[version='>=1']`) left to a person. */
function condaEntry(doc: ManifestDocument, body: string, offset: number, removal: Removal): DepEntry | null {
  const m = /^((?:[A-Za-z0-9_.\/-]+::)?)([A-Za-z0-9_][A-Za-z0-9._-]*)(.*)$/.exec(body);
  if (!m) return null;
  const nameStart = offset + m[1]!.length;
  const nameEnd = nameStart + m[2]!.length;
  const rest = m[3]!;
  const restEnd = nameEnd + rest.length;
  const spec = rest.trim();
  return {
    name: normalizeName(m[2]!),
    ecosystem: "conda",
    dialect: "conda",
    start: offset,
    end: restEnd,
    extras: [],
    condition: "",
    spec,
    blocker: spec.startsWith("[") ? { reason: `uses the bracket form \`${body}\`` } : null,
    removal,
    update(u: EntryUpdate): TextEdit[] {
      const edits: TextEdit[] = [];
      if (u.name !== undefined) edits.push({ start: nameStart, end: nameEnd, text: u.name });
      if (u.spec !== undefined) {
        // a raised constraint keeps the blank that separated it from the name (`redis-py >=5.0.1,<6`)
        const lead = u.name === undefined && u.spec !== "" ? /^\s*/.exec(rest)![0] : "";
        edits.push({ start: nameEnd, end: restEnd, text: lead + u.spec.trimStart() });
      }
      return edits;
    },
  };
}
