import { applyEdits, compareEdits, type TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { awaitingParent, callParts, keywordValue, unparenthesize } from "../../syntax.js";
import { classifyAddress, type Address } from "./address.js";
import { ArgListEditor } from "./arglist.js";
import { applyKeywordAction, keywordAction, type KeywordAction } from "./keywords.js";
import { perCallCreation } from "./per-call.js";
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

  const steps: Step[] = [];
  const notes: string[] = [];
  const editor = new ArgListEditor(ctx.source, parts.args);
  const fromUrl = address.kind === "url";
  const addressItem = parts.positional[0] ?? parts.keywords.get("address")!;
  editor.replace(addressItem, addressText(address, addressItem !== parts.positional[0]));

  const factoryKw = parts.keywords.get("commands_factory");
  const customClass = factoryKw && !ctx.facts.resolve(keywordValue(factoryKw))?.startsWith("aioredis.") ? keywordValue(factoryKw).text : null;
  for (const [name, kw] of parts.keywords) {
    if (name === "address") continue;
    if (name === "commands_factory") {
      editor.remove(kw);
      continue;
    }
    const action: KeywordAction = keywordAction(kw, name, {
      fromUrl,
      literalUrl: fromUrl && address.literal !== null && !address.viaConstant,
      hasDecodeResponses: parts.keywords.has("decode_responses"),
      isAioredisName: (node) => ctx.facts.resolve(node) !== undefined,
      sslConnection: () => ctx.names.asyncio("SSLConnection"),
    });
    applyKeywordAction(editor, kw, action, notes, steps);
  }
  if (fromUrl && !address.viaConstant && address.literal?.changes.length) notes.push(`the URL's aioredis-only options were rewritten (${address.literal.changes.join(", ")})`);
  if (fromUrl && address.literal?.decode && !parts.keywords.has("encoding") && !parts.keywords.has("decode_responses")) {
    editor.append("decode_responses=True");
    notes.push("`?encoding=` only picks the codec in redis-py, so `decode_responses=True` keeps replies as `str`");
  }

  // redis-py < 5.0 passes `single_connection_client` from `from_url` on to `Connection(...)` (a TypeError), so the
  // 4.2 target builds the pool explicitly.
  // aioredis waited for a free connection when `maxsize` were busy; redis-py's ConnectionPool raises at once, its
  // BlockingConnectionPool waits (`timeout=None`: forever, as aioredis did). Verified: reference §3.3, programs 04/10.
  const blocking = !single && parts.keywords.has("maxsize");
  if (blocking) {
    editor.append("timeout=None");
    notes.push("a `BlockingConnectionPool` keeps aioredis' wait for a free connection when `maxsize` are busy");
  }
  const wrapPool = (single && fromUrl && ctx.options.target === "4.2") || blocking;
  // asked of the name plan only when used: asking records an import
  const poolClass = wrapPool ? ctx.names.asyncio(blocking ? "BlockingConnectionPool" : "ConnectionPool") : "";
  if (single && !wrapPool) editor.append("single_connection_client=True");
  if (single) notes.push("`single_connection_client=True` keeps the single dedicated connection");

  const cls = customClass ?? ctx.names.asyncio("Redis");
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
  const why = [whyBase(address, fname), ...notes].join("; ") + ".";
  const constantFix = fromUrl && address.constant && address.check === "none"
    ? { edit: { start: address.constant.value.startIndex, end: address.constant.value.endIndex, text: address.constant.newText }, key: address.constant.value.id }
    : undefined;
  return { rewrite: { edits, why }, constantFix, steps };
}

function addressText(address: Exclude<Address, { kind: "unknown" }>, asKeyword: boolean): string {
  switch (address.kind) {
    case "url":
      return asKeyword ? `url=${address.text}` : address.text;
    case "tcp":
      return `host=${address.host}, port=${address.port}`;
    case "unix":
      return `unix_socket_path=${address.path}`;
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
