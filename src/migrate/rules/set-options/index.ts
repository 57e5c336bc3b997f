import { ArgumentEdits } from "../../command-calls/arguments.js";
import { constantName, operand } from "../../command-calls/literals.js";
import { atLeast, commandCalls, type CommandCall } from "../../command-calls/receiver.js";
import { usesOf } from "../../command-calls/uses.js";
import { renameMethod } from "../../command-rewrites/methods.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue, stringLiteralValue, unparenthesize } from "../../syntax.js";
import { knownInt, millisecondsText, numberKind } from "./ttl.js";

const WHY_SET = "redis-py's `set` takes `ex=`/`px=`/`nx=True`/`xx=True` instead of aioredis' `expire=`/`pexpire=`/`exist=`.";
const WHY_FLOAT = "aioredis sent a float TTL as milliseconds (P-command); redis-py sends the float and Redis rejects it.";
/** `timedelta(...)`/`datetime(...)` TTLs: aioredis raised TypeError for them, redis-py accepts them. */
const NOT_A_NUMBER = /^(datetime\.)?(timedelta|datetime)\(/;
const EXIST: Record<string, string> = { SET_IF_NOT_EXIST: "nx=True", SET_IF_EXIST: "xx=True" };

/**
 * aioredis 1.x `set(key, value, *, expire=0, pexpire=0, exist=None)` → redis-py `set(name, value, ex=, px=, nx=, xx=)`
 * (reference §5.2), and the float-seconds conversions 1.x did silently in `setex`, `expire`, `expireat` (§5.1).
 */
export default defineRule({
  id: "set-options",
  description: "`set(expire=, pexpire=, exist=)` → `set(ex=, px=, nx=True/xx=True)`; float TTLs → millisecond commands",
  phase: "code",
  triggers: ["set(", "setex(", "expire(", "expireat("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set(["set", "setex", "expire", "expireat"]))) {
      // every shape handled here is invalid in redis-py, so a client-like name is enough
      if (!atLeast(call.trust, "repository")) continue;
      if (call.parts.method === "set") migrateSet(ctx, call);
      else migrateFloatTtl(ctx, call);
    }
  },
});

function migrateSet(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const expire = parts.keywords.get("expire");
  const pexpire = parts.keywords.get("pexpire");
  const exist = parts.keywords.get("exist");
  if (!expire && !pexpire && !exist) return;
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  const nonZero = (kw: SyntaxNode | undefined): boolean => kw !== undefined && knownInt(keywordValue(kw)) !== 0;
  if (nonZero(expire) && nonZero(pexpire) && knownInt(keywordValue(pexpire!)) === null) {
    // aioredis let a non-zero pexpire= replace expire=; which one wins is only known at run time
    const [e, p] = [keywordValue(expire!).text, keywordValue(pexpire!).text];
    ctx.manual({
      node: expire!,
      what: "aioredis ignored `expire=` whenever `pexpire=` was non-zero, and redis-py rejects `ex=` together with `px=`: keep one of them.",
      suggestion: `px=${p} or None, ex=None if ${p} else (${e} or None)`,
    });
  } else {
    if (expire && nonZero(pexpire)) edits.remove(expire);
    else if (expire) ttl(ctx, edits, expire, "ex");
    if (pexpire) ttl(ctx, edits, pexpire, "px");
  }
  if (exist) existFlag(ctx, edits, exist);
  if (!edits.isEmpty) ctx.rewrite(edits.build(), WHY_SET);
  if (exist && unparenthesize(keywordValue(exist)).type !== "none") reportFalseChecks(ctx, call, edits);
}

/** `expire=10` → `ex=10`; `expire=0` → dropped (0 meant "no TTL"); `expire=ttl` → `ex=ttl or None`. */
function ttl(ctx: RuleContext, edits: ArgumentEdits, kw: SyntaxNode, name: "ex" | "px"): void {
  const value = keywordValue(kw);
  const constant = knownInt(value);
  if (constant === 0) {
    edits.remove(kw);
    return;
  }
  edits.renameKeyword(kw, name);
  if (constant !== null) return;
  if (numberKind(value) === "float") {
    ctx.manual({
      node: kw,
      what: `A float \`${kw.childForFieldName("name")!.text}=\` raised TypeError in aioredis and raises DataError in redis-py: pass whole ${name === "ex" ? "seconds, or milliseconds with `px=`" : "milliseconds"}.`,
      suggestion: name === "ex" ? `px=${millisecondsText(value)}` : `px=int(${value.text})`,
    });
    return;
  }
  // aioredis skipped EX for a falsy TTL; redis-py sends `EX 0`, which Redis rejects
  const v = unparenthesize(value);
  if (v.type === "binary_operator" || v.type === "unary_operator") edits.insertAt(value.endIndex, " or None");
  else edits.replace(value, `${operand(value)} or None`);
}

/** `exist=r.SET_IF_NOT_EXIST` → `nx=True`, `SET_IF_EXIST` → `xx=True`, `None` → dropped. */
function existFlag(ctx: RuleContext, edits: ArgumentEdits, kw: SyntaxNode): void {
  const value = keywordValue(kw);
  if (unparenthesize(value).type === "none") {
    edits.remove(kw);
    return;
  }
  const literal = stringLiteralValue(value);
  const name = literal !== null && literal in EXIST ? literal : constantName(value, Object.keys(EXIST));
  if (name) {
    edits.replace(kw, EXIST[name]!);
    return;
  }
  ctx.manual({
    node: kw,
    what: "`exist=` takes a value only known at run time; redis-py needs `nx=True` (SET_IF_NOT_EXIST) or `xx=True` (SET_IF_EXIST).",
    suggestion: `nx=${value.text} == "SET_IF_NOT_EXIST", xx=${value.text} == "SET_IF_EXIST"`,
  });
}

/** A failed NX/XX `set` returned `False` in aioredis and returns `None` in redis-py: `is False` checks never match. */
function reportFalseChecks(ctx: RuleContext, call: CommandCall, edits: ArgumentEdits): void {
  if (!call.awaited) return;
  for (const use of usesOf(call.awaited)) {
    if (use.kind !== "compare") continue;
    const operands = use.site.namedChildren.filter((c) => c.type !== "comment");
    const op = use.site.childForFieldName("operators")?.text.replace(/\s+/g, " ") ?? "";
    const other = operands.find((c) => unparenthesize(c).id !== unparenthesize(use.node).id && c.id !== use.node.id);
    if (operands.length !== 2 || !other || unparenthesize(other).type !== "false") continue;
    const negated = op === "is not" || op === "!=";
    if (!negated && op !== "is" && op !== "==") continue;
    const subject = edits.preview(use.node); // the migrated call, or the name holding its result
    ctx.manual({
      node: use.site,
      what: "A `set` with `nx`/`xx` that did not set the key returns `None` in redis-py, not `False`: this comparison no longer matches.",
      suggestion: `${subject} ${negated ? "is not None" : "is None"}`,
    });
  }
}

/** `setex(k, 1.5, v)` → `psetex(k, 1500, v)`; `expire(k, 0.5)` → `pexpire(k, 500)`; `expireat(k, time.time() + 60)` → `pexpireat(k, int(... * 1000))`. */
function migrateFloatTtl(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  if (parts.hasSplat || parts.positional.length < 2) return;
  const seconds = parts.positional[1]!;
  const kind = numberKind(seconds);
  if (kind === "int" || knownInt(seconds) !== null) return;
  const edits = new ArgumentEdits(parts.args, ctx.source.text).replace(seconds, millisecondsText(seconds));
  const rename = renameMethod(parts, `p${parts.method}`);
  if (kind === "float") {
    ctx.rewrite([rename, ...edits.build()], WHY_FLOAT);
    return;
  }
  // nothing shows an int here (a parameter without an `int` annotation, an attribute, a call…); such a call is also
  // valid redis-py code, so only a module that uses aioredis itself is reported
  if (!atLeast(call.trust, "module") || NOT_A_NUMBER.test(seconds.text)) return;
  const value = seconds.text.replace(/\s+/g, " ");
  ctx.manual({
    node: parts.call,
    what: `\`${value}\` may be a float here: aioredis 1.x sent a float as milliseconds (\`p${parts.method}\`), redis-py sends it unchanged and Redis rejects it. If it can be a float, use the millisecond command (it gives the same result for ints); if it is always an int, nothing changes.`,
    suggestion: `${call.awaited ? "await " : ""}${parts.receiver.text}.${rename.text}${edits.preview(parts.args)}`,
  });
}
