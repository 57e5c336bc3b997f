import { ArgumentEdits } from "../../command-calls/arguments.js";
import { flagUses, siteWith } from "../../command-calls/flags.js";
import { atLeast, commandCalls, usesAioredis, type CommandCall } from "../../command-calls/receiver.js";
import { usesOf } from "../../command-calls/uses.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue } from "../../syntax.js";
import { isOwnMethod, renameMethod } from "../../command-rewrites/methods.js";
import { pairsToMapping, zipPairs } from "../../command-rewrites/pairs.js";

const WHY_HSET = "redis-py writes several hash fields with `hset(name, mapping={...})`; aioredis' `hmset`/`hmset_dict` are gone (redis-py's own `hmset` is deprecated).";
const WHY_AMOUNT = "redis-py calls the increment `amount=`.";

/**
 * aioredis 1.x hash writes (reference §5.3): `hmset_dict(key, d, **kw)` and `hmset(key, f, v, *pairs)` →
 * `hset(key, mapping=...)`, whose reply is the number of new fields instead of True; `hincrby`/`hincrbyfloat`
 * `increment=` → `amount=`.
 */
export default defineRule({
  id: "hash-mapping",
  description: "`hmset_dict(k, d, **kw)` / `hmset(k, f, v, …)` → `hset(k, mapping={…})`; `hincrby(increment=)` → `amount=`",
  phase: "code",
  triggers: ["hmset", "increment"],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["hmset_dict", "hmset", "hincrby", "hincrbyfloat"]))) {
      const { method } = call.parts;
      if (method === "hmset_dict") {
        if (usesAioredis(ctx) && !isOwnMethod(call.parts)) hmsetDict(ctx, call); // exists only in aioredis 1.x
      } else if (method === "hmset") hmset(ctx, call);
      else if (call.parts.keywords.has("increment") && atLeast(call.trust, "repository")) {
        const edits = new ArgumentEdits(call.parts.args, ctx.source.text).renameKeyword(call.parts.keywords.get("increment")!, "amount");
        ctx.rewrite(edits.build(), WHY_AMOUNT);
      }
    }
  },
});

/** `hmset_dict(k, d)` → `hset(k, mapping=d)`; `hmset_dict(k, d, a=1)` → `hset(k, mapping={**d, "a": 1})`. */
function hmsetDict(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const [key, ...rest] = parts.positional;
  if (!key || key.type === "list_splat") return;
  const named = parts.args.namedChildren.filter((c) => c.type === "keyword_argument" || c.type === "dictionary_splat");
  if (rest.some((r) => r.type === "list_splat") || rest.length > 1 || named.some((k) => k.childForFieldName("name")?.text === "key")) {
    ctx.manual({
      node: parts.call,
      what: "redis-py writes hash fields with `hset(name, mapping={...})`, and the fields here come in a shape aioredis' `hmset_dict` handled at run time: build the mapping by hand.",
      suggestion: `${parts.receiver.text}.hset(${key.text}, mapping={...})`,
    });
    return;
  }
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  const dict = rest[0];
  if (named.length === 0 && dict) edits.insertAt(dict.startIndex, "mapping=");
  else if (!dict && named.length === 1 && named[0]!.type === "dictionary_splat") {
    edits.replaceRange(named[0]!.startIndex, named[0]!.startIndex + 2, "mapping=");
  } else if (named.length > 0) {
    // keyword arguments become entries of one dict literal (they win over the dict's keys, as in aioredis)
    for (const kw of named) {
      if (kw.type !== "keyword_argument") continue;
      const name = kw.childForFieldName("name")!;
      edits.replaceRange(kw.startIndex, keywordValue(kw).startIndex, `"${name.text}": `);
    }
    const literal = dict && dict.type === "dictionary" && dict.namedChildren.some((c) => c.type !== "comment") ? dict : null;
    if (literal) {
      // `{"a": 1}, b=2` → `mapping={"a": 1, "b": 2}`: the dict literal stays open; its `}` moves to the end
      const close = literal.child(literal.childCount - 1)!;
      const trailing = close.previousSibling?.type === "," ? close.previousSibling : null;
      edits.insertAt(literal.startIndex, "mapping=");
      edits.replaceRange(trailing ? trailing.startIndex : close.startIndex, close.endIndex, "");
    } else edits.insertAt((dict ?? named[0]!).startIndex, dict ? "mapping={**" : "mapping={");
    edits.insertAt(named[named.length - 1]!.endIndex, "}");
  } else return;
  ctx.rewrite([renameMethod(call.parts, "hset"), ...edits.build()], WHY_HSET);
  flagTrueReply(ctx, call, edits);
}

/** `hmset(k, f1, v1, f2, v2)` → `hset(k, mapping={f1: v1, f2: v2})`; redis-py's own `hmset(name, mapping)` is left alone. */
function hmset(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const pos = parts.positional;
  const splat = pos.find((p) => p.type === "list_splat");
  if (splat) {
    if (!atLeast(call.trust, "module") || pos[0] === splat) return;
    const rest = pos.slice(1);
    const items = rest.map((p) => (p.type === "list_splat" ? `*${p.namedChild(0)!.text}` : p.text));
    const mapping = rest.length === 1 ? zipPairs(splat.namedChild(0)!.text) : zipPairs(`[${items.join(", ")}]`);
    ctx.manual({
      node: parts.call,
      what: "redis-py writes hash fields with `hset(name, mapping={...})`, and the field/value pairs here come from a `*` argument: build the mapping from them.",
      suggestion: `${parts.receiver.text}.hset(${pos[0]!.text}, mapping=${mapping})`,
    });
    return;
  }
  if (pos.length < 3 || parts.hasSplat || !atLeast(call.trust, "repository")) return; // 2 arguments: redis-py's own hmset
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  if (!pairsToMapping(edits, pos.slice(1), "mapping={")) return; // odd count: aioredis raised TypeError too
  ctx.rewrite([renameMethod(call.parts, "hset"), ...edits.build()], WHY_HSET);
  flagTrueReply(ctx, call, edits);
}

/** aioredis' `hmset`/`hmset_dict` replied True; `hset` replies with the number of new fields (0 when all existed). */
function flagTrueReply(ctx: RuleContext, call: CommandCall, edits: ArgumentEdits): void {
  if (!call.awaited) return;
  const newCall = `await ${call.parts.receiver.text}.hset${edits.preview(call.parts.args)}`;
  flagUses(
    ctx,
    usesOf(call.awaited),
    "`hset` replies with the number of fields it added (0 when they all existed), where `hmset`/`hmset_dict` replied True: this use of the reply may change.",
    // run the call on its own and use True where the old reply was used
    (use) => (use.node.text.includes(call.parts.call.text) ? newCall : firstLine(siteWith(use, "True"))),
  );
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.trimEnd();
}
