import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import type { ExceptionTarget } from "./mapping.js";

/** An expression that names an aioredis exception class, and where that class went. */
export interface Reference {
  readonly node: SyntaxNode;
  readonly target: ExceptionTarget;
}

/** How the migrated file spells the redis-py classes of `target` (through the file's name plan). */
export function targetText(ctx: RuleContext, target: ExceptionTarget): string[] {
  return target.names.map((n) => (target.module ? ctx.names.fromModule(target.module, n) : ctx.names.exception(n)));
}
