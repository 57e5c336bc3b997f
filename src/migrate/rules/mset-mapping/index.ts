import { ArgumentEdits } from "../../command-calls/arguments.js";
import { flagUses } from "../../command-calls/flags.js";
import { atLeast, commandCalls, type CommandCall } from "../../command-calls/receiver.js";
import { usesOf, type Use } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { unparenthesize } from "../../syntax.js";
import { pairsToMapping, zipPairs } from "../../command-rewrites/pairs.js";

const WHY = "redis-py's `mset`/`msetnx` take one `{key: value}` mapping instead of key, value pairs.";
const PRINTING = /^(print|str|repr|json\.dumps|\w+\.(info|debug|warning|error|write))$/;

/**
 * aioredis 1.x `mset(k1, v1, k2, v2, …)` and `msetnx(k, v, *pairs)` → `mset({k1: v1, …})` / `msetnx({…})`
 * (reference §5.2). `mset({...})` already has the redis-py shape. `msetnx` now replies True/False instead of 1/0.
 */
export default defineRule({
  id: "mset-mapping",
  description: "`mset(k1, v1, k2, v2)` / `msetnx(k, v, …)` → `mset({k1: v1, k2: v2})` / `msetnx({…})`",
  phase: "code",
  triggers: ["mset(", "msetnx("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["mset", "msetnx"]))) migrate(ctx, call);
  },
});

function migrate(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const pos = parts.positional;
  if (parts.keywords.size > 0 || parts.args.namedChildren.some((c) => c.type === "dictionary_splat")) return;
  const splat = pos.some((p) => p.type === "list_splat");
  if (splat) {
    if (!atLeast(call.trust, "module")) return;
    const items = pos.map((p) => (p.type === "list_splat" ? `*${p.namedChild(0)!.text}` : p.text));
    const mapping = pos.length === 1 ? zipPairs(pos[0]!.namedChild(0)!.text) : zipPairs(`[${items.join(", ")}]`);
    ctx.manual({
      node: parts.call,
      what: `redis-py's \`${parts.method}\` takes one \`{key: value}\` mapping, and the pairs here come from a \`*\` argument: build the mapping from them.`,
      suggestion: `${parts.receiver.text}.${parts.method}(${mapping})`,
    });
    return;
  }
  // one argument is `mset({...})` (both libraries); pairs are invalid in redis-py, so a client-like name suffices
  if (pos.length < 2 || !atLeast(call.trust, "repository")) return;
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  if (!pairsToMapping(edits, pos)) return; // an odd count raised TypeError in aioredis as well
  ctx.rewrite(edits.build(), WHY);
  if (parts.method === "msetnx" && call.awaited) flagIntReply(ctx, call.awaited, edits);
}

/** `msetnx` replied 1/0 in aioredis and True/False in redis-py: only identity checks and printed text differ. */
function flagIntReply(ctx: RuleContext, awaited: SyntaxNode, edits: ArgumentEdits): void {
  const visible = (u: Use): boolean => {
    if (u.kind === "format") return true;
    if (u.kind === "call-arg") return PRINTING.test(u.detail);
    if (u.kind !== "compare") return false;
    const op = u.site.childForFieldName("operators")?.text.replace(/\s+/g, " ");
    const other = u.site.namedChildren.find((c) => c.id !== u.node.id && unparenthesize(c).type === "integer");
    return (op === "is" || op === "is not") && other !== undefined;
  };
  flagUses(
    ctx,
    usesOf(awaited).filter(visible),
    "`msetnx` replies True/False in redis-py where aioredis replied 1/0: this use shows the difference.",
    (u) => (u.kind === "compare" ? edits.preview(u.site).replace(/\bis not 0\b|\bis 1\b/, "is True").replace(/\bis 0\b|\bis not 1\b/, "is False") : `int(${edits.preview(u.node)})`),
  );
}
