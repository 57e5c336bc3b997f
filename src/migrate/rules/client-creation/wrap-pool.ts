import type { TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, expressionKey, unparenthesize } from "../../syntax.js";
import { moduleConstant } from "./constants.js";
import { FACTORIES } from "./factory.js";

const REDIS_PY_POOL = /(^|\.)(Blocking)?ConnectionPool(\.from_url)?$/;
const AIOREDIS_2X_POOLS = new Set(["aioredis.ConnectionPool", "aioredis.BlockingConnectionPool"]);

export type WrapPlan =
  | { readonly kind: "rewrite"; readonly edits: TextEdit[]; readonly why: string }
  | { readonly kind: "manual"; readonly what: string; readonly suggestion: string }
  | { readonly kind: "skip" };

function isHostLike(n: SyntaxNode | null): boolean {
  const t = n ? unparenthesize(n).type : "";
  return t === "string" || t === "concatenated_string" || t === "integer";
}

/** The call a value comes from, through `await` and parentheses. */
function producingCall(value: SyntaxNode): SyntaxNode | null {
  let n = unparenthesize(value);
  if (n.type === "await") n = unparenthesize(n.namedChild(0)!);
  return n.type === "call" ? n : null;
}

/**
 * `Redis(arg)` → `arg`. A comment inside the parentheses (`Redis(  # the app's client`) keeps its place: only the
 * name and a trailing comma go, leaving `(arg)`, which is `arg`.
 */
function unwrapEdits(call: SyntaxNode, arg: SyntaxNode): TextEdit[] {
  const outside = call.descendantsOfType("comment").filter((c) => c.endIndex <= arg.startIndex || c.startIndex >= arg.endIndex);
  if (outside.length === 0) {
    return [
      { start: call.startIndex, end: arg.startIndex, text: "" },
      { start: arg.endIndex, end: call.endIndex, text: "" },
    ];
  }
  const fn = call.childForFieldName("function")!;
  const comma = call.childForFieldName("arguments")!.children.find((c) => c.type === "," && c.startIndex >= arg.endIndex);
  const edits: TextEdit[] = [{ start: fn.startIndex, end: fn.endIndex, text: "" }];
  if (comma) edits.push({ start: comma.startIndex, end: comma.endIndex, text: "" });
  return edits;
}

/**
 * aioredis 1.x `Redis(pool_or_conn)` wrapped an existing pool or connection in the command API (§2). redis-py's
 * `Redis` takes keywords only, so the pool must become `connection_pool=`. What the argument is decides the rewrite:
 * a factory result is now a redis-py client itself (share its pool), a redis-py / aioredis 2.x `ConnectionPool` is
 * passed as is; anything else is left to a person. `migratedCalls` are the factory calls this round rewrites.
 * A single string argument is aioredis 2.x `Redis(host)` and is left to the `type-references` rule.
 */
export function planWrap(ctx: RuleContext, call: SyntaxNode, migratedCalls: ReadonlySet<number>): WrapPlan {
  const parts = callParts(call);
  if (!parts || parts.positional.length !== 1 || parts.keywords.size > 0 || parts.hasSplat) return { kind: "skip" };
  const arg = parts.positional[0]!;
  const inner = unparenthesize(arg);
  if (isHostLike(inner) || isHostLike(moduleConstant(ctx.tree.rootNode, inner)?.value ?? null)) return { kind: "skip" };
  const redis = (): string => ctx.names.asyncio("Redis");

  // `Redis(await create_pool(...))`: the factory call is itself migrated into a client; unwrap it.
  const direct = producingCall(arg);
  if (direct && migratedCalls.has(direct.id)) {
    return {
      kind: "rewrite",
      edits: unwrapEdits(call, arg),
      why: "aioredis 1.x `Redis(pool)` wrapped a pool in the command API; the migrated factory already builds a redis-py client.",
    };
  }

  const key = expressionKey(arg);
  const sources = ctx.tree.rootNode
    .descendantsOfType("assignment")
    .filter((a) => a.childForFieldName("left") && expressionKey(a.childForFieldName("left")!) === key)
    .map((a) => (a.childForFieldName("right") ? producingCall(a.childForFieldName("right")!) : null));
  const argText = arg.text;
  const wrapIn = (poolExpr: string, why: string): WrapPlan => ({
    kind: "rewrite",
    edits: [
      { start: parts.callee.startIndex, end: parts.callee.endIndex, text: redis() },
      { start: arg.startIndex, end: arg.endIndex, text: `connection_pool=${poolExpr}` },
    ],
    why,
  });
  if (sources.length > 0 && sources.every((c) => c !== null && migratedCalls.has(c.id))) {
    return wrapIn(
      `${argText}.connection_pool`,
      `aioredis 1.x \`Redis(pool)\` wrapped a pool in the command API; \`${argText}\` is now a redis-py client, so the new client shares its connection pool.`,
    );
  }
  const isPool = (c: SyntaxNode | null): boolean => {
    if (!c) return false;
    const callee = c.childForFieldName("function")!;
    const resolved = ctx.facts.resolve(callee);
    if (resolved) return AIOREDIS_2X_POOLS.has(resolved.replace(/\.from_url$/, ""));
    return REDIS_PY_POOL.test(callee.text);
  };
  if (sources.length > 0 && sources.every(isPool)) {
    return wrapIn(argText, "redis-py's `Redis` takes a connection pool as the `connection_pool=` keyword.");
  }
  const fromFactory = sources.some((c) => c !== null && FACTORIES.has(ctx.facts.resolve(c.childForFieldName("function")!) ?? ""));
  const isClient = fromFactory || ctx.facts.receiverKind(arg) !== undefined;
  return {
    kind: "manual",
    what: `Check what \`${argText}\` holds before wrapping it in \`Redis\`. aioredis \`Redis(pool_or_conn)\` wrapped a pool or connection, but redis-py's \`Redis\` takes its pool as \`connection_pool=\` (a positional argument would be the host).`,
    suggestion: `redis.asyncio.Redis(connection_pool=${argText}${isClient ? ".connection_pool" : ""})`,
  };
}
