import { applyEdits, compareEdits, type TextEdit } from "../../edits.js";
import type { SyntaxNode } from "../../parser.js";
import type { ManualFinding, RuleContext } from "../../rule.js";
import { callParts, keywordValue } from "../../syntax.js";
import { ArgListEditor } from "../client-creation/arglist.js";
import { applyKeywordAction, keywordAction } from "../client-creation/keywords.js";

/** aioredis 1.3.1's default `timeout=` of `create_sentinel`: how long sentinel discovery may take per step. */
const DEFAULT_DISCOVERY_TIMEOUT = "0.2";

const PY311 =
  "Test this Sentinel setup against a running sentinel by hand: aioredis 1.3.1's `create_sentinel()` cannot run on Python 3.11 or later (it passes bare coroutines to `asyncio.wait`, a TypeError), so the old and the new behaviour cannot be compared there.";
const MASTER_FOR_NOTE =
  "redis-py's `master_for()`/`slave_for()` build a new client and connection pool on every call (aioredis cached one pool per service): call them once and share the clients.";

export interface SentinelPlan {
  readonly rewrite?: { readonly edits: TextEdit[]; readonly why: string };
  readonly steps: ManualFinding[];
}

/**
 * `await aioredis.create_sentinel(sentinels, db=, password=, encoding=, minsize=, maxsize=, ssl=, timeout=, loop=,
 * sentinel_password=)` → `Sentinel(sentinels, db=, password=, decode_responses=True, max_connections=,
 * socket_connect_timeout=, sentinel_kwargs={"socket_timeout": …})`, built synchronously (reference §3.1, §9.1).
 *
 * `timeout=` bounded aioredis' discovery (connecting to and querying the sentinels, and connecting to the
 * discovered node); it was never a read timeout. It therefore goes to the sentinels' own connections
 * (`sentinel_kwargs`) and to the data nodes' connect timeout — not to `socket_timeout=` among the connection
 * keywords, which redis-py would also apply to every read on the `master_for()` clients (a blocking `blpop` longer
 * than the timeout would then raise `TimeoutError`). When it is left out, aioredis' 0.2 s discovery bound is kept
 * for the sentinels.
 */
export function planCreateSentinel(ctx: RuleContext, call: SyntaxNode, awaited: SyntaxNode | null): SentinelPlan {
  const parts = callParts(call)!;
  const fname = parts.callee.text;
  const byHand = (why: string): SentinelPlan => ({
    steps: [{
      node: call,
      what: `Migrate this \`${fname}(...)\` call by hand: ${why}. redis-py builds \`Sentinel(sentinels, sentinel_kwargs={"socket_timeout": …}, **connection_kwargs)\` synchronously, without \`await\`. ${PY311}`,
      suggestion: `redis.asyncio.sentinel.Sentinel([("localhost", 26379)], sentinel_kwargs={"socket_timeout": ${DEFAULT_DISCOVERY_TIMEOUT}})`,
    }],
  });
  if (!awaited) return byHand("it is not awaited where it is called (its coroutine is handed on), and `Sentinel(...)` is not a coroutine");
  if (parts.positional.some((p) => p.type === "list_splat")) return byHand("its arguments are spread from a list");
  if (parts.positional.length > 1) return byHand("aioredis takes only the sentinel addresses positionally");
  if (parts.positional.length === 0 && !parts.keywords.has("sentinels")) return byHand("it passes no sentinel addresses");

  // asked of the name plan only now: asking records the import
  const sentinel = ctx.names.fromModule("redis.asyncio.sentinel", "Sentinel");
  const editor = new ArgListEditor(ctx.source, parts.args);
  const steps: ManualFinding[] = [];
  const notes: string[] = [];
  const sentinelKwargs: string[] = [];
  let timeout: string | null = null;
  for (const [name, kw] of parts.keywords) {
    const value = keywordValue(kw);
    switch (name) {
      case "sentinels":
      case "db":
      case "password":
        break;
      case "timeout":
        timeout = value.text;
        editor.rename(kw, "socket_connect_timeout");
        break;
      case "sentinel_password":
        sentinelKwargs.push(`"password": ${value.text}`);
        editor.remove(kw);
        notes.push("`sentinel_password` authenticates to the sentinels, through `sentinel_kwargs`");
        break;
      default: {
        const action = keywordAction(kw, name, {
          fromUrl: false,
          literalUrl: false,
          hasDecodeResponses: parts.keywords.has("decode_responses"),
          isAioredisName: (node) => ctx.facts.resolve(node) !== undefined,
          sslConnection: () => ctx.names.asyncio("SSLConnection"),
        });
        applyKeywordAction(editor, kw, action, notes, steps);
      }
    }
  }
  sentinelKwargs.unshift(`"socket_timeout": ${timeout ?? DEFAULT_DISCOVERY_TIMEOUT}`);
  if (!parts.keywords.has("sentinel_kwargs")) editor.append(`sentinel_kwargs={${sentinelKwargs.join(", ")}}`);
  notes.push(
    timeout === null
      ? `aioredis bounded sentinel discovery by ${DEFAULT_DISCOVERY_TIMEOUT} s by default, kept for the sentinels' connections in \`sentinel_kwargs\``
      : "`timeout` bounded discovery: it becomes the sentinels' `socket_timeout` (in `sentinel_kwargs`) and the data nodes' `socket_connect_timeout`, not a read timeout on every command",
  );

  const edits = editor.edits();
  edits.push({ start: parts.callee.startIndex, end: parts.callee.endIndex, text: sentinel });
  edits.push({ start: awaited.startIndex, end: awaited.namedChild(0)!.startIndex, text: "" });
  edits.sort(compareEdits);
  const migrated = textOf(ctx, awaited, edits);

  const extra: string[] = [];
  if (parts.keywords.has("maxsize"))
    extra.push("Clients from `master_for()` now raise `ConnectionError` at once when `max_connections` are busy, where aioredis waited for a free connection.");
  extra.push(MASTER_FOR_NOTE);
  steps.unshift({ node: call, what: `${PY311} ${extra.join(" ")}`, suggestion: migrated });
  if (parts.hasSplat) {
    const splat = parts.args.namedChildren.find((c) => c.type === "dictionary_splat")!;
    steps.push({
      node: splat,
      what: `Check the keys of \`${splat.text}\` for aioredis-only options: \`timeout\` → \`sentinel_kwargs={"socket_timeout": …}\` and \`socket_connect_timeout\`, \`maxsize\` → \`max_connections\`, add \`decode_responses=True\` next to \`encoding\`, drop \`minsize\` and \`loop\`.`,
      suggestion: migrated,
    });
  }
  const why =
    ["aioredis' `create_sentinel` is gone: redis-py's `Sentinel(...)` is built synchronously (nothing is awaited) and finds the master on first use", ...notes].join("; ") + ".";
  return { rewrite: { edits, why }, steps };
}

/** The text of `node` after `edits` (for the suggestion that shows the migrated call). */
function textOf(ctx: RuleContext, node: SyntaxNode, edits: readonly TextEdit[]): string {
  const inside = edits
    .filter((e) => e.start >= node.startIndex && e.end <= node.endIndex)
    .map((e) => ({ ...e, start: e.start - node.startIndex, end: e.end - node.startIndex }));
  return applyEdits(ctx.source.text.slice(node.startIndex, node.endIndex), inside);
}
