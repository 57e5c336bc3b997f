import { ArgumentEdits } from "../../command-calls/arguments.js";
import { flagUses, siteWith } from "../../command-calls/flags.js";
import { atLeast, commandCalls, usesAioredis, type CommandCall } from "../../command-calls/receiver.js";
import { usesOf, type Use } from "../../command-calls/uses.js";
import { isOwnMethod, renameMethod } from "../../command-rewrites/methods.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { keywordValue } from "../../syntax.js";
import { CLUSTER_STUBS, CLUSTER_SUBCOMMANDS } from "./cluster.js";

const BITOP: Record<string, string> = { bitop_and: "AND", bitop_or: "OR", bitop_xor: "XOR", bitop_not: "NOT" };
const OBJECT: Record<string, string> = { object_refcount: "refcount", object_encoding: "encoding", object_idletime: "idletime" };
const RAW: Record<string, string> = { debug_sleep: '"DEBUG", "SLEEP"' };
const ONLY_1X = new Set([...Object.keys(BITOP), ...Object.keys(OBJECT), ...Object.keys(RAW), ...Object.keys(CLUSTER_SUBCOMMANDS), "publish_json"]);

/** Methods redis-py has but deliberately raises NotImplementedError in. */
const NOT_IMPLEMENTED: Readonly<Record<string, (ctx: RuleContext, call: CommandCall) => void>> = { debug_segfault: debugSegfault, command_info: commandInfo };

/**
 * Commands whose aioredis 1.x method is gone in redis-py (reference §5.1, 5.2, 5.10, 5.11, 5.13):
 * `bitop_and(d, k)` → `bitop("AND", d, k)`, `object_encoding(k)` → `object("encoding", k)`,
 * `debug_sleep(t)` → `execute_command("DEBUG", "SLEEP", t)`, `ping(msg)` → `echo(msg)`,
 * `publish_json(ch, obj)` → `publish(ch, json.dumps(obj))`, `debug_segfault(key)` → `execute_command("DEBUG", "SEGFAULT")`;
 * `cluster_*` and `command_info` are reported.
 */
export default defineRule({
  id: "renamed-commands",
  description: "`bitop_and`, `object_encoding`, `debug_sleep`/`debug_segfault`, `ping(msg)`, `publish_json` → `bitop(\"AND\", …)`, `object(\"encoding\", …)`, `execute_command`, `echo(msg)`, `publish(json.dumps(…))`; `command_info` reported",
  phase: "code",
  triggers: ["bitop_", "object_", "debug_sleep", "debug_segfault", "command_info", "ping(", "publish_json", "cluster_"],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, new Set([...ONLY_1X, "ping", ...Object.keys(NOT_IMPLEMENTED)]))) {
      const { parts } = call;
      if (parts.method === "ping") ping(ctx, call);
      else if (parts.method in NOT_IMPLEMENTED) {
        if (ctx.facts.flavour === "1.x" && !isOwnMethod(parts)) NOT_IMPLEMENTED[parts.method]!(ctx, call);
      } else if (usesAioredis(ctx) && !isOwnMethod(parts)) migrate(ctx, call);
    }
  },
});

function migrate(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const m = parts.method;
  if (m in CLUSTER_SUBCOMMANDS) return cluster(ctx, call);
  if (parts.keywords.size > 0 || parts.positional.length === 0) return manualKeywords(ctx, call);
  const first = parts.positional[0]!;
  const edits = new ArgumentEdits(parts.args, ctx.source.text);
  if (m in BITOP) {
    edits.insertBefore(first, `"${BITOP[m]}"`);
    ctx.rewrite([renameMethod(parts, "bitop"), ...edits.build()], "redis-py has one `bitop(operation, dest, *keys)` instead of aioredis' `bitop_and`/`_or`/`_xor`/`_not`.");
  } else if (m in OBJECT) {
    edits.insertBefore(first, `"${OBJECT[m]}"`);
    ctx.rewrite([renameMethod(parts, "object"), ...edits.build()], "redis-py has one `object(infotype, key)` instead of aioredis' `object_refcount`/`_encoding`/`_idletime`.");
    if (m === "object_encoding") flagEncodingReply(ctx, call, `${parts.receiver.text}.object("encoding", ${first.text})`);
  } else if (m in RAW) {
    edits.insertBefore(first, RAW[m]!);
    ctx.rewrite([renameMethod(parts, "execute_command"), ...edits.build()], "redis-py has no `debug_sleep`; the raw command does the same.");
  } else if (m === "publish_json") publishJson(ctx, call, edits);
}

/**
 * `ping("hi")` → `echo("hi")`: redis-py's `ping()` takes no message, and a raw `execute_command("PING", "hi")` goes
 * through PING's reply callback (`reply == "PONG"`) and returns False; ECHO replies the message as PING did.
 */
function ping(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  if (parts.positional.length !== 1 || parts.hasSplat || !atLeast(call.trust, "repository")) return;
  ctx.rewrite([renameMethod(parts, "echo")], "redis-py's `ping()` takes no message (TypeError); `echo(message)` replies the message as aioredis' `ping(message)` did.");
}

/** `publish_json(ch, obj)` → `publish(ch, json.dumps(obj))`, exactly what aioredis did, with `import json` when needed. */
function publishJson(ctx: RuleContext, call: CommandCall, edits: ArgumentEdits): void {
  const { parts } = call;
  const obj = parts.positional[1];
  if (!obj || parts.positional.length !== 2 || parts.hasSplat) return manualKeywords(ctx, call);
  const bound = moduleImportsJson(ctx);
  if (!bound && ctx.facts.usedNames.has("json")) {
    ctx.manual({
      node: parts.call,
      what: "`publish_json` is gone in redis-py: publish `json.dumps(obj)`; the name `json` means something else in this module, so import the json module under another name.",
      suggestion: `${parts.receiver.text}.publish(${parts.positional[0]!.text}, json_module.dumps(${obj.text}))`,
    });
    return;
  }
  const json = ctx.names.plainModule("json", bound);
  edits.insertAt(obj.startIndex, `${json}.dumps(`).insertAt(obj.endIndex, ")");
  ctx.rewrite([renameMethod(parts, "publish"), ...edits.build()], "redis-py has no `publish_json`; aioredis' version was `publish(channel, json.dumps(obj))`.");
}

/** A module-level `import json` (or `import simplejson as json`) binds `json`. */
function moduleImportsJson(ctx: RuleContext): boolean {
  return ctx.tree.rootNode.namedChildren.some(
    (s) => s.type === "import_statement" && s.childrenForFieldName("name").some((n) =>
      n.type === "aliased_import" ? n.childForFieldName("alias")?.text === "json" : n.text === "json"),
  );
}

/** `object_encoding` forced UTF-8 in aioredis (`'listpack'`); `object("encoding", k)` replies bytes (`b'listpack'`). */
function flagEncodingReply(ctx: RuleContext, call: CommandCall, migrated: string): void {
  if (!call.awaited) return;
  const strLiteral = /(^|[^\w'"])(['"])/;
  const visible = (u: Use): boolean =>
    (u.kind === "compare" && strLiteral.test(u.site.text.replace(u.node.text, ""))) ||
    u.kind === "format" ||
    (u.kind === "method" && u.detail !== "decode");
  flagUses(
    ctx,
    usesOf(call.awaited).filter(visible),
    "`object(\"encoding\", key)` replies bytes in redis-py where aioredis' `object_encoding` replied str: decode it or compare with bytes.",
    (u) => siteWith(u, u.node.type === "identifier" ? `${u.node.text}.decode()` : `(await ${migrated}).decode()`),
  );
}

/**
 * `debug_segfault(key)` → `execute_command("DEBUG", "SEGFAULT")`: aioredis ignored its `key` and sent DEBUG SEGFAULT;
 * redis-py's `debug_segfault()` raises NotImplementedError (4.3.4 up to 8.x) and DEBUG has no reply callback.
 */
function debugSegfault(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const args = parts.args.namedChildren.filter((c) => c.type !== "comment");
  if (parts.hasSplat || args.length > 1 || (args.length === 1 && args[0]!.type === "keyword_argument" && !parts.keywords.has("key"))) return;
  // one argument is aioredis' shape (TypeError in redis-py); none is valid there but raises NotImplementedError
  if (!atLeast(call.trust, args.length === 1 ? "repository" : "module")) return;
  ctx.rewrite(
    [renameMethod(parts, "execute_command"), { start: parts.args.startIndex, end: parts.args.endIndex, text: '("DEBUG", "SEGFAULT")' }],
    "redis-py's `debug_segfault()` raises NotImplementedError; aioredis sent DEBUG SEGFAULT and ignored its key argument.",
  );
}

/**
 * `command_info("get")`: redis-py's method raises NotImplementedError, and the raw command's reply is parsed into
 * `{name: {"arity": …, "flags": […], …}}` where aioredis returned `[[name, arity, [flags], …], …]` (decoded): reported.
 */
function commandInfo(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  if (!atLeast(call.trust, "repository")) return;
  const args = parts.args.namedChildren.filter((c) => c.type !== "comment").map((a) => (a.type === "keyword_argument" ? keywordValue(a).text : a.text));
  ctx.manual({
    node: parts.call,
    what: "redis-py's `command_info()` raises NotImplementedError: send COMMAND INFO with `execute_command` and adapt the code that reads the reply. redis-py parses it into a dict keyed by command name (`{\"get\": {\"arity\": 2, \"flags\": [...], ...}}`) where aioredis returned one list per command (`[[\"get\", 2, [...], ...]]`).",
    suggestion: `${call.awaited ? "await " : ""}${parts.receiver.text}.execute_command(${['"COMMAND"', '"INFO"', ...args].join(", ")})`,
  });
}

function cluster(ctx: RuleContext, call: CommandCall): void {
  const { parts } = call;
  const sub = CLUSTER_SUBCOMMANDS[parts.method]!;
  const args = parts.args.namedChildren.filter((c) => c.type !== "comment" && c.type !== "keyword_argument").map((a) => a.text);
  const stub = CLUSTER_STUBS.has(parts.method);
  ctx.manual({
    node: parts.call,
    what: stub
      ? `\`${parts.method}()\` was an empty stub in aioredis 1.3.1 (it sent nothing and returned None) and does not exist in redis-py: delete the call, or send the real command.`
      : `\`${parts.method}\` does not exist in redis-py: send CLUSTER ${sub} as a raw command (or use redis.asyncio.RedisCluster for a cluster client).`,
    suggestion: `await ${parts.receiver.text}.execute_command(${["\"CLUSTER\"", `"${sub}"`, ...args].join(", ")})`,
  });
}

function manualKeywords(ctx: RuleContext, call: CommandCall): void {
  ctx.manual({
    node: call.parts.call,
    what: `\`${call.parts.method}\` does not exist in redis-py and is called here with keyword or missing arguments: rewrite it by hand.`,
    suggestion: "",
  });
}

