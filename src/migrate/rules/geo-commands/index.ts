import { ArgumentEdits } from "../../command-calls/arguments.js";
import { flagUses, reportByStatement, siteWith } from "../../command-calls/flags.js";
import { boolLiteral, stringLiteral } from "../../command-calls/literals.js";
import { atLeast, commandCalls, guarded, type CommandCall } from "../../command-calls/receiver.js";
import { elementUses, usesOf, type Use } from "../../command-calls/uses.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, unparenthesize } from "../../syntax.js";
import { clientEncoding } from "../call-encoding/client.js";
import { memberUses, pointUses, type Flags, type MemberUse } from "./members.js";

const RADIUS = new Set(["georadius", "georadiusbymember"]);
const WITH: Readonly<Record<string, keyof Flags>> = { with_dist: "dist", with_hash: "hash", with_coord: "coord" };

const MEMBER_WHAT =
  "Geo results are plain lists and tuples in redis-py: each row is `[member, dist?, hash?, (lon, lat)?]` with only the requested fields, so aioredis' `GeoMember` attributes and positions do not exist.";
const POINT_WHAT = "`geopos` returns plain `(longitude, latitude)` tuples in redis-py; aioredis' `GeoPoint` had `.longitude`/`.latitude`.";
const HASH_WHAT = "`geohash` returns `str` in redis-py (aioredis 1.x returned bytes), so this code sees a different type.";
const PRINTED_HASH_WHAT =
  "`geohash` returns `str` in redis-py (aioredis 1.x returned bytes), so this printed or logged text changes (`'sqc8b49rny0'` instead of `b'sqc8b49rny0'`): keep it if nothing reads the old text, or encode the hashes.";
const PRINTING = /^(print|str|repr|json\.dumps|\w+\.(info|debug|warning|error|write))$/;

/**
 * Geo commands: `geoadd(k, lon, lat, member, …)` → `geoadd(k, [lon, lat, member, …])`; georadius keywords
 * `with_dist`/`with_hash`/`with_coord` → `withdist`/`withhash`/`withcoord`. Results lost their namedtuples
 * (`GeoPoint`, `GeoMember`) and `geohash` returns str: code reading them by attribute, by 1.x position, or decoding
 * them is reported with the equivalent index-based code.
 */
export default defineRule({
  id: "geo-commands",
  description: "`geoadd(k, lon, lat, m)` → `geoadd(k, [lon, lat, m])`; georadius `with_*=` → `with*=`; GeoPoint/GeoMember/geohash uses",
  phase: "code",
  triggers: ["geoadd(", "georadius", "geopos(", "geohash("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["geoadd", "geopos", "geohash", ...RADIUS]))) {
      if (!call.trust) continue;
      const m = call.parts.method;
      guarded(ctx, call, () => {
        if (m === "geoadd") geoadd(ctx, call);
        else if (RADIUS.has(m)) georadius(ctx, call);
        else if (call.awaited && m === "geopos") report(ctx, pointUses(usesOf(call.awaited)), POINT_WHAT);
        else if (call.awaited) geohash(ctx, call);
      });
    }
  },
});

function geoadd(ctx: RuleContext, call: CommandCall): void {
  const pos = call.parts.positional;
  const values = pos.slice(1);
  if (values.length === 0 || ["list", "tuple"].includes(unparenthesize(values[0]!).type)) return; // redis-py's shape
  const splat = values.some((v) => v.type === "list_splat");
  if (!splat && values.length < 3) return;
  if (!atLeast(call.trust, values.length >= 3 && !splat ? "repository" : "module")) return;
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  edits.insertAt(values[0]!.startIndex, "[").insertAt(values[values.length - 1]!.endIndex, "]");
  ctx.rewrite(edits.build(), "redis-py's `geoadd` takes the longitude, latitude, member triples as one list; aioredis 1.x took them as separate arguments (redis-py would read them as `nx`/`xx`).");
}

function georadius(ctx: RuleContext, call: CommandCall): void {
  const edits = new ArgumentEdits(call.parts.args, ctx.source.text);
  const flags: { dist: boolean | null; hash: boolean | null; coord: boolean | null } = { dist: false, hash: false, coord: false };
  for (const [old, field] of Object.entries(WITH)) {
    const kw = call.parts.keywords.get(old) ?? call.parts.keywords.get(old.replace("_", ""));
    if (!kw) continue;
    flags[field] = boolLiteral(keywordValue(kw));
    edits.renameKeyword(kw, old.replace("_", ""));
  }
  const renamed = !edits.isEmpty;
  if (renamed) ctx.rewrite(edits.build(), "redis-py spells georadius' flags `withdist`, `withhash`, `withcoord` (aioredis 1.x: `with_dist`, …).");
  if (!call.awaited || (!renamed && !atLeast(call.trust, "module"))) return;
  if (flags.dist === false && flags.hash === false && flags.coord === false) return; // plain member names in both
  report(ctx, memberUses(usesOf(call.awaited), flags), MEMBER_WHAT);
}

function report(ctx: RuleContext, uses: readonly MemberUse[], what: string): void {
  reportByStatement(ctx, uses.map((u) => ({ use: u.use, replacement: { node: u.replaced, text: u.suggestion } })), what);
}

/**
 * Hashes decoded or compared with bytes are reported; so are printed ones, unless the client (or the call's
 * `encoding=`) decoded them in 1.x already.
 */
function geohash(ctx: RuleContext, call: CommandCall): void {
  const uses = usesOf(call.awaited!);
  flagUses(ctx, hashUses(uses), HASH_WHAT, hashSuggestion);
  const decoded = call.parts.keywords.has("encoding") || !["bytes", null].includes(clientEncoding(ctx, call.parts.receiver));
  if (decoded) return;
  // the old text back (a missing member's hash is None): `print(codes)` → `print([h and h.encode() for h in codes])`
  flagUses(ctx, uses.filter(printed), PRINTED_HASH_WHAT, (u) => siteWith(u, `[h and h.encode() for h in ${u.node.text}]`));
  flagUses(ctx, elementUses(uses).filter(printed), PRINTED_HASH_WHAT, (u) => siteWith(u, `(${u.node.text} and ${u.node.text}.encode())`));
}

/** Printed, formatted (`f"{codes}"`) or logged. */
function printed(u: Use): boolean {
  return u.kind === "format" || (u.kind === "call-arg" && PRINTING.test(u.detail));
}

/** `h.decode()` → `h`; `codes == [b"x"]` → `codes == ["x"]`. */
function hashSuggestion(u: Use): string {
  return u.kind === "method" ? u.node.text : u.site.text.replace(/\bb(["'])/g, "$1");
}

/** Hashes decoded (`h.decode()`) or compared with bytes: either the list or one of its items. */
function hashUses(uses: readonly Use[]): Use[] {
  const bytesCompare = (u: Use): boolean => u.kind === "compare" && u.site.namedChildren.some((c) => stringLiteral(c)?.bytes || c.type === "list");
  const items = elementUses(uses);
  return [...uses.filter(bytesCompare), ...items.filter((u) => (u.kind === "method" && u.detail === "decode") || bytesCompare(u))];
}
