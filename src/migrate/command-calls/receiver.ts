import type { SyntaxNode } from "../parser.js";
import type { RuleContext } from "../rule.js";
import { awaitingParent, callParts, type CallParts } from "../syntax.js";

/**
 * How sure we are that a command call runs on an aioredis 1.x object, strongest first:
 * - `known`: the data flow saw the object come from aioredis (factory, annotation, `pipeline()`, …);
 * - `module`: the module imports aioredis and the receiver is named like a client (`redis`, `r`, `self.redis`, …);
 * - `repository`: only the repository uses aioredis, and the receiver is named like a client.
 * A call whose shape is invalid in redis-py (a 1.x-only keyword, a missing required argument) is migrated from
 * `repository` up; a shape that means something else in redis-py (`zrange(k, 0, -1, True)`) needs `module` or better.
 */
export type Trust = "known" | "module" | "repository";

const RANK: Record<Trust, number> = { known: 3, module: 2, repository: 1 };

export function atLeast(trust: Trust | null, floor: Trust): boolean {
  return trust !== null && RANK[trust] >= RANK[floor];
}

export function receiverTrust(ctx: RuleContext, receiver: SyntaxNode): Trust | null {
  const kind = ctx.facts.receiverKind(receiver);
  if (kind !== undefined) return kind === "channel" ? null : "known";
  if (ctx.facts.importsAioredis && ctx.facts.isRedisReceiver(receiver, false)) return "module";
  if (ctx.facts.isRedisReceiver(receiver, ctx.options.repositoryUsesAioredis)) return "repository";
  return null;
}

/** Whether the repository (or this module) uses aioredis at all: enough for methods that exist only in aioredis 1.x. */
export function usesAioredis(ctx: RuleContext): boolean {
  return ctx.facts.importsAioredis || ctx.options.repositoryUsesAioredis;
}

export interface CommandCall {
  readonly parts: CallParts & { readonly receiver: SyntaxNode };
  readonly trust: Trust | null;
  /** The `await` expression around the call, or null (pipeline commands, futures). */
  readonly awaited: SyntaxNode | null;
}

/** Method calls `x.<method>(…)` for the given method names, in source order, with how much we trust `x`. */
export function commandCalls(ctx: RuleContext, methods: ReadonlySet<string>): CommandCall[] {
  const out: CommandCall[] = [];
  for (const call of ctx.facts.calls) {
    const parts = callParts(call);
    if (!parts || !parts.receiver || !methods.has(parts.method)) continue;
    const receiver = parts.receiver;
    out.push({ parts: { ...parts, receiver }, trust: receiverTrust(ctx, receiver), awaited: awaitingParent(call) });
  }
  return out;
}

/**
 * Runs one call's migration; a bug that throws (e.g. two overlapping edits) becomes a manual step on that call
 * instead of aborting the whole file.
 */
export function guarded(ctx: RuleContext, call: CommandCall, migrate: () => void): void {
  try {
    migrate();
  } catch (e) {
    ctx.manual({
      node: call.parts.call,
      what: `redis-migrate could not rewrite this \`${call.parts.method}\` call (${(e as Error).message}); migrate it by hand.`,
      suggestion: "",
    });
  }
}
