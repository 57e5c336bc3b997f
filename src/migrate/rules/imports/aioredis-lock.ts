import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { callParts, enclosingStatement, type CallParts } from "../../syntax.js";
import { isReference, outermostChain } from "./references.js";

/**
 * The third-party `aioredis_lock` package (reference §9.2): its `RedisLock(pool_or_conn, key, timeout=30,
 * wait_timeout=30)` drives an aioredis 1.x client (`script_load`, then `evalsha(sha, keys=…, args=…)`, a call
 * redis-py rejects), so after the migration it gets a client it cannot use. redis-py has its own lock; the import,
 * each `RedisLock(...)` and each `LockTimeoutError` become manual steps, never rewrites.
 */

const PACKAGE = "aioredis_lock";
/** aioredis_lock's defaults (redis-py's are no expiry and waiting forever, so they are always written out). */
const DEFAULT_TIMEOUT = "30";
const DEFAULT_WAIT = "30";

type LockName = "module" | "RedisLock" | "LockTimeoutError" | "other";

/** `RedisLock`'s parameters (`pool` in the README's examples). */
const CONSTRUCTOR_KEYWORDS = new Set(["pool_or_conn", "pool", "key", "timeout", "wait_timeout"]);
/** Client expressions that take `.lock(...)` without parentheses. */
const PLAIN_RECEIVERS = new Set(["identifier", "attribute", "subscript", "call", "parenthesized_expression"]);

const IMPORT_STEP =
  "aioredis_lock only works with aioredis 1.x clients: use the redis-py client's own `lock()` and drop this import. " +
  "It calls `evalsha(sha, keys=…, args=…)`, which redis-py rejects, so it fails on every migrated client; remove " +
  "the aioredis-lock dependency too.";

const ERROR_STEP =
  "Catch redis-py's `LockError` instead of aioredis_lock's `LockTimeoutError`. `async with r.lock(...)` raises it " +
  "(it lives in `redis.exceptions`) when the lock cannot be had within `blocking_timeout`.";

/** Names the module binds to aioredis_lock, with what each stands for. */
function lockBindings(ctx: RuleContext): Map<string, { kind: LockName; statement: SyntaxNode }> {
  const out = new Map<string, { kind: LockName; statement: SyntaxNode }>();
  const ofPackage = (dotted: string): boolean => dotted === PACKAGE || dotted.startsWith(`${PACKAGE}.`);
  for (const stmt of ctx.tree.rootNode.descendantsOfType(["import_statement", "import_from_statement"])) {
    if (stmt.type === "import_statement") {
      for (const item of stmt.childrenForFieldName("name")) {
        const dotted = (item.type === "aliased_import" ? item.childForFieldName("name")! : item).text.replace(/\s+/g, "");
        if (!ofPackage(dotted)) continue;
        const alias = item.type === "aliased_import" ? item.childForFieldName("alias")!.text : PACKAGE;
        out.set(alias, { kind: "module", statement: stmt });
      }
      continue;
    }
    const module = stmt.childForFieldName("module_name");
    if (!module || !ofPackage(module.text.replace(/\s+/g, ""))) continue;
    for (const item of stmt.childrenForFieldName("name")) {
      const name = (item.type === "aliased_import" ? item.childForFieldName("name")! : item).text;
      const local = item.type === "aliased_import" ? item.childForFieldName("alias")!.text : name;
      out.set(local, { kind: name === "RedisLock" || name === "LockTimeoutError" ? name : "other", statement: stmt });
    }
  }
  return out;
}

export function reportAioredisLock(ctx: RuleContext): void {
  if (!ctx.source.text.includes(PACKAGE)) return;
  const bindings = lockBindings(ctx);
  if (bindings.size === 0) return;
  // one step per statement; one that brought `LockTimeoutError` is replaced by redis-py's `LockError`
  const statements = new Map<SyntaxNode, boolean>();
  for (const b of bindings.values()) {
    const error = b.kind === "LockTimeoutError" || (b.kind === "module" && /\bLockTimeoutError\b/.test(ctx.source.text));
    statements.set(b.statement, (statements.get(b.statement) ?? false) || error);
  }
  for (const [stmt, error] of statements) {
    ctx.manual({ node: stmt, what: IMPORT_STEP, suggestion: error ? "from redis.exceptions import LockError" : "" });
  }
  for (const id of ctx.tree.rootNode.descendantsOfType("identifier")) {
    const binding = bindings.get(id.text);
    if (!binding || !isReference(id)) continue;
    const ref = binding.kind === "module" ? memberOf(id) : { node: id, name: binding.kind };
    if (ref?.name === "RedisLock") reportLockUse(ctx, ref.node);
    else if (ref?.name === "LockTimeoutError") reportErrorUse(ctx, ref.node);
  }
}

/** `aioredis_lock.RedisLock` / `al.locks.RedisLock` → the whole chain and its last name. */
function memberOf(id: SyntaxNode): { node: SyntaxNode; name: LockName } | null {
  const n = outermostChain(id);
  if (n.id === id.id) return null;
  const last = n.childForFieldName("attribute")!.text;
  return { node: n, name: last === "RedisLock" || last === "LockTimeoutError" ? last : "other" };
}

/** `RedisLock(r, "job", timeout=30, wait_timeout=5)` → `r.lock("job", timeout=30, blocking_timeout=5)`. */
function reportLockUse(ctx: RuleContext, ref: SyntaxNode): void {
  const called = ref.parent?.type === "call" && ref.parent.childForFieldName("function")?.id === ref.id;
  const call = called ? callParts(ref.parent!) : null;
  if (!call) {
    ctx.manual({
      node: ref,
      what:
        "aioredis_lock's `RedisLock` does not work with redis-py clients: the lock `r.lock(...)` returns is a " +
        "`redis.asyncio.lock.Lock`.",
      suggestion: "from redis.asyncio.lock import Lock",
    });
    return;
  }
  const built = lockCall(call);
  const line = built === null ? null : lineWith(ctx, call.call, built.text);
  const defaults = built ? spelledOut(built) : "";
  const exit = inWithStatement(call.call)
    ? " Leaving `async with` raises `LockNotOwnedError` if the lock expired meanwhile (aioredis_lock ignored that)."
    : "";
  ctx.manual({
    node: call.call,
    what:
      "aioredis_lock's `RedisLock` fails on redis-py clients: take the lock from the client with `r.lock(...)`." +
      defaults +
      exit +
      methodNotes(ctx),
    suggestion: line ?? built?.text ?? "lock = r.lock(name, timeout=30, blocking_timeout=30)",
    replacesLines: line === null ? 0 : 1,
  });
}

/** Why the suggestion names arguments the user left out. */
function spelledOut(built: BuiltLock): string {
  const parts = [
    ...(built.timeoutDefaulted ? [`\`timeout=${DEFAULT_TIMEOUT}\` (redis-py's default: no expiry)`] : []),
    ...(built.waitDefaulted ? [`\`wait_timeout=${DEFAULT_WAIT}\` as \`blocking_timeout\` (redis-py's default: waiting forever)`] : []),
  ];
  return parts.length === 0 ? "" : ` aioredis_lock's defaults are spelled out: ${parts.join(" and ")}.`;
}

function inWithStatement(call: SyntaxNode): boolean {
  const parent = call.parent?.type === "as_pattern" ? call.parent.parent : call.parent;
  return parent?.type === "with_item";
}

/** The redis-py call built from the user's arguments, or null when they cannot be told apart (`*args`). */
interface BuiltLock {
  readonly text: string;
  readonly timeoutDefaulted: boolean;
  readonly waitDefaulted: boolean;
}

function lockCall(call: CallParts): BuiltLock | null {
  if (call.hasSplat || call.positional.length > 4) return null;
  if ([...call.keywords.keys()].some((k) => !CONSTRUCTOR_KEYWORDS.has(k))) return null;
  const arg = (index: number, ...names: string[]): SyntaxNode | undefined => {
    const kw = names.map((n) => call.keywords.get(n)).find((k) => k !== undefined);
    return kw?.childForFieldName("value") ?? call.positional[index];
  };
  const client = arg(0, "pool_or_conn", "pool");
  const key = arg(1, "key");
  if (client === undefined || key === undefined) return null;
  const timeout = arg(2, "timeout")?.text;
  const wait = arg(3, "wait_timeout")?.text;
  const receiver = PLAIN_RECEIVERS.has(client.type) ? client.text : `(${client.text})`;
  return {
    text: `${receiver}.lock(${key.text}, timeout=${timeout ?? DEFAULT_TIMEOUT}, blocking_timeout=${wait ?? DEFAULT_WAIT})`,
    timeoutDefaulted: timeout === undefined,
    waitDefaulted: wait === undefined,
  };
}

/** The lock methods whose redis-py spelling or meaning differs, when the module calls them. */
function methodNotes(ctx: RuleContext): string {
  const text = ctx.source.text;
  const notes: string[] = [];
  if (/\.is_owner\s*\(/.test(text)) notes.push("`is_owner()` is `owned()`");
  if (/\.renew\s*\(/.test(text)) notes.push("`renew(t)` is `extend(t, replace_ttl=True)` (`renew()`: `extend(30, replace_ttl=True)`)");
  if (/\.acquire\s*\(/.test(text)) {
    notes.push(
      "`acquire()` takes only `blocking_timeout=` and uses the lock's `timeout`, where aioredis_lock's " +
        "`acquire(timeout=30, wait_timeout=30)` ignored the constructor's values",
    );
  }
  return notes.length === 0 ? "" : ` On the lock, ${notes.join("; ")}.`;
}

function reportErrorUse(ctx: RuleContext, ref: SyntaxNode): void {
  const line = lineWith(ctx, ref, "LockError");
  ctx.manual({ node: ref, what: ERROR_STEP, suggestion: line ?? "LockError", replacesLines: line === null ? 0 : 1 });
}

/** The first line of `node`'s statement with `node` replaced, when `node` sits on that one line. */
function lineWith(ctx: RuleContext, node: SyntaxNode, text: string): string | null {
  const src = ctx.source;
  const line = src.lineIndexAt(enclosingStatement(node).startIndex);
  if (src.lineIndexAt(node.startIndex) !== line || src.lineIndexAt(node.endIndex) !== line) return null;
  const start = src.lineStart(line);
  return src.text.slice(start, node.startIndex) + text + src.text.slice(node.endIndex, src.lineContentEnd(line));
}
