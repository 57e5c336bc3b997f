import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, statementsOf, unparenthesize } from "../../syntax.js";
import { CaughtClasses, caughtElements, caughtExpression, type CaughtKind } from "./caught-classes.js";
import { clientCreationIn, createdClients, type ClientCreation } from "./client-creation.js";
import { RedisCalls } from "./redis-calls.js";
import { targetText, type Reference } from "./reference.js";

/** One `except` clause and what its classes stood for. */
interface Handler {
  readonly clause: SyntaxNode;
  readonly elements: readonly SyntaxNode[];
  readonly kinds: readonly (CaughtKind | undefined)[];
}

/** The redis-py class that takes over what a builtin class caught. */
const REDIS_CLASS: Record<CaughtKind, string> = { connection: "ConnectionError", timeout: "TimeoutError", argument: "DataError" };

const CREATION_CONNECTION =
  "This handler no longer sees a failed connection: redis-py creates the client without connecting and raises `redis.exceptions.ConnectionError` (not an `OSError`) from the first command.";
const CREATION_TIMEOUT =
  "This handler no longer sees a connection timeout: redis-py creates the client without connecting and raises `redis.exceptions.TimeoutError` (not an `asyncio.TimeoutError`) from the first command.";
const CREATION_LAZY =
  "This handler no longer sees a failed connection: redis-py creates the client without connecting, so connecting (and its errors) happens at the first command.";
const CREATION_WAIT_FOR =
  "This handler no longer sees a connection timeout: redis-py creates the client without connecting, so this `wait_for` returns at once and the connection is made (and times out) at the first command.";
const BOTH_TIMEOUT = "A connection timeout is likewise raised as `redis.exceptions.TimeoutError`, which is not an `asyncio.TimeoutError`.";
const CONNECTS_HERE_CONNECTION =
  "This handler no longer sees a failed connection: redis-py raises `redis.exceptions.ConnectionError` (not an `OSError`) when the client cannot connect.";
const CONNECTS_HERE_TIMEOUT =
  "This handler no longer sees a connection timeout: redis-py raises `redis.exceptions.TimeoutError` (not an `asyncio.TimeoutError`) when connecting times out.";
const COMMAND_TIMEOUT =
  "redis-py's `redis.exceptions.TimeoutError` is neither an `asyncio.TimeoutError` nor a builtin `TimeoutError` (aioredis 2.x's was both), so this handler does not catch a Redis timeout. Catch `redis.exceptions.TimeoutError` here; note that from redis-py 8.0 commands time out after 5 s by default (`socket_timeout`).";
const ARGUMENT =
  "redis-py raises `redis.exceptions.DataError`, not `TypeError`/`ValueError`, for a command argument it cannot encode (None, a dict); the other argument checks of aioredis 1.x are left to the server (a `ResponseError`) or gone.";
const RENAME_SAME_KEY =
  "redis-py sends `RENAME` even when the key and the new key are the same, and Redis accepts it (returns True), so this `ValueError` handler no longer runs for that case: compare the keys before the call if it matters.";
const ADD_DATA_ERROR = "Add `redis.exceptions.DataError` to this handler if it guards against invalid arguments.";

/**
 * Handlers of builtin or asyncio classes that no longer see what they caught (reference §3.3, §8, §12):
 * - around a client creation: aioredis 1.x connected in the factory (`ConnectionRefusedError`/`OSError`, or
 *   `asyncio.TimeoutError` with `timeout=`/`wait_for`); redis-py connects at the first command and raises its own
 *   `ConnectionError`/`TimeoutError` there. Suggested: `await <client>.ping()` in the `try`, the redis-py class caught;
 * - `asyncio.TimeoutError` around Redis commands only: redis-py's `TimeoutError` is not an asyncio one;
 * - `TypeError`/`ValueError` around Redis commands only: aioredis 1.x's argument checks became `DataError` (or none).
 */
export function reportBuiltinHandlers(ctx: RuleContext, refs: readonly Reference[]): void {
  const tries = ctx.tree.rootNode.descendantsOfType("try_statement");
  if (tries.length === 0) return;
  const caught = new CaughtClasses(ctx.tree.rootNode);
  let calls: RedisCalls | undefined;
  for (const tryStmt of tries) {
    const handlers = tryStmt.namedChildren
      .filter((c) => c.type === "except_clause")
      .map((clause): Handler => {
        const elements = caughtElements(clause);
        return { clause, elements, kinds: elements.map((e) => caught.kindOf(e)) };
      });
    const body = tryStmt.childForFieldName("body");
    if (!body || !handlers.some((h) => h.kinds.some((k) => k !== undefined) || catchesConnectionFailure(h, refs))) continue;
    const creation = clientCreationIn(ctx, body);
    if (creation) {
      reportCreationHandlers(ctx, tryStmt, creation, handlers, refs);
      continue;
    }
    calls ??= new RedisCalls(ctx, createdClients(ctx));
    reportCommandHandlers(ctx, body, handlers, refs, calls);
  }
}

/** Whether some handler of the `try` catches a library class `name` (aioredis under any alias, redis-py, other). */
function catchesLibraryClass(handlers: readonly Handler[], refs: readonly Reference[], name: string): boolean {
  return handlers.some((h) =>
    h.elements.some(
      (el, i) =>
        h.kinds[i] === undefined &&
        (el.text.endsWith(name) || refs.some((r) => r.node.id === el.id && r.target.names.includes(name))),
    ),
  );
}

/** redis-py classes that a failed connection (refused, auth, max clients) is raised as, or a base of them. */
const CONNECTION_FAILURES = ["ConnectionError", "AuthenticationError", "RedisError"];

/** Whether a handler catches an aioredis class that becomes one of `CONNECTION_FAILURES` (`MaxClientsError`, `AuthError`, …). */
function catchesConnectionFailure(handler: Handler, refs: readonly Reference[]): boolean {
  return handler.elements.some((el) => refs.some((r) => r.node.id === el.id && r.target.names.some((n) => CONNECTION_FAILURES.includes(n))));
}

/** Whether a handler also catches an aioredis class that becomes `RedisError`, which covers every redis-py class. */
function catchesRedisError(handler: Handler, refs: readonly Reference[]): boolean {
  return handler.elements.some((el) => refs.some((r) => r.node.id === el.id && r.target.names.includes("RedisError")));
}

function reportCreationHandlers(
  ctx: RuleContext,
  tryStmt: SyntaxNode,
  creation: ClientCreation,
  handlers: readonly Handler[],
  refs: readonly Reference[],
): void {
  const waitFor = creation.wrapper && callParts(creation.wrapper)?.method === "wait_for" ? creation.wrapper : null;
  const relevant = new Set<CaughtKind>(["connection"]);
  // a connection opened inside `wait_for` still times out as `asyncio.TimeoutError`
  const timeoutStays = creation.connectsHere && waitFor !== null;
  if (!timeoutStays && !catchesLibraryClass(handlers, refs, "TimeoutError")) relevant.add("timeout");
  const client = creation.target?.text ?? freshClientName(ctx);
  // a lazy client needs a command to connect, unless a later one in the `try` on the same client already is one
  const pinged = !creation.connectsHere && (!creation.target || !awaitsLaterOn(creation, client));
  // ... and a handler that also catches `RedisError` then still sees the failure; an aioredis connection class
  // (`MaxClientsError`, `AuthError`) maps to the right redis-py class but needs that command too
  const flagged = handlers.filter(
    (h) =>
      (h.kinds.some((k) => k !== undefined && relevant.has(k)) && (pinged || !catchesRedisError(h, refs))) ||
      (pinged && catchesConnectionFailure(h, refs)),
  );
  if (flagged.length === 0) return;
  const kinds = new Set(flagged.flatMap((h) => h.kinds.filter((k): k is CaughtKind => k !== undefined && relevant.has(k))));
  const ping = waitFor ? wrappedPing(waitFor, client) : `await ${client}.ping()`;
  const indent = ctx.source.indentAt(creation.statement.startIndex);
  const edits: TextEdit[] = [];
  if (pinged && !creation.target)
    edits.push({ node: creation.statement, text: `${client} = ${creation.value.text}\n${indent}${ping}\n${indent}return ${client}` });
  else if (pinged) edits.push({ node: creation.statement, text: `${creation.statement.text}\n${indent}${ping}` });
  // the try held only the creation: its builtin classes were there for the connection and can go
  const replace = statementsOf(tryStmt.childForFieldName("body")!).length === 1;
  for (const h of flagged) {
    const keep = (k: CaughtKind): boolean => !replace || (k === "timeout" && waitFor !== null);
    edits.push({ node: groupOf(h.clause), text: rebuiltGroup(ctx, h, refs, relevant, keep) });
  }
  ctx.manual({
    node: caughtExpression(flagged[0]!.clause)!,
    what: creationMessage(creation, kinds, waitFor !== null, pinged ? ping : null).join(" "),
    suggestion: suggestionText(ctx, tryStmt, edits, refs),
  });
}

/** The sentences of a creation step: what the handler no longer sees, and what to do (`ping`: the call to add). */
function creationMessage(creation: ClientCreation, kinds: ReadonlySet<CaughtKind>, waitFor: boolean, ping: string | null): string[] {
  const connection = kinds.has("connection");
  const out: string[] = [];
  if (creation.connectsHere)
    out.push(connection ? CONNECTS_HERE_CONNECTION : CONNECTS_HERE_TIMEOUT, connection && kinds.has("timeout") ? BOTH_TIMEOUT : "");
  else if (kinds.size === 0) out.push(CREATION_LAZY);
  else if (!connection && waitFor) out.push(CREATION_WAIT_FOR);
  else {
    out.push(connection ? CREATION_CONNECTION : CREATION_TIMEOUT, connection && kinds.has("timeout") ? BOTH_TIMEOUT : "");
    if (waitFor) out.push("`wait_for` around the client creation no longer bounds the connection, so the suggestion runs the `ping()` inside it.");
  }
  const andCatch = kinds.size > 0 ? ", and catch the redis-py class" : "";
  if (!ping) out.push(creation.connectsHere ? "Catch the redis-py class." : "Catch the redis-py class: the first command in this `try` is where the connection fails now.");
  else if (!creation.target)
    out.push(`Keep the client in a variable and \`${ping}\` inside the \`try\` before returning it, so the connection is checked here as before${andCatch}.`);
  else out.push(`Add \`${ping}\` inside the \`try\`, so the connection is checked here as before${andCatch}.`);
  return out.filter((sentence) => sentence !== "");
}

function reportCommandHandlers(
  ctx: RuleContext,
  body: SyntaxNode,
  handlers: readonly Handler[],
  refs: readonly Reference[],
  calls: RedisCalls,
): void {
  const timeouts = handlers.filter((h) => h.kinds.includes("timeout") && !catchesRedisError(h, refs));
  if (timeouts.length > 0 && !catchesLibraryClass(handlers, refs, "TimeoutError") && calls.awaitsOnlyCommands(body)) {
    for (const h of timeouts) {
      const header = headerWith(h, rebuiltGroup(ctx, h, refs, new Set(["timeout"]), () => false));
      ctx.manual({ node: caughtExpression(h.clause)!, what: COMMAND_TIMEOUT, suggestion: header });
    }
  }
  const arguments_ = handlers.filter((h) => h.kinds.includes("argument") && !catchesRedisError(h, refs));
  if (arguments_.length === 0 || catchesLibraryClass(handlers, refs, "DataError")) return;
  const commands = calls.plainCommands(body);
  if (!commands) return;
  const renames = commands.some((c) => callParts(c)?.method === "rename");
  for (const h of arguments_) {
    const caughtValueError = h.elements.some((el, i) => h.kinds[i] === "argument" && el.text === "ValueError");
    const what = renames && caughtValueError ? [RENAME_SAME_KEY, ARGUMENT, ADD_DATA_ERROR] : [ARGUMENT, ADD_DATA_ERROR];
    const header = headerWith(h, rebuiltGroup(ctx, h, refs, new Set(["argument"]), () => true));
    ctx.manual({ node: caughtExpression(h.clause)!, what: what.join(" "), suggestion: header });
  }
}

/** A replacement inside the `try` statement, for the suggestion. */
interface TextEdit {
  readonly node: SyntaxNode;
  readonly text: string;
}

/** The caught classes of a clause without its `as` part (`(A, B)` in `except (A, B) as e:`). */
function groupOf(clause: SyntaxNode): SyntaxNode {
  const value = caughtExpression(clause)!;
  return value.type === "as_pattern" ? value.namedChild(0)! : value;
}

/**
 * The caught classes of a handler as they read after the migration: aioredis classes by their redis-py names, and
 * each builtin class of a `relevant` kind replaced by (or, when `keep` says so, followed by) the redis-py class.
 */
function rebuiltGroup(
  ctx: RuleContext,
  handler: Handler,
  refs: readonly Reference[],
  relevant: ReadonlySet<CaughtKind>,
  keep: (kind: CaughtKind) => boolean,
): string {
  const texts: string[] = [];
  const added: string[] = [];
  handler.elements.forEach((el, i) => {
    const kind = handler.kinds[i];
    const ref = refs.find((r) => r.node.id === el.id);
    if (ref && !ref.target.manual) texts.push(...targetText(ctx, ref.target));
    else if (kind === undefined || !relevant.has(kind)) texts.push(el.text);
    else {
      if (keep(kind)) texts.push(el.text);
      added.push(redisClassText(ctx, REDIS_CLASS[kind]));
    }
  });
  if (!catchesRedisError(handler, refs)) texts.push(...added);
  const unique = [...new Set(texts)];
  return unique.length === 1 ? unique[0]! : `(${unique.join(", ")})`;
}

/**
 * How the file would spell `redis.exceptions.<name>`, without asking the name plan for it: a suggestion must not add
 * an import to the migrated file. Module style: the plan's alias (`redis.ConnectionError`); from style: the name
 * when the migration already imports it, else the full path.
 */
function redisClassText(ctx: RuleContext, name: string): string {
  const moduleStyle =
    ctx.facts.existingAsyncioAlias !== undefined ||
    [...ctx.facts.bindings.values()].some((b) => b.kind === "module" && b.target === "aioredis");
  if (moduleStyle) return `${ctx.names.moduleAlias}.${name}`;
  const imported = ctx.names.fromImports.find((f) => f.module === "redis.exceptions" && f.name === name);
  return imported?.local ?? `redis.exceptions.${name}`;
}

/** `except <group>[ as e]:` for a handler whose classes are rebuilt as `group`. */
function headerWith(handler: Handler, group: string): string {
  const value = caughtExpression(handler.clause)!;
  const alias = value.type === "as_pattern" ? value.childForFieldName("alias")?.text : undefined;
  return `except ${group}${alias ? ` as ${alias}` : ""}:`;
}

/** `await asyncio.wait_for(r.ping(), 5)` from the user's `asyncio.wait_for(<creation>, 5)`. */
function wrappedPing(waitFor: SyntaxNode, client: string): string {
  const parts = callParts(waitFor)!;
  const rest = parts.args.namedChildren.filter((a) => a.type !== "comment").slice(1).map((a) => a.text);
  return `await ${parts.callee.text}(${[`${client}.ping()`, ...rest].join(", ")})`;
}

/** Whether a later statement of the same `try` body already awaits a command on the new client. */
function awaitsLaterOn(creation: ClientCreation, client: string): boolean {
  const later = statementsOf(creation.statement.parent!).filter((s) => s.startIndex > creation.statement.startIndex);
  return later.some((s) =>
    s.descendantsOfType("await").some((a) => a.isNamed && callParts(unparenthesize(a.namedChild(0)!))?.receiver?.text === client),
  );
}

function freshClientName(ctx: RuleContext): string {
  const taken = ctx.facts.usedNames;
  return ["client", "redis_client", "redis_conn"].find((n) => !taken.has(n)) ?? "redis_client_";
}

/**
 * The `try` statement with `edits` applied and every aioredis class spelled the redis-py way, dedented to column 0.
 */
function suggestionText(ctx: RuleContext, tryStmt: SyntaxNode, edits: readonly TextEdit[], refs: readonly Reference[]): string {
  const inEdit = (n: SyntaxNode): boolean => edits.some((e) => e.node.startIndex <= n.startIndex && n.endIndex <= e.node.endIndex);
  const all = [
    ...edits,
    ...refs
      .filter((r) => !r.target.manual && r.node.startIndex >= tryStmt.startIndex && r.node.endIndex <= tryStmt.endIndex && !inEdit(r.node))
      .map((r) => {
        const names = targetText(ctx, r.target);
        return { node: r.node, text: names.length === 1 ? names[0]! : `(${names.join(", ")})` };
      }),
  ].sort((a, b) => b.node.startIndex - a.node.startIndex);
  let text = tryStmt.text;
  for (const e of all) {
    const start = e.node.startIndex - tryStmt.startIndex;
    text = text.slice(0, start) + e.text + text.slice(e.node.endIndex - tryStmt.startIndex);
  }
  const column = tryStmt.startPosition.column;
  return text
    .split("\n")
    .map((line, i) => (i === 0 || line.slice(0, column).trim() !== "" ? line : line.slice(column)))
    .join("\n");
}
