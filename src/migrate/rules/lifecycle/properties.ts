import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { enclosingStatement } from "../../syntax.js";
import { confidence, isSure, lineWith } from "./receiver.js";

interface PropertyAdvice {
  readonly what: string;
  /** An expression that computes the same value in redis-py, when there is one. */
  readonly replacement?: string;
  /** Otherwise, code that shows what to do instead. */
  readonly sketch?: string;
}

/** A flag name derived from the receiver: `self.redis` → `self.redis_closed`, `app["redis"]` → `redis_closed`. */
function flagName(x: string): string {
  return /^[A-Za-z_][\w.]*$/.test(x) ? `${x}_closed` : "redis_closed";
}

const PROPERTIES: Record<string, (x: string) => PropertyAdvice> = {
  closed: (x) => ({
    what: `redis-py clients have no \`closed\` property: keep your own flag, set where \`${x}\` is closed.`,
    sketch: `${flagName(x)} = True  # next to the close call; test ${flagName(x)} instead of ${x}.closed`,
  }),
  db: (x) => ({
    what: `redis-py clients have no \`db\` property: the database index is in the connection pool's settings.`,
    replacement: `${x}.connection_pool.connection_kwargs.get("db", 0)`,
  }),
  encoding: (x) => ({
    what: `redis-py clients have no \`encoding\` property: replies are decoded only when the client has \`decode_responses=True\`.`,
    replacement: `(${x}.get_encoder().encoding if ${x}.get_encoder().decode_responses else None)`,
  }),
  address: (x) => ({
    what: `redis-py clients have no \`address\` property: host and port (or \`path\` for a Unix socket) are in the connection pool's settings.`,
    replacement: `(${x}.connection_pool.connection_kwargs.get("host"), ${x}.connection_pool.connection_kwargs.get("port", 6379))`,
  }),
  in_transaction: (x) => ({
    what: `redis-py clients have no \`in_transaction\` property: a transaction lives on its own Pipeline object.`,
    sketch: `pipe.explicit_transaction  # pipe = ${x}.pipeline(); True after pipe.multi()`,
  }),
  in_pubsub: (x) => ({
    what: `redis-py clients have no \`in_pubsub\` property: subscriptions live on a PubSub object.`,
    sketch: `bool(pubsub.subscribed)  # pubsub = ${x}.pubsub()`,
  }),
  freesize: (x) => ({
    what: `redis-py has no public count of free pooled connections (aioredis 1.x \`freesize\`): drop the check, or read the pool's private list.`,
    replacement: `len(${x}.connection_pool._available_connections)`,
  }),
  size: (x) => ({
    what: `redis-py has no public count of open pooled connections (aioredis 1.x \`size\`): drop the check, or read the pool's private counter.`,
    replacement: `${x}.connection_pool._created_connections`,
  }),
  maxsize: (x) => ({
    what: `aioredis 1.x \`maxsize\` is the pool's \`max_connections\` in redis-py.`,
    replacement: `${x}.connection_pool.max_connections`,
  }),
  minsize: (x) => ({
    what: `redis-py pools have no \`minsize\`: they open connections lazily, on first use.`,
    sketch: "0  # redis-py opens connections on first use",
  }),
  connection: (x) => ({
    what: `\`${x}.connection\` was the pool (or connection) in aioredis 1.x; in redis-py it is the dedicated connection of a single-connection client (usually None): use \`connection_pool\`.`,
    replacement: `${x}.connection_pool`,
  }),
};

/** aioredis 1.x client properties without a redis-py twin: reported with the expression that replaces them. */
export function reportProperties(ctx: RuleContext): void {
  for (const node of ctx.tree.rootNode.descendantsOfType("attribute")) {
    const name = node.childForFieldName("attribute")!.text;
    const advise = PROPERTIES[name];
    if (!advise || isCalledOrCleared(node)) continue;
    const receiver = node.childForFieldName("object")!;
    if (!isSure(confidence(ctx, receiver))) continue;
    const advice = advise(receiver.text);
    const stmt = enclosingStatement(node);
    const line = advice.replacement ? lineWith(ctx, stmt, node, advice.replacement) : null;
    ctx.manual({
      node,
      what: advice.what,
      suggestion: line ?? advice.replacement ?? advice.sketch ?? "",
      replacesLines: line === null ? 0 : 1,
    });
  }
}

/** `x.closed()` is a method call, not the property; `x.connection.clear()` is migrated by the close rules. */
function isCalledOrCleared(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (parent?.type === "call" && parent.childForFieldName("function")?.id === node.id) return true;
  return parent?.type === "attribute" && parent.childForFieldName("attribute")!.text === "clear";
}
