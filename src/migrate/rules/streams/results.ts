import type { Finding } from "../../command-calls/flags.js";
import { stringLiteral } from "../../command-calls/literals.js";
import type { Use } from "../../command-calls/uses.js";
import { elementUses, patternSlots } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";

const SHOWS_SHAPE = new Set(["len", "list", "sorted", "print", "str", "repr", "json.dumps", "enumerate", "zip", "iter"]);

function dependsOnShape(u: Use): boolean {
  if (["iterate", "unpack", "index", "slice", "format"].includes(u.kind)) return true;
  return u.kind === "call-arg" && SHOWS_SHAPE.has(u.detail);
}

/** The text of a node as migrated (the command call inside it rewritten). */
export type MigratedText = (node: SyntaxNode) => string;

/** Code that reads xread's flat `(stream, id, fields)` rows: nested loops for a loop, else the rows flattened back. */
export function flatReadUses(uses: readonly Use[], migrated: MigratedText): Finding[] {
  return uses.filter(dependsOnShape).map((u) => {
    const v = migrated(u.node);
    const slots = u.kind === "iterate" && u.target ? patternSlots(u.target) : [];
    if (slots.length === 3 && slots.every((s) => s !== null)) {
      const [stream, id, fields] = slots.map((s) => s!.text);
      return { use: u, suggestion: `for ${stream}, messages in ${v}:\n    for ${id}, ${fields} in messages:` };
    }
    const flat = `[(stream, message_id, fields) for stream, messages in ${v} for message_id, fields in messages]`;
    return { use: u, replacement: { node: u.node, text: flat } };
  });
}

const SUMMARY_KEYS = ["pending", "min", "max", "consumers"];
const RANGE_KEYS = ["message_id", "consumer", "time_since_delivered", "times_delivered"];

/** `xpending` summary (`res[0]`, unpacking) or `xpending_range` rows (`row[2]`) read by aioredis' positions. */
export function pendingUses(uses: readonly Use[], range: boolean, migrated: MigratedText): Finding[] {
  const keys = range ? RANGE_KEYS : SUMMARY_KEYS;
  const out: Finding[] = [];
  for (const u of range ? elementUses(uses) : uses) {
    const v = migrated(u.node);
    if (u.kind === "index" && /^[0-3]$/.test(u.detail)) {
      out.push({ use: u, replacement: { node: u.site, text: `${v}["${keys[Number(u.detail)]}"]` } });
    } else if (u.kind === "unpack" && u.target) {
      out.push({ use: u, suggestion: `${u.target.text} = ${keys.map((k) => `${v}["${k}"]`).join(", ")}` });
    } else if (!range && dependsOnShape(u)) {
      out.push({ use: u, suggestion: keys.map((k) => `${v}["${k}"]`).join(", ") });
    }
  }
  // `for message_id, consumer, idle, times in rows`: each row is a dict now
  if (range) {
    for (const u of uses) {
      if (u.kind !== "iterate" || !u.target || patternSlots(u.target).length < 2) continue;
      const names = patternSlots(u.target).map((s, i) => (s ? `${s.text} = row["${keys[i]}"]` : null)).filter((x) => x);
      out.push({ use: u, suggestion: `for row in ${migrated(u.node)}:\n    ${names.join("\n    ")}` });
    }
  }
  return out;
}

/** XINFO dicts read with bytes keys (`info[b"length"]`, `info.get(b"groups")`, `b"x" in info`): the keys are str now. */
export function bytesKeyUses(uses: readonly Use[], perElement: boolean): Finding[] {
  const out: Finding[] = [];
  for (const u of perElement ? elementUses(uses) : uses) {
    const key = bytesKeyOf(u);
    if (key) out.push({ use: u, replacement: { node: key, text: key.text.replace(/^[bB]/, "") } });
  }
  return out;
}

function bytesKeyOf(u: Use): SyntaxNode | null {
  const isBytes = (n: SyntaxNode | null | undefined): SyntaxNode | null => (n && stringLiteral(n)?.bytes ? n : null);
  if (u.kind === "index") return isBytes(u.site.childForFieldName("subscript"));
  if (u.kind === "method" && ["get", "pop"].includes(u.detail)) return isBytes(u.site.childForFieldName("arguments")?.namedChild(0));
  if (u.kind === "compare") return u.site.namedChildren.map((c) => isBytes(c)).find((c) => c) ?? null;
  return null;
}

/** `xgroup_destroy` returned False in aioredis 1.x (a bug) and True now: code that tests it sees the flip. */
export function destroyUses(uses: readonly Use[]): Finding[] {
  return uses
    .filter((u) => ["truth", "compare", "format", "call-arg"].includes(u.kind))
    .map((u) => ({ use: u, suggestion: `${u.node.text}  # True when the group was destroyed (aioredis 1.x always returned False)` }));
}
