import type { Use } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";
import { elementUses, patternSlots } from "../../command-calls/uses.js";

/** GeoMember's fields in aioredis 1.x, always all four (absent ones are None). */
const FIELDS = ["member", "dist", "hash", "coord"] as const;
type Field = (typeof FIELDS)[number];
const POINT = ["longitude", "latitude"];

/** The `with…` flags of a georadius call: true/false when literal, null when only known at run time. */
export interface Flags {
  readonly dist: boolean | null;
  readonly hash: boolean | null;
  readonly coord: boolean | null;
}

/** Where a field sits in redis-py's row (`[member, dist?, hash?, coord?]`), or null when it is not there / unknown. */
function newIndex(field: Field, flags: Flags): number | null {
  if (field === "member") return 0;
  let i = 1;
  for (const f of ["dist", "hash", "coord"] as const) {
    const on = flags[f];
    if (on === null) return null;
    if (f === field) return on ? i : null;
    if (on) i++;
  }
  return null;
}

export interface MemberUse {
  readonly use: Use;
  /** The code that replaces `replaced` (the attribute, subscript or unpacking). */
  readonly suggestion: string;
  readonly replaced: SyntaxNode;
}

/** Element uses that read a GeoMember by name or by its 1.x position, and where that data is in redis-py's rows. */
export function memberUses(resultUses: readonly Use[], flags: Flags): MemberUse[] {
  const out: MemberUse[] = [];
  for (const e of elementUses(resultUses)) {
    if (e.kind === "attribute" && (FIELDS as readonly string[]).includes(e.detail)) {
      const i = newIndex(e.detail as Field, flags);
      out.push({ ...pointSuffix(i === null ? "None" : `${e.node.text}[${i}]`, e), use: e });
    } else if (e.kind === "index" && /^[0-3]$/.test(e.detail)) {
      const field = FIELDS[Number(e.detail)]!;
      const i = newIndex(field, flags);
      if (i !== Number(e.detail)) out.push({ use: e, suggestion: i === null ? "None" : `${e.node.text}[${i}]`, replaced: e.site });
    } else if (e.kind === "unpack" && e.target) {
      const wanted = 1 + [flags.dist, flags.hash, flags.coord].filter((f) => f === true).length;
      if (patternSlots(e.target).length !== wanted || [flags.dist, flags.hash, flags.coord].includes(null)) {
        const slots = patternSlots(e.target);
        const names = FIELDS.map((f, i) => (f === "member" || flags[f] !== false ? (slots[i]?.text ?? f) : null)).filter((n) => n !== null);
        out.push({ use: e, suggestion: `${names.join(", ")} = ${e.node.text}`, replaced: e.site });
      }
    }
  }
  return out;
}

/** `m.coord.latitude` → `m[2][1]`: the point inside the row is a plain `(lon, lat)` tuple too. */
function pointSuffix(row: string, use: Use): { suggestion: string; replaced: SyntaxNode } {
  const outer = use.site.parent;
  if (outer?.type === "attribute" && outer.childForFieldName("object")?.id === use.site.id) {
    const attr = outer.childForFieldName("attribute")?.text ?? "";
    if (POINT.includes(attr)) return { suggestion: row === "None" ? "None" : `${row}[${POINT.indexOf(attr)}]`, replaced: outer };
  }
  return { suggestion: row, replaced: use.site };
}

/** `p.longitude` / `p.latitude` on a geopos point → `p[0]` / `p[1]`. */
export function pointUses(resultUses: readonly Use[]): MemberUse[] {
  return elementUses(resultUses)
    .filter((e) => e.kind === "attribute" && POINT.includes(e.detail))
    .map((e) => ({ use: e, suggestion: `${e.node.text}[${POINT.indexOf(e.detail)}]`, replaced: e.site }));
}
