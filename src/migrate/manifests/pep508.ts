import type { TextEdit } from "../edits.js";
import type { Blocker, DepEntry, Ecosystem, EntryUpdate, Removal } from "./types.js";
import type { Dialect } from "./versions.js";

/** PEP 503 normalisation: `AioRedis`, `aio_redis` and `aio.redis` name the same project. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** A PEP 508 requirement with the spans (relative to the text parsed) needed to edit it in place. */
export interface Requirement {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly extras: readonly string[];
  /** Span of `[…]`; empty at `nameEnd` when there are no extras. */
  readonly extrasStart: number;
  readonly extrasEnd: number;
  /** The constraint without parentheses, trimmed ("" when none). */
  readonly spec: string;
  /** Span of `spec`; when there is none, the empty span right after the name and extras (where one goes). */
  readonly specStart: number;
  readonly specEnd: number;
  /** `name @ url` */
  readonly url: string | null;
  /** The environment marker after `;`, trimmed ("" when none). */
  readonly marker: string;
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

/** Parses one requirement (`aioredis[hiredis] >= 1.3, <2 ; python_version >= "3.7"`); null if it is not one. */
export function parseRequirement(text: string): Requirement | null {
  const m = NAME.exec(text);
  if (!m) return null;
  const name = m[1]!;
  const nameEnd = m[0].length;
  const nameStart = nameEnd - name.length;
  let at = nameEnd;
  const skipWs = (): void => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  skipWs();
  let extras: string[] = [];
  let extrasStart = nameEnd;
  let extrasEnd = nameEnd;
  if (text[at] === "[") {
    const close = text.indexOf("]", at);
    if (close < 0) return null;
    extrasStart = at;
    extrasEnd = close + 1;
    extras = text
      .slice(at + 1, close)
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== "");
    at = extrasEnd;
    skipWs();
  }
  let spec = "";
  let specStart = extrasEnd;
  let specEnd = extrasEnd;
  let url: string | null = null;
  const markerAt = (from: number): number => {
    const i = text.indexOf(";", from);
    return i < 0 ? text.length : i;
  };
  if (text[at] === "@") {
    const semi = findUrlEnd(text, at + 1);
    url = text.slice(at + 1, semi).trim();
    at = semi;
  } else if (text[at] === "(") {
    const close = text.indexOf(")", at);
    if (close < 0) return null;
    const inner = text.slice(at + 1, close);
    const lead = inner.length - inner.trimStart().length;
    spec = inner.trim();
    specStart = at + 1 + lead;
    specEnd = specStart + spec.length;
    at = close + 1;
  } else if (at < text.length && /[<>=!~]/.test(text[at]!)) {
    const end = markerAt(at);
    spec = text.slice(at, end).trimEnd();
    specStart = at;
    specEnd = at + spec.length;
    at = end;
  }
  skipWs();
  let marker = "";
  if (text[at] === ";") {
    marker = text.slice(at + 1).trim();
    at = text.length;
  }
  if (text.slice(at).trim() !== "") return null;
  if (spec !== "" && !/^[<>=!~][\s\S]*$/.test(spec)) return null;
  return { name, nameStart, nameEnd, extras, extrasStart, extrasEnd, spec, specStart, specEnd, url, marker };
}

/** A URL ends at `; ` (a marker needs whitespace before `;` after a URL, PEP 508) or at the end. */
function findUrlEnd(text: string, from: number): number {
  const m = /\s;/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

/** Marker text made comparable: no whitespace, one quote style. */
export function normalizeCondition(marker: string): string {
  return marker.replace(/\s+/g, "").replace(/'/g, '"');
}

export interface RequirementEntryOptions {
  /** Maps an offset in the parsed text to the document (identity plus a base for a plain substring). */
  readonly toDoc: (offset: number) => number;
  readonly removal: Removal;
  readonly ecosystem?: Ecosystem;
  readonly dialect?: Dialect;
  readonly blocker?: Blocker | null;
  /** Span of the whole entry in the document (defaults to the requirement's own span). */
  readonly start?: number;
  readonly end?: number;
}

/** The `DepEntry` of a parsed requirement whose text sits in the document at `toDoc` offsets. */
export function requirementEntry(req: Requirement, text: string, opts: RequirementEntryOptions): DepEntry {
  const { toDoc } = opts;
  // An empty span or insertion point right after a character maps just past that character.
  const docEnd = (i: number): number => (i === 0 ? toDoc(0) : toDoc(i - 1) + 1);
  const blocker: Blocker | null = opts.blocker ?? (req.url !== null ? { reason: `is installed from \`${req.url}\`` } : null);
  return {
    name: normalizeName(req.name),
    ecosystem: opts.ecosystem ?? "pypi",
    dialect: opts.dialect ?? "pep440",
    start: opts.start ?? toDoc(req.nameStart),
    end: opts.end ?? docEnd(text.trimEnd().length),
    extras: req.extras.map((e) => e.toLowerCase()),
    condition: normalizeCondition(req.marker),
    spec: req.spec,
    blocker,
    removal: opts.removal,
    update(u: EntryUpdate): TextEdit[] {
      const edits: TextEdit[] = [];
      if (u.name !== undefined) edits.push({ start: toDoc(req.nameStart), end: docEnd(req.nameEnd), text: u.name });
      const missing = (u.addExtras ?? []).filter((x) => !req.extras.map((e) => e.toLowerCase()).includes(x));
      let insertAfterName = "";
      if (missing.length > 0) {
        if (req.extrasEnd > req.extrasStart) {
          const close = req.extrasEnd - 1;
          const sep = req.extras.length > 0 ? "," : "";
          edits.push({ start: toDoc(close), end: toDoc(close), text: sep + missing.join(",") });
        } else {
          insertAfterName += `[${missing.join(",")}]`;
        }
      }
      if (u.spec !== undefined && u.spec !== req.spec) {
        if (req.spec !== "") {
          if (u.spec === "") {
            // `types-aioredis == 1.0` → `types-redis`: drop the constraint and the blanks before it
            let from = req.specStart;
            while (from > req.extrasEnd && /[ \t]/.test(text[from - 1]!)) from--;
            const parens = text[from - 1] === "(" && text[req.specEnd] === ")";
            if (parens) {
              from--;
              while (from > req.extrasEnd && /[ \t]/.test(text[from - 1]!)) from--;
            }
            edits.push({ start: docEnd(from), end: docEnd(req.specEnd + (parens ? 1 : 0)), text: "" });
          } else {
            edits.push({ start: toDoc(req.specStart), end: docEnd(req.specEnd), text: u.spec });
          }
        } else {
          insertAfterName += u.spec;
        }
      }
      if (insertAfterName !== "") {
        const at = docEnd(req.extrasEnd > req.extrasStart ? req.extrasEnd : req.nameEnd);
        edits.push({ start: at, end: at, text: insertAfterName });
      }
      return edits;
    },
  };
}

/** An entry that is only reported, never edited (a URL, path or editable install): it carries its blocker. */
export function blockedEntry(name: string, start: number, end: number, removal: Removal, reason: string): DepEntry {
  return {
    name: normalizeName(name),
    ecosystem: "pypi",
    dialect: "pep440",
    start,
    end,
    extras: [],
    condition: "",
    spec: "",
    blocker: { reason },
    removal,
    update: () => [],
  };
}
