import type { SyntaxNode } from "../../parser.js";
import { unparenthesize, type CallParts } from "../../syntax.js";
import type { Address } from "./address.js";
import type { PerCallCreation } from "./per-call.js";

/** A manual step, as handed to `ctx.manual`. The texts live here so the planner stays readable. */
export interface Step {
  readonly node: SyntaxNode;
  readonly what: string;
  readonly suggestion: string;
}

export function addressSteps(address: Address, node: SyntaxNode, parts: CallParts, migrated: string, asPair: string, steps: Step[]): void {
  if (address.kind !== "url") return;
  const expr = unparenthesize(node).text;
  const options = "redis-py rejects `?timeout=` (now `?socket_connect_timeout=`) and `?ssl=true` (now the `rediss://` scheme), and `?encoding=` no longer decodes replies (add `decode_responses=True`).";
  const example = "# aioredis: redis://host:6379/0?timeout=5&ssl=true&encoding=utf-8\n# redis-py: rediss://host:6379/0?socket_connect_timeout=5&encoding=utf-8 with decode_responses=True";
  if (address.constant && address.check === "options") {
    steps.push({
      node,
      what: `Rewrite the aioredis-only options in the URL \`${expr}\`, which is also used elsewhere. ${options}`,
      suggestion: `${expr} = ${address.constant.newText}`,
    });
  } else if (address.check === "options") {
    steps.push({ node, what: `Check the URL in \`${expr}\` for aioredis-only query options. ${options}`, suggestion: example });
  } else if (address.check === "is-url") {
    steps.push({
      node,
      what: `Check that \`${expr}\` is a redis:// URL, now that it is passed to \`from_url\`. A (host, port) pair needs \`Redis(host=..., port=...)\` and a socket path \`Redis(unix_socket_path=...)\`; in a URL, ${options}`,
      suggestion: asPair,
    });
  }
  if (address.literal?.sslOnUnix) {
    steps.push({
      node: parts.call,
      what: "TLS over a unix socket cannot be expressed in redis-py's URL: drop it or build the pool with `connection_class=` by hand.",
      suggestion: migrated,
    });
  }
}


export function customClassStep(kw: SyntaxNode, cls: string): Step {
  return {
    node: kw,
    what: `Make \`${cls}\` subclass \`redis.asyncio.Redis\`: it is now the client class itself, no longer an aioredis commands factory.`,
    suggestion: `class ${cls}(redis.asyncio.Redis):`,
  };
}

export function splatStep(splat: SyntaxNode, migrated: string): Step {
  return {
    node: splat,
    what: `Check the keys of \`${splat.text}\` for aioredis-only options. Rename \`maxsize\` → \`max_connections\`, \`timeout\` → \`socket_connect_timeout\`, \`name\` → \`client_name\`, add \`decode_responses=True\` next to \`encoding\`, and drop \`minsize\` and \`loop\`.`,
    suggestion: migrated,
  };
}

export function perCallStep(call: SyntaxNode, perCall: PerCallCreation, migrated: string): Step {
  // A client shared by concurrent tasks needs its pool, not one dedicated connection.
  const shared = migrated.replace(/,\s*single_connection_client=True/, "");
  return {
    node: call,
    what: `Create this client once at startup and share it: \`${perCall.functionName}()\` builds a new client and connection pool on every call. In redis-py every \`Redis(...)\`/\`from_url\` call opens its own pool, and in 4.x closing a \`from_url\` client leaves the pool's sockets open.`,
    suggestion: `# at module level or in the application's startup hook:\n${perCall.local ?? "redis_client"} = ${shared}`,
  };
}
