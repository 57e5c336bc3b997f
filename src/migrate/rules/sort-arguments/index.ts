import { ArgumentEdits } from "../../command-calls/arguments.js";
import { operand } from "../../command-calls/literals.js";
import { atLeast, commandCalls, type CommandCall } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, unparenthesize } from "../../syntax.js";

const WHY = "redis-py's `sort` takes GET patterns as `get=[...]`, the LIMIT as `start=`/`num=` and the order as `desc=`.";

/**
 * aioredis 1.x `sort(key, *get_patterns, by=, offset=, count=, asc=, alpha=, store=)` → redis-py
 * `sort(name, start=, num=, by=, get=[...], desc=, alpha=, store=)` (reference §5.1).
 */
export default defineRule({
  id: "sort-arguments",
  description: "`sort(key, *patterns, offset=, count=, asc=)` → `sort(key, get=[...], start=, num=, desc=)`",
  phase: "code",
  triggers: ["sort("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["sort"]))) migrate(ctx, call);
  },
});

function migrate(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const [key, ...patterns] = parts.positional;
  if (!key || key.type === "list_splat") return;
  const offset = parts.keywords.get("offset");
  const count = parts.keywords.get("count");
  const asc = parts.keywords.get("asc");
  // string patterns and these keywords are invalid in redis-py; other positional values could be `start`, `num`
  const oldShape = !!(offset || count || asc) || (patterns.length > 0 && patterns.every(isText));
  if (!oldShape && patterns.length === 0) return;
  if (patterns.some((p) => ["integer", "float", "unary_operator", "none"].includes(unparenthesize(p).type))) return; // `sort(k, 0, 5)`: start, num
  if (!atLeast(call.trust, oldShape ? "repository" : "known") || (!oldShape && ctx.facts.flavour !== "1.x")) return;
  if (parts.keywords.has("get") || parts.keywords.has("start") || parts.keywords.has("desc")) return;
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  if (patterns.length > 0) {
    // positional patterns come right after the key; as `get=[...]` they stay in place, before the keywords
    edits.insertAt(patterns[0]!.startIndex, "get=[");
    edits.insertAt(patterns[patterns.length - 1]!.endIndex, "]");
  }
  if (offset && count) {
    edits.renameKeyword(offset, "start").renameKeyword(count, "num");
  } else if (offset || count) {
    // aioredis sent no LIMIT unless both were given; redis-py raises DataError for one alone
    const lone = (offset ?? count)!;
    edits.remove(lone);
    ctx.manual({
      node: lone,
      what: `aioredis ignored \`${lone.childForFieldName("name")!.text}=\` without its partner (no LIMIT was sent), so it was removed: add \`start=\` and \`num=\` if a LIMIT was meant.`,
      suggestion: `start=${offset ? keywordValue(offset).text : "0"}, num=${count ? keywordValue(count).text : "-1"}`,
    });
  }
  if (asc) ascToDesc(edits, asc);
  ctx.rewrite(edits.build(), WHY);
}

/** A string expression: a literal or f-string, `PREFIX + "x:*"`, `"%s:*" % name`, `"{}:*".format(name)`. */
function isText(node: SyntaxNode): boolean {
  const n = unparenthesize(node);
  if (n.type === "string" || n.type === "concatenated_string") return true;
  if (n.type === "binary_operator") {
    const op = n.childForFieldName("operator")!.text;
    return (op === "+" && (isText(n.childForFieldName("left")!) || isText(n.childForFieldName("right")!))) ||
      (op === "%" && isText(n.childForFieldName("left")!));
  }
  const fn = n.type === "call" ? n.childForFieldName("function") : null;
  return fn?.type === "attribute" && fn.childForFieldName("attribute")!.text === "format" && isText(fn.childForFieldName("object")!);
}

/** aioredis sent ASC only for `asc=True`, nothing for `None`, DESC for any other value. */
function ascToDesc(edits: ArgumentEdits, asc: SyntaxNode): void {
  const value = unparenthesize(keywordValue(asc));
  if (value.type === "true" || value.type === "none") edits.remove(asc);
  else if (value.type === "false") edits.replace(asc, "desc=True");
  else edits.replace(asc, `desc=${operand(value)} is False`);
}
