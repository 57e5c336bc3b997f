import type { SyntaxNode } from "../parser.js";
import type { RuleContext } from "../rule.js";

/**
 * A blocking command that waits forever (`timeout=0`, `block=0`, or aioredis' default). redis-py 8 gives every client
 * a 5 s `socket_timeout` by default, and a read that outlasts it raises `TimeoutError` (reference §1, §11.8); aioredis
 * never had a read timeout. Whoever creates the client must decide: `socket_timeout=None`, or a pin below 8.
 */
export function reportWaitsForever(ctx: RuleContext, node: SyntaxNode, what: string): void {
  ctx.manual({
    node,
    what: `${what} waits forever, and redis-py 8 gives clients a 5 s socket_timeout by default that ends such waits with TimeoutError: create this client with socket_timeout=None (or above the longest wait), or pin redis<8.`,
    suggestion: "socket_timeout=None",
  });
}
