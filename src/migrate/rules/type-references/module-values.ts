import type { SyntaxNode } from "../../parser.js";
import type { RuleContext } from "../../rule.js";
import { linesWith } from "../../command-calls/flags.js";

/**
 * aioredis module attributes that are values, not classes (reference §2): each becomes an expression of a module that
 * migrated code imports plainly (`import logging`, `import redis`).
 */
interface ModuleValue {
  /** The module the replacement is read from; its top-level name must be free or already bound to it. */
  readonly module: string;
  readonly text: string;
}

export const MODULE_VALUES: ReadonlyMap<string, ModuleValue> = new Map([
  // aioredis 1.x logged to `logging.getLogger("aioredis")`; redis-py's loggers (`redis.cluster`, …) are children of "redis"
  ["aioredis.log.logger", { module: "logging", text: 'logging.getLogger("redis")' }],
  ["aioredis.__version__", { module: "redis", text: "redis.__version__" }],
]);

const WHY = "aioredis is unmaintained; its module attributes have redis-py (or standard library) equivalents.";

/** `prefix` (the aioredis reference inside `chain`) → the module value, when the module's name can be used here. */
export function migrateModuleValue(ctx: RuleContext, prefix: SyntaxNode, value: ModuleValue): void {
  const state = moduleNameState(ctx, value.module);
  if (state === "taken") return reportTaken(ctx, prefix, value);
  ctx.names.plainModule(value.module, state === "bound");
  ctx.rewrite([{ start: prefix.startIndex, end: prefix.endIndex, text: value.text }], WHY);
}

/**
 * Whether `import <module>` may be relied on: `bound` when the module already imports it plainly (`import redis`,
 * `import logging.handlers`), `free` when nothing in the module uses that name (for `redis`: nor does the migrated
 * code, whose `import redis.asyncio as redis` would shadow it), else `taken`.
 */
function moduleNameState(ctx: RuleContext, module: string): "bound" | "free" | "taken" {
  const plain = ctx.tree.rootNode
    .descendantsOfType("import_statement")
    .some((s) => s.childrenForFieldName("name").some((n) => n.type === "dotted_name" && (n.text === module || n.text.startsWith(`${module}.`))));
  if (plain && ctx.names.moduleAlias !== module) return "bound";
  if (ctx.facts.usedNames.has(module) || ctx.names.moduleAlias === module) return "taken";
  return "free";
}

function reportTaken(ctx: RuleContext, prefix: SyntaxNode, value: ModuleValue): void {
  const local = freeName(ctx, `${value.module}_py`);
  const line = linesWith(ctx.source, [{ node: prefix, text: value.text.replace(value.module, local) }]).trim();
  const why = ctx.names.moduleAlias === value.module ? `is the name this module's migrated code gives \`redis.asyncio\`` : "is already used in this module";
  ctx.manual({
    node: prefix,
    what: `\`${prefix.text}\` becomes \`${value.text}\`, but \`${value.module}\` ${why}: import \`${value.module}\` under another name and read it from there.`,
    suggestion: `import ${value.module} as ${local}\n${line}`,
  });
}

function freeName(ctx: RuleContext, base: string): string {
  if (!ctx.facts.usedNames.has(base)) return base;
  for (let i = 2; ; i++) if (!ctx.facts.usedNames.has(`${base}${i}`)) return `${base}${i}`;
}
