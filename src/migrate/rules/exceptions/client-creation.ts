import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, expressionKey, keywordValue, statementsOf, unparenthesize } from "../../syntax.js";

/**
 * Where a client is created, as this rule sees it. It runs after the `code` phase, so a 1.x factory has been
 * rewritten already: `await aioredis.create_redis_pool(url)` now reads `redis.Redis.from_url(url)`. A 1.x factory
 * still spelled the aioredis way (the client-creation rule could not rewrite it) still connects eagerly and raises
 * `OSError`, so it does not count; the names below are lazily connecting constructors in aioredis 2.x and redis-py
 * (they resolve to aioredis when the user's alias is kept: `import aioredis as redis`).
 */
const LAZY_CONSTRUCTORS = new Set(["aioredis.from_url", "aioredis.Redis", "aioredis.Redis.from_url", "aioredis.StrictRedis"]);

/** redis.asyncio names that construct a client (`Redis(...)`, `Redis.from_url(...)`, `from_url(...)`). */
const CONSTRUCTORS = ["Redis", "StrictRedis"];

/** Wrappers that hand back the coroutine's result: `await asyncio.wait_for(create_redis_pool(...), 5)`. */
const WRAPPERS = new Set(["wait_for", "shield"]);

/** A statement of a `try` body that creates a client. */
export interface ClientCreation {
  readonly statement: SyntaxNode;
  /** `r` in `r = …`; null for `return …`. */
  readonly target: SyntaxNode | null;
  /** The assigned or returned expression. */
  readonly value: SyntaxNode;
  /** `asyncio.wait_for(<creation>, 5)` around the creation, if any. */
  readonly wrapper: SyntaxNode | null;
  /**
   * The client connects in this statement: awaiting a `single_connection_client=True` client opens its connection
   * (redis-py `Redis.initialize()`), raising redis-py's classes there. Other clients connect at the first command.
   */
  readonly connectsHere: boolean;
}

/** Whether `call` creates a client: an aioredis factory, or a redis.asyncio constructor the migration wrote. */
function isConstruction(ctx: RuleContext, call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function");
  if (!callee) return false;
  const resolved = ctx.facts.resolve(callee);
  if (resolved) return LAZY_CONSTRUCTORS.has(resolved);
  const text = expressionKey(callee);
  const alias = ctx.names.moduleAlias;
  const viaAlias = [...CONSTRUCTORS.flatMap((c) => [`${alias}.${c}`, `${alias}.${c}.from_url`]), `${alias}.from_url`];
  if (viaAlias.includes(text) && ctx.names.producedPrefixOf(text)) return true;
  return ctx.names.fromImports.some(
    (f) =>
      f.module === "redis.asyncio" &&
      ((CONSTRUCTORS.includes(f.name) && (text === f.local || text === `${f.local}.from_url`)) ||
        (f.name === "from_url" && text === f.local)),
  );
}

interface Found {
  readonly wrapper: SyntaxNode | null;
  readonly connectsHere: boolean;
}

/** The creating call in `expr` (`await …`, `await asyncio.wait_for(…, 5)`), with its wrapper. */
function creationIn(ctx: RuleContext, expr: SyntaxNode, awaited = false): Found | null {
  let n = unparenthesize(expr);
  if (n.type === "await") {
    n = unparenthesize(n.namedChild(0)!);
    awaited = true;
  }
  const parts = callParts(n);
  if (!parts) return null;
  if (isConstruction(ctx, n)) {
    const single = parts.keywords.get("single_connection_client");
    return { wrapper: null, connectsHere: awaited && single !== undefined && keywordValue(single).text === "True" };
  }
  const first = parts.positional[0];
  if (!WRAPPERS.has(parts.method) || !first) return null;
  const inner = creationIn(ctx, first, awaited);
  return inner && !inner.wrapper ? { wrapper: n, connectsHere: inner.connectsHere } : null;
}

/** `r = await …create…` or `return await …create…` among the top-level statements of a `try` body. */
export function clientCreationIn(ctx: RuleContext, body: SyntaxNode): ClientCreation | null {
  for (const statement of statementsOf(body)) {
    let target: SyntaxNode | null = null;
    let value: SyntaxNode | null = null;
    if (statement.type === "return_statement") value = statement.namedChildren.find((c) => c.type !== "comment") ?? null;
    else if (statement.type === "expression_statement") {
      const assignment = statement.namedChild(0);
      const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
      if (left && (left.type === "identifier" || left.type === "attribute" || left.type === "subscript")) {
        target = left;
        value = assignment!.childForFieldName("right");
      }
    }
    const found = value ? creationIn(ctx, value) : null;
    if (found) return { statement, target, value: value!, ...found };
  }
  return null;
}

/**
 * Expressions assigned a client anywhere in the module (`r = redis.Redis.from_url(...)`): the data flow of the
 * facts no longer recognises a factory the migration already rewrote.
 */
export function createdClients(ctx: RuleContext): Set<string> {
  const keys = new Set<string>();
  for (const assignment of ctx.tree.rootNode.descendantsOfType("assignment")) {
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left && right && left.type !== "pattern_list" && creationIn(ctx, right)) keys.add(expressionKey(left));
  }
  return keys;
}
