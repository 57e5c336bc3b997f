import type { ManifestDocument } from "./document.js";
import type { IniValue, IniValueLine } from "./ini.js";
import { blockedEntry, parseRequirement, requirementEntry } from "./pep508.js";
import type { DelimitedList, DepEntry, DepGroup, Removal } from "./types.js";

const LOCATION = /^(?:-e\s+|--editable[=\s]+)?(?:[a-z][a-z0-9+.-]*:\/\/|[a-z]+\+[a-z]+:|\.{1,2}\/|\/)/i;

/** How one piece of a value is split into requirements, and what precedes each (a tox factor condition). */
export interface IniGroupOptions {
  /** setup.cfg semantics: a value on the key line alone is a `;`-separated list. */
  readonly semicolonList: boolean;
  /** tox semantics: `py38,py39: aioredis==1.3.1` applies to some environments only. */
  readonly factors: boolean;
}

/** The requirements of one INI value (`install_requires`, an extra, tox `deps`) as one group. */
export function iniRequirementGroup(doc: ManifestDocument, value: IniValue, opts: IniGroupOptions): DepGroup {
  const entries: DepEntry[] = [];
  if (value.lines.length === 0) return { entries };
  const first = value.lines[0]!;
  if (/^file:/.test(first.text)) return { entries };
  const pieces: { text: string; start: number; removal: Removal }[] = [];
  if (value.inline && opts.semicolonList) {
    const parts: { start: number; end: number }[] = [];
    let at = 0;
    for (const raw of first.text.split(";")) {
      const lead = raw.length - raw.trimStart().length;
      const s = first.start + at + lead;
      parts.push({ start: s, end: s + raw.trim().length });
      at += raw.length + 1;
    }
    const list: DelimitedList = { elements: parts, separator: ";" };
    parts.forEach((p, index) => {
      pieces.push({ text: doc.text.slice(p.start, p.end), start: p.start, removal: { kind: "element", list, index } });
    });
  } else {
    for (const l of value.lines) pieces.push({ text: l.text, start: l.start, removal: lineRemoval(l) });
  }
  for (const p of pieces) {
    let text = p.text;
    let offset = p.start;
    let condition = "";
    if (opts.factors) {
      const f = /^([A-Za-z0-9_.!{}-]+(?:,[A-Za-z0-9_.!{}-]+)*)\s*:(?!\/\/)\s*/.exec(text);
      if (f && !/^[a-z]+\+[a-z]+$/i.test(f[1]!)) {
        condition = `factors=${f[1]}`;
        text = text.slice(f[0].length);
        offset += f[0].length;
      }
    }
    if (text.startsWith("-r") || text.startsWith("-c") || text.startsWith("--") && !/^--editable/.test(text) || text.includes("{[")) {
      continue;
    }
    if (LOCATION.test(text)) {
      if (/(?:egg=|\/)aioredis(?:-py)?(?:\.git)?(?:[@#&]|$)/i.test(text)) {
        const how = /^(-e\s|--editable)/.test(text) ? "in editable mode from" : "from";
        entries.push(blockedEntry("aioredis", offset, offset + text.length, p.removal, `is installed ${how} \`${text.replace(/^(-e\s+|--editable[=\s]+)/, "")}\``));
      }
      continue;
    }
    const req = parseRequirement(text);
    if (!req) {
      if (/aioredis/i.test(text)) doc.manual(offset, `Could not read the requirement \`${text}\`: replace aioredis with \`redis${doc.target.spec}\` by hand.`);
      continue;
    }
    const base = offset;
    const entry = requirementEntry(req, text, { toDoc: (i) => base + i, removal: p.removal });
    entries.push(condition === "" ? entry : { ...entry, condition: `${condition}|${entry.condition}` });
  }
  return { entries };
}

function lineRemoval(l: IniValueLine): Removal {
  if (!l.onKeyLine) return { kind: "lines", first: l.line, last: l.line };
  // the requirement shares its line with `key =`: remove only the requirement
  return { kind: "element", list: { elements: [{ start: l.start, end: l.end }], separator: ";" }, index: 0 };
}
