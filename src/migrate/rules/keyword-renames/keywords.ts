import { ArgumentEdits } from "../../command-calls/arguments.js";
import { bindArguments, type Binding } from "../../command-calls/bind.js";
import { atLeast, type CommandCall } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { keywordValue, type CallParts } from "../../syntax.js";
import { POSITIONAL, SIGNATURES, type Signature } from "./signatures.js";

/**
 * Method names other key-value APIs share (aiocache's `cache.get(key=…)`, `cache.delete(key=…)`): their 1.x
 * keywords are renamed only on a client the data flow knows, or on a receiver named after redis in a module that
 * imports aioredis, not on any `cache`/`store`/`client` receiver.
 */
const GENERIC = new Set(["get", "set", "delete", "exists", "expire", "expireat", "ttl", "touch", "type", "rename", "move", "dump", "restore", "persist", "incr", "decr"]);

/**
 * `hincrby(k, field=f, increment=2)` → `hincrby(k, key=f, amount=2)`, `sadd(key=k, member=m)` → `sadd(k, m)`:
 * the 1.x keywords of a call renamed to redis-py's, or passed by position where redis-py takes `*args`.
 * A call that does not bind to the 1.x signature (an unknown keyword, a parameter given twice) is not a 1.x call
 * and is left alone; one whose arguments cannot be mapped with certainty becomes a manual step.
 */
export function renameKeywords(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const sig = SIGNATURES.get(parts.method);
  if (!sig) return;
  const old = [...parts.keywords.keys()].filter((k) => sig.renames.has(k));
  if (old.length === 0 || !trusted(call)) return;
  if (parts.hasSplat) return splatted(ctx, call, sig, old);
  const renamed = withOldNames(parts, sig);
  const bound = renamed && bindArguments(renamed, sig.params, sig.keywordOnly);
  if (!bound) return;
  const moved = positionalRun(sig, bound, parts.positional.length);
  if (moved === null) return; // a required 1.x argument is missing: the call failed in aioredis too
  if (!leadsKeywords(parts.args, moved)) return reorder(ctx, call, sig, bound, moved.length);
  const edits = renamedKeywords(ctx, parts, sig, old, moved);
  for (const kw of moved) edits.replace(kw, keywordValue(kw).text);
  ctx.rewrite(edits.build(), `redis-py names these parameters differently (${renamesText(sig, old)}); the aioredis 1.x keywords raise TypeError.`);
}

/** Generic method names need the data flow, or a receiver named after redis (`redis`, `self.redis_pool`). */
function trusted(call: CommandCall): boolean {
  if (!GENERIC.has(call.parts.method)) return atLeast(call.trust, "repository");
  return atLeast(call.trust, "known") || (atLeast(call.trust, "module") && /redis/i.test(call.parts.receiver.text));
}

/**
 * The call's keywords under their 1.x names, so a call another rule already half-migrated still binds:
 * `hincrby(k, field=f, amount=2)` (hash-mapping renamed `increment=`) binds `amount` as `increment`.
 */
function withOldNames(parts: CallParts, sig: Signature): CallParts | null {
  const oldName = new Map([...sig.renames].filter(([, name]) => name !== POSITIONAL && !sig.params.includes(name)).map(([old, name]) => [name, old]));
  const keywords = new Map([...parts.keywords].map(([k, kw]) => [oldName.get(k) ?? k, kw]));
  // `hget(name="h", key="f")` is redis-py's spelling already (`name` would bind as 1.x `key` a second time)
  return keywords.size === parts.keywords.size ? { ...parts, keywords } : null;
}

/**
 * The keyword arguments that must become positional, in parameter order: every parameter from the first one not
 * given by position up to the last one redis-py takes by position. Null when one of them is missing (a gap a
 * positional argument cannot skip).
 */
function positionalRun(sig: Signature, bound: Binding, positionalCount: number): SyntaxNode[] | null {
  let last = -1;
  sig.params.forEach((p, i) => {
    if (i >= positionalCount && bound.get(p)?.keyword && sig.renames.get(p) === POSITIONAL) last = i;
  });
  const run: SyntaxNode[] = [];
  for (let i = positionalCount; i <= last; i++) {
    const b = bound.get(sig.params[i]!);
    if (!b?.keyword) return null;
    run.push(b.arg);
  }
  return run;
}

/** Whether `run` are the call's first keyword arguments, in that order (so dropping their names keeps the order). */
function leadsKeywords(args: SyntaxNode, run: readonly SyntaxNode[]): boolean {
  const keywords = args.namedChildren.filter((c) => c.type === "keyword_argument");
  return run.every((kw, i) => keywords[i]?.id === kw.id);
}

/** The arguments redis-py takes by position come in another order: suggest the call in redis-py's order. */
function reorder(ctx: RuleContext, call: CommandCall, sig: Signature, bound: Binding, movedCount: number): void {
  const { parts } = call;
  const first = parts.positional.length;
  const positional = parts.positional.map((p) => p.text);
  const keywords: string[] = [];
  sig.params.forEach((p, i) => {
    const b = bound.get(p);
    if (i < first || !b) return;
    if (i < first + movedCount) positional.push(b.value.text);
    else keywords.push(`${sig.renames.get(p) ?? p}=${b.value.text}`);
  });
  for (const k of sig.keywordOnly) if (bound.has(k)) keywords.push(bound.get(k)!.arg.text);
  const byPosition = sig.params.slice(first, first + movedCount).map((p) => `\`${p}\``).join(", ");
  ctx.manual({
    node: parts.call,
    what: `redis-py takes ${byPosition} by position, and in this call those keyword arguments come in another order: pass them in redis-py's order (their expressions then run in that order).`,
    suggestion: `${parts.callee.text}(${[...positional, ...keywords].join(", ")})`,
  });
}

/** `hget(k, field=f, **opts)`: the splat may hold more 1.x names. */
function splatted(ctx: RuleContext, call: CommandCall, sig: Signature, old: readonly string[]): void {
  const { parts } = call;
  const edits = renamedKeywords(ctx, parts, sig, old);
  ctx.manual({
    node: parts.call,
    what: `redis-py names these parameters differently (${renamesText(sig, old)}), and the \`*\`/\`**\` arguments of this call may hold more aioredis 1.x names: rename them by hand.`,
    suggestion: edits.preview(parts.call),
  });
}

/** The renames of the old keywords that keep a name (not those that become positional). */
function renamedKeywords(ctx: RuleContext, parts: CallParts, sig: Signature, old: readonly string[], moved: readonly SyntaxNode[] = []): ArgumentEdits {
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  for (const k of old) {
    const kw = parts.keywords.get(k)!;
    const name = sig.renames.get(k)!;
    if (name !== POSITIONAL && !moved.includes(kw)) edits.renameKeyword(kw, name);
  }
  return edits;
}

function renamesText(sig: Signature, old: readonly string[]): string {
  return old.map((k) => (sig.renames.get(k) === POSITIONAL ? `\`${k}\` by position` : `\`${k}\` → \`${sig.renames.get(k)}\``)).join(", ");
}
