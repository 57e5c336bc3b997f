import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { constructorAdvice, planRedisCall, suffixAdvice } from "./calls.js";
import { MANUAL, MANUAL_MODULES, RENAMES, type Advice, type Target } from "./mapping.js";
import { MODULE_VALUES, migrateModuleValue } from "./module-values.js";
import { annotationStrings, pathStrings } from "./strings.js";
import { escapeRegExp } from "../../text.js";

const WHY = "aioredis is unmaintained; this class/function has a direct twin in redis-py, which the migrated code now uses.";

/** Where a reference sits: the tree it belongs to is the module, or a string annotation parsed on its own. */
interface Place {
  /** Offset of the parsed text in the module (0, or the start of a string annotation's content). */
  readonly base: number;
  /** Node of the module a manual step points at. */
  readonly report: SyntaxNode | null;
}

/**
 * Renames the remaining references to aioredis classes and functions that have a redis-py twin (annotations, string
 * annotations, `isinstance`, `cast`, class bases, defaults, any expression), through the file's NamePlan, and the module
 * values `aioredis.log.logger` / `aioredis.__version__` (`module-values.ts`). References
 * without a twin (`Channel`, `GeoPoint`, `aioredis.util.*`) are left and reported with a suggestion. Exceptions,
 * factories and import statements belong to other rules.
 */
export default defineRule({
  id: "type-references",
  description: "aioredis classes in type hints, isinstance checks and expressions → redis.asyncio classes",
  phase: "references",
  needsImport: true,
  apply(ctx) {
    if (!spellsAioredisNames(ctx)) return;
    for (const node of ctx.tree.rootNode.descendantsOfType(["attribute", "identifier"])) {
      if (isOutermostReference(ctx, node)) migrateReference(ctx, node, { base: 0, report: null });
    }
    for (const { string, expression, base } of annotationStrings(ctx)) {
      for (const node of expression.descendantsOfType(["attribute", "identifier"])) {
        if (isOutermostReference(ctx, node)) migrateReference(ctx, node, { base, report: string });
      }
    }
    pathStrings(ctx);
  },
});

/**
 * Whether the module spells `aioredis` or a name an aioredis import binds anywhere but in those imports (code,
 * strings, comments): everything this rule rewrites or reports does, so without it the scans can be skipped.
 */
function spellsAioredisNames(ctx: RuleContext): boolean {
  const names = ["aioredis", ...ctx.facts.bindings.keys()].map(escapeRegExp);
  const imports = ctx.facts.aioredisImports.map((s) => [s.startIndex, s.endIndex] as const);
  for (const m of ctx.source.text.matchAll(new RegExp(`\\b(?:${names.join("|")})\\b`, "g"))) {
    if (!imports.some(([start, end]) => start <= m.index! && m.index! < end)) return true;
  }
  return false;
}

/** The top of an attribute chain (`aioredis.commands.Pipeline`, not `aioredis.commands`) that names aioredis. */
function isOutermostReference(ctx: RuleContext, node: SyntaxNode): boolean {
  const parent = node.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === node.id) return false;
  if (node.type === "identifier" && parent && !isReferencePosition(node, parent)) return false;
  return ctx.facts.resolve(node) !== undefined;
}

/** Identifiers that are names being defined or attribute/keyword names are not references. */
function isReferencePosition(id: SyntaxNode, parent: SyntaxNode): boolean {
  const field = (name: string): boolean => parent.childForFieldName(name)?.id === id.id;
  if (parent.type === "attribute") return !field("attribute");
  if (parent.type === "keyword_argument" || parent.type === "default_parameter" || parent.type === "typed_default_parameter") return !field("name");
  if (parent.type === "function_definition" || parent.type === "class_definition") return !field("name");
  if (parent.type === "parameters" || parent.type === "lambda_parameters") return false;
  if (parent.type === "typed_parameter") return parent.namedChild(0)?.id !== id.id;
  if (parent.type === "assignment" || parent.type === "augmented_assignment") return !field("left");
  return true;
}

function migrateReference(ctx: RuleContext, chain: SyntaxNode, place: Place): void {
  for (let cur: SyntaxNode | null = chain; cur; cur = cur.type === "attribute" ? cur.childForFieldName("object") : null) {
    const canonical = ctx.facts.resolve(cur);
    if (!canonical) continue;
    const target = RENAMES.get(canonical);
    if (target) return rename(ctx, cur, chain, canonical, target, place);
    const value = MODULE_VALUES.get(canonical);
    if (value) return place.base === 0 ? migrateModuleValue(ctx, cur, value) : undefined;
    const advice = manualAdvice(canonical, cur.text);
    if (advice) return report(ctx, cur, place, advice);
  }
}

function manualAdvice(canonical: string, text: string): Advice | undefined {
  const exact = MANUAL.get(canonical);
  if (exact) return exact(text);
  for (const [module, advise] of MANUAL_MODULES) if (canonical.startsWith(module + ".")) return advise(text);
  return undefined;
}

function rename(ctx: RuleContext, prefix: SyntaxNode, chain: SyntaxNode, canonical: string, target: Target, place: Place): void {
  const suffix = prefix.id === chain.id ? null : prefix.parent!.childForFieldName("attribute")!.text;
  const suffixProblem = suffix ? suffixAdvice(prefix.text, suffix) : undefined;
  if (suffixProblem) return report(ctx, chain, place, suffixProblem);
  const call = chain.parent?.type === "call" && chain.parent.childForFieldName("function")?.id === chain.id ? chain.parent : null;
  if (call && prefix.id === chain.id) {
    const plan = canonical === "aioredis.Redis" ? planRedisCall(ctx.tree.rootNode, call) : target.v1Constructor ? "report" : "rename";
    if (plan === "client-creation") return; // the 1.x `Redis(pool)` wrapper: rewritten or reported by that rule
    if (plan === "report") return report(ctx, call, place, constructorAdvice(canonical, call));
  }
  const text = spell(ctx, target);
  if (text !== prefix.text) {
    ctx.rewrite([{ start: place.base + prefix.startIndex, end: place.base + prefix.endIndex, text }], WHY);
  }
  if (target.flag) report(ctx, chain, place, { what: target.flag, suggestion: "redis.asyncio.Redis" });
  const bases = chain.parent?.type === "argument_list" && chain.parent.parent?.type === "class_definition" ? chain.parent.parent : null;
  if (bases && place.base === 0) {
    const cls = bases.childForFieldName("name")!.text;
    report(ctx, bases, place, {
      what: `Check the methods \`${cls}\` overrides or calls: it now derives from redis-py's \`${target.name}\` (was \`${prefix.text}\`), whose signatures and return types differ.`,
      suggestion: `class ${cls}(${text}):`,
    });
  }
}

/** How the migrated module spells a target: through the NamePlan, so the imports rule adds exactly what is used. */
function spell(ctx: RuleContext, target: Target): string {
  if (target.plain) return `${ctx.names.plainModule(target.module, importsModule(ctx, target.module))}.${target.name}`;
  if (target.module === "redis.asyncio") return ctx.names.asyncio(target.name);
  return ctx.names.fromModule(target.module, target.name);
}

/** Whether the module already has a plain `import <module>`. */
function importsModule(ctx: RuleContext, module: string): boolean {
  return ctx.tree.rootNode
    .descendantsOfType("import_statement")
    .some((s) => s.childrenForFieldName("name").some((n) => n.type === "dotted_name" && n.text === module));
}

function report(ctx: RuleContext, node: SyntaxNode, place: Place, advice: Advice): void {
  ctx.manual({ node: place.report ?? node, what: advice.what, suggestion: advice.suggestion });
}
