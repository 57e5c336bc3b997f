import { ArgumentEdits } from "../../command-calls/arguments.js";
import { flagUses } from "../../command-calls/flags.js";
import { atLeast, commandCalls, type CommandCall } from "../../command-calls/receiver.js";
import { usesOf, type Use } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, unparenthesize } from "../../syntax.js";
import { keysAndArgsEdits } from "./numkeys.js";

const WHY = "redis-py's `eval`/`evalsha` take `numkeys` and then the keys and arguments flat (`eval(script, 1, key, arg)`), not `keys=[...]`/`args=[...]` lists.";
const PRINTING = /^(print|str|repr|json\.dumps|\w+\.(info|debug|warning|error|write))$/;

/**
 * aioredis 1.x `eval(script, keys=[], args=[])` / `evalsha(digest, keys=[], args=[])` → redis-py
 * `eval(script, numkeys, *keys, *args)` (reference §5.9). Literal lists are inlined with a literal count; names
 * become `len(keys), *keys, *args`. `script_load` now replies str and `script_exists` booleans: uses that show the
 * difference are reported.
 */
export default defineRule({
  id: "eval-keys-args",
  description: "`eval(s, keys=[…], args=[…])` / `evalsha(…)` → `eval(s, numkeys, *keys, *args)`; `script_load`/`script_exists` reply types",
  phase: "code",
  triggers: ["eval", "script_load", "script_exists"],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["eval", "evalsha", "script_load", "script_exists"]))) {
      if (call.parts.method === "script_load") flagScriptLoad(ctx, call);
      else if (call.parts.method === "script_exists") flagScriptExists(ctx, call);
      else migrateEval(ctx, call);
    }
  },
});

function migrateEval(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  if (parts.hasSplat || parts.positional.length === 0 || parts.positional.length > 3) return;
  const keysKw = parts.keywords.get("keys");
  const argsKw = parts.keywords.get("args");
  if ([...parts.keywords.keys()].some((k) => k !== "keys" && k !== "args")) return;
  const second = parts.positional[1];
  // which shapes are aioredis 1.x only: keywords, a list where redis-py wants numkeys, or no numkeys at all
  const listSecond = second !== undefined && ["list", "tuple"].includes(unparenthesize(second).type);
  const oldShape = keysKw !== undefined || argsKw !== undefined || listSecond || parts.positional.length === 1;
  if (!atLeast(call.trust, oldShape ? "repository" : "known")) return;
  if (second && unparenthesize(second).type === "integer") return; // already `eval(s, numkeys, ...)`
  if ((keysKw && second) || (argsKw && parts.positional[2])) return; // TypeError in aioredis too
  const keys = keysKw ?? second ?? null;
  const args = argsKw ?? parts.positional[2] ?? null;
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  const impure = keysAndArgsEdits(edits, parts.positional[0]!, keys, args, ctx.source.text);
  if (impure) {
    ctx.manual({
      node: parts.call,
      what: "redis-py's `eval`/`evalsha` need the number of keys before the keys, and the keys here come from an expression that should not run twice: store it in a variable first.",
      suggestion: `keys = ${impure.text}\nawait ${parts.receiver.text}.${parts.method}(${parts.positional[0]!.text}, len(keys), *keys${args ? `, *${valueOf(args).text}` : ""})`,
    });
    return;
  }
  ctx.rewrite(edits.build(), WHY);
}

function valueOf(node: SyntaxNode): SyntaxNode {
  return node.type === "keyword_argument" ? keywordValue(node) : node;
}

/** `script_load` replied the SHA1 as bytes in aioredis and replies str in redis-py (also without decode_responses). */
function flagScriptLoad(ctx: RuleContext, call: CommandCall): void {
  if (!call.awaited || !atLeast(call.trust, "module")) return;
  const visible = (u: Use): boolean =>
    (u.kind === "method" && u.detail === "decode") ||
    (u.kind === "compare" && /(^|[^\w])[bB]['"]/.test(u.site.text)) ||
    (u.kind === "call-arg" && u.detail === "bytes.decode");
  flagUses(
    ctx,
    usesOf(call.awaited).filter(visible),
    "`script_load` replies the SHA1 as str in redis-py (aioredis replied bytes): drop the decoding / compare with a str.",
    (u) => (u.kind === "method" ? u.node.text : u.site.text.replace(/(^|[^\w])[bB](['"])/g, "$1$2")),
  );
}

/** `script_exists` replied `[1, 0]` in aioredis and replies `[True, False]` in redis-py: equal under `==`, not when printed. */
function flagScriptExists(ctx: RuleContext, call: CommandCall): void {
  if (!call.awaited || !atLeast(call.trust, "module")) return;
  const visible = (u: Use): boolean => u.kind === "format" || (u.kind === "call-arg" && PRINTING.test(u.detail));
  flagUses(
    ctx,
    usesOf(call.awaited).filter(visible),
    "`script_exists` replies booleans in redis-py where aioredis replied 1/0: this printed or serialized value changes.",
    (u) => `[int(x) for x in ${u.node.text}]`,
  );
}
