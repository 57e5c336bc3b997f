import { applyEdits, compareEdits, type TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { awaitingParent, callParts, keywordValue, unparenthesize, type CallParts } from "../../syntax.js";
import { classifyAddress, type Address } from "./address.js";
import { ArgListEditor } from "./arglist.js";
import { applyKeywordAction, keywordAction, type KeywordAction } from "./keywords.js";
import { perCallCreation } from "./per-call.js";
import { AIOREDIS_DEFAULT_MAXSIZE, poolDifferences, poolSizingStep } from "./sizing.js";
import { addressSteps, customClassStep, perCallStep, splatStep, type Step } from "./steps.js";

/** The aioredis 1.x factories; the two single-connection ones keep that shape with `single_connection_client=True`. */
export const FACTORIES: ReadonlyMap<string, { readonly single: boolean }> = new Map([
  ["aioredis.create_redis", { single: true }],
  ["aioredis.create_connection", { single: true }],
  ["aioredis.create_redis_pool", { single: false }],
  ["aioredis.create_pool", { single: false }],
]);

/** Callables that need a coroutine, not just an awaitable: the client is passed as `Redis(...).initialize()`. */
const NEEDS_COROUTINE = /(^|\.)(create_task|run)$/;

export interface FactoryPlan {
  /** The rewrite (absent when only manual steps can be given). */
  readonly rewrite?: { readonly edits: TextEdit[]; readonly why: string };
  /** A module constant's URL fixed where it is defined (its own rewrite: other calls may propose the same edit). */
  readonly constantFix?: { readonly edit: TextEdit; readonly key: number };
  readonly steps: readonly Step[];
}

/** Whether `node` is the address argument of a factory call (used to decide whether a URL constant may be edited). */
export function isFactoryAddress(ctx: RuleContext, node: SyntaxNode): boolean {
  let n = node;
  while (n.parent?.type === "parenthesized_expression") n = n.parent;
  const holder = n.parent?.type === "keyword_argument" ? n.parent : n;
  const args = holder.parent;
  const call = args?.parent;
  if (args?.type !== "argument_list" || call?.type !== "call") return false;
  const resolved = ctx.facts.resolve(call.childForFieldName("function")!);
  if (!resolved || !FACTORIES.has(resolved)) return false;
  if (holder.type === "keyword_argument") return holder.childForFieldName("name")?.text === "address";
  return args.namedChildren.filter((c) => c.type !== "comment")[0]?.id === n.id;
}

/** Plans the migration of one factory call (§3.1, §3.2). */
export function planFactoryCall(ctx: RuleContext, call: SyntaxNode, single: boolean): FactoryPlan {
  const parts = callParts(call)!;
  const fname = parts.callee.text;
  const addressNode = parts.positional[0] ?? (parts.keywords.get("address") ? keywordValue(parts.keywords.get("address")!) : undefined);
  const byHand = (why: string): FactoryPlan => ({
    steps: [{
      node: call,
      what: `Migrate this \`${fname}(...)\` call by hand: ${why}. Build one \`redis.asyncio.Redis\` client with \`Redis.from_url(url, ...)\` or \`Redis(host=..., port=...)\`, without \`await\`.`,
      suggestion: `redis.asyncio.Redis.from_url("redis://localhost:6379")`,
    }],
  });
  if (parts.positional.some((p) => p.type === "list_splat")) return byHand("its arguments are spread from a list");
  if (!addressNode) return byHand("it passes no address");
  if (parts.positional.length > 1) return byHand("aioredis takes only the address positionally");

  const sslKw = parts.keywords.get("ssl");
  const sslTrue = sslKw !== undefined && keywordValue(sslKw).text === "True";
  const address = classifyAddress(addressNode, ctx.tree.rootNode, sslTrue, (reads) => reads.every((r) => isFactoryAddress(ctx, r)));
  if (address.kind === "unknown") return byHand(address.why);

  const { edits, notes, steps, addressItem, cls, poolClass, wrapPool, awaited, customClass, factoryKw } =
    rewriteCall(ctx, call, parts, address, single, realVariant(ctx));
  const fromUrl = address.kind === "url";

  const migrated = textOf(ctx, awaited ?? call, edits);
  // The alternative for an address that may be a (host, port) pair rather than a URL.
  const expr = unparenthesize(addressNode).text;
  const asPair = edits.map((e) =>
    e.start === addressItem.startIndex && e.end === addressItem.endIndex ? { ...e, text: `host=${expr}[0], port=${expr}[1]` }
    : e.start === parts.callee.startIndex ? { ...e, text: wrapPool ? `${cls}(connection_pool=${poolClass}` : cls }
    : e);
  addressSteps(address, addressNode, parts, migrated, textOf(ctx, awaited ?? call, asPair), steps);
  if (customClass) steps.push(customClassStep(factoryKw!, customClass));
  if (parts.hasSplat) steps.push(splatStep(parts.args.namedChildren.find((c) => c.type === "dictionary_splat")!, migrated));
  const perCall = perCallCreation(awaited ?? call);
  if (perCall) steps.push(perCallStep(call, perCall, migrated));
  // A pool built per call is to be moved first; its size and startup check matter where it ends up.
  const sizing = single || perCall ? null : poolDifferences(parts, awaited ?? call);
  if (sizing) {
    const bounded = sizing.unbounded ? rewriteCall(ctx, call, parts, address, single, boundedVariant(ctx, cls, customClass)).edits : edits;
    steps.push(poolSizingStep(call, awaited ?? call, sizing, textOf(ctx, awaited ?? call, bounded)));
  }
  const why = [whyBase(address, fname), ...notes].join("; ") + ".";
  const constantFix = fromUrl && address.constant && address.check === "none"
    ? { edit: { start: address.constant.value.startIndex, end: address.constant.value.endIndex, text: address.constant.newText }, key: address.constant.value.id }
    : undefined;
  return { rewrite: { edits, why }, constantFix, steps };
}

/**
 * How a rewrite spells redis-py names. The real rewrite asks the name plan (which records the import); the bounded
 * variant, only suggested, spells them beside the client class so no import is recorded.
 */
interface Variant {
  readonly bounded: boolean;
  name(asyncioName: string): string;
}

function realVariant(ctx: RuleContext): Variant {
  return { bounded: false, name: (n) => ctx.names.asyncio(n) };
}

/** `redis.BlockingConnectionPool` beside `redis.Redis` (module style), else the bare name (imported from `redis.asyncio`). */
function boundedVariant(ctx: RuleContext, cls: string, customClass: string | null): Variant {
  const moduleStyle = customClass === null ? cls.includes(".") : ctx.names.fromImports.every((f) => f.module !== "redis.asyncio");
  const prefix = moduleStyle ? `${customClass === null ? cls.slice(0, cls.lastIndexOf(".")) : ctx.names.moduleAlias}.` : "";
  return { bounded: true, name: (n) => (n === "Redis" ? cls : prefix + n) };
}

interface CallRewrite {
  readonly edits: TextEdit[];
  readonly notes: string[];
  readonly steps: Step[];
  readonly addressItem: SyntaxNode;
  readonly cls: string;
  readonly poolClass: string;
  readonly wrapPool: boolean;
  readonly awaited: SyntaxNode | null;
  readonly customClass: string | null;
  readonly factoryKw: SyntaxNode | undefined;
}

/**
 * The edits that turn a factory call into a redis-py client (address, keywords, pool class, `await`). The bounded
 * variant builds a pool without `maxsize` as if `maxsize=10` were given: the form suggested to keep aioredis' size.
 */
function rewriteCall(
  ctx: RuleContext,
  call: SyntaxNode,
  parts: CallParts,
  address: Exclude<Address, { kind: "unknown" }>,
  single: boolean,
  variant: Variant,
): CallRewrite {
  const steps: Step[] = [];
  const notes: string[] = [];
  const editor = new ArgListEditor(ctx.source, parts.args);
  const fromUrl = address.kind === "url";
  // redis-py < 5.0 passes `single_connection_client` from `from_url` on to `Connection(...)` (a TypeError), so the
  // 4.2 target builds the pool explicitly.
  // aioredis waited for a free connection when `maxsize` were busy; redis-py's ConnectionPool raises at once, its
  // BlockingConnectionPool waits (`timeout=None`: forever, as aioredis did). Verified: reference §3.3, programs 04/10.
  const blocking = !single && (parts.keywords.has("maxsize") || variant.bounded);
  const wrapPool = (single && fromUrl && ctx.options.target === "4.2") || blocking;
  // A pool passes its keywords to the connection class: no `unix_socket_path=` or `ssl=` there (TypeError).
  const poolKeywords = wrapPool && !fromUrl;
  const addressItem = parts.positional[0] ?? parts.keywords.get("address")!;
  const unixConnection = poolKeywords && address.kind === "unix" ? variant.name("UnixDomainSocketConnection") : null;
  editor.replace(addressItem, addressText(address, addressItem !== parts.positional[0], unixConnection));

  const factoryKw = parts.keywords.get("commands_factory");
  const customClass = factoryKw && !ctx.facts.resolve(keywordValue(factoryKw))?.startsWith("aioredis.") ? keywordValue(factoryKw).text : null;
  const cls = customClass ?? variant.name("Redis");
  for (const [name, kw] of parts.keywords) {
    if (name === "address") continue;
    if (name === "commands_factory") {
      editor.remove(kw);
      continue;
    }
    const action: KeywordAction = keywordAction(kw, name, {
      fromUrl,
      poolKeywords,
      literalUrl: fromUrl && address.literal !== null && !address.viaConstant,
      hasDecodeResponses: parts.keywords.has("decode_responses"),
      isAioredisName: (node) => ctx.facts.resolve(node) !== undefined,
      sslConnection: () => variant.name("SSLConnection"),
    });
    applyKeywordAction(editor, kw, action, notes, steps);
  }
  if (fromUrl && !address.viaConstant && address.literal?.changes.length) notes.push(`the URL's aioredis-only options were rewritten (${address.literal.changes.join(", ")})`);
  if (fromUrl && address.literal?.decode && !parts.keywords.has("encoding") && !parts.keywords.has("decode_responses")) {
    editor.append("decode_responses=True");
    notes.push("`?encoding=` only picks the codec in redis-py, so `decode_responses=True` keeps replies as `str`");
  }
  if (variant.bounded) editor.append(`max_connections=${AIOREDIS_DEFAULT_MAXSIZE}`);
  if (blocking) {
    editor.append("timeout=None");
    notes.push("a `BlockingConnectionPool` keeps aioredis' wait for a free connection when `maxsize` are busy");
  }
  // asked of the name plan only when used: asking records an import
  const poolClass = wrapPool ? variant.name(blocking ? "BlockingConnectionPool" : "ConnectionPool") : "";
  if (single && !wrapPool) editor.append("single_connection_client=True");
  if (single) notes.push("`single_connection_client=True` keeps the single dedicated connection");

  const edits = editor.edits();
  const calleeText = wrapPool
    ? `${cls}(connection_pool=${poolClass}${fromUrl ? ".from_url" : ""}`
    : fromUrl ? `${cls}.from_url` : cls;
  edits.push({ start: parts.callee.startIndex, end: parts.callee.endIndex, text: calleeText });
  const awaited = awaitingParent(call);
  if (awaited) edits.push({ start: awaited.startIndex, end: awaited.namedChild(0)!.startIndex, text: "" });
  let tail = wrapPool ? (single ? ", single_connection_client=True)" : ")") : "";
  if (!awaited && needsCoroutine(call)) {
    tail += ".initialize()";
    notes.push("`initialize()` hands the client over as a coroutine");
  }
  if (tail) edits.push({ start: call.endIndex, end: call.endIndex, text: tail });
  edits.sort(compareEdits);
  return { edits, notes, steps, addressItem, cls, poolClass, wrapPool, awaited, customClass, factoryKw };
}

/** The address as keywords; a socket path given to a connection pool needs the unix connection class. */
function addressText(address: Exclude<Address, { kind: "unknown" }>, asKeyword: boolean, unixConnection: string | null): string {
  switch (address.kind) {
    case "url":
      return asKeyword ? `url=${address.text}` : address.text;
    case "tcp":
      return `host=${address.host}, port=${address.port}`;
    case "unix":
      return unixConnection ? `path=${address.path}, connection_class=${unixConnection}` : `unix_socket_path=${address.path}`;
  }
}

function whyBase(address: Address, fname: string): string {
  const built = address.kind === "url" ? "`Redis.from_url(url)`" : address.kind === "tcp" ? "`Redis(host=..., port=...)`" : "`Redis(unix_socket_path=...)`";
  return `aioredis' \`${fname}\` is gone: ${built} builds the client and its connection pool synchronously and connects on first use, so nothing is awaited`;
}

function needsCoroutine(call: SyntaxNode): boolean {
  let n = call;
  while (n.parent?.type === "parenthesized_expression") n = n.parent;
  const outer = n.parent?.type === "argument_list" ? n.parent.parent : null;
  return outer?.type === "call" && NEEDS_COROUTINE.test(outer.childForFieldName("function")!.text);
}

/** The text of `node` after `edits` (for suggestions that show the migrated call). */
function textOf(ctx: RuleContext, node: SyntaxNode, edits: readonly TextEdit[]): string {
  const inside = edits
    .filter((e) => e.start >= node.startIndex && e.end <= node.endIndex)
    .map((e) => ({ ...e, start: e.start - node.startIndex, end: e.end - node.startIndex }));
  return applyEdits(ctx.source.text.slice(node.startIndex, node.endIndex), inside);
}
