import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { unparenthesize } from "../../syntax.js";
import { reportUseAfterClose } from "./after-close.js";
import { reportBuiltinHandlers } from "./builtin-handlers.js";
import { exceptionTarget, redisBases } from "./mapping.js";
import { pipelineErrorSuggestion } from "./pipeline-suggestion.js";
import { targetText, type Reference } from "./reference.js";
import { reportWatchHandlers } from "./watch-handlers.js";

const WHY = "aioredis exception classes map to redis-py's `redis.exceptions` (reference §8).";

/**
 * aioredis exception classes → `redis.exceptions` (and `redis.asyncio.sentinel` for the discovery errors) wherever
 * they are referenced: `except` clauses and tuples, `raise`, `isinstance`, class bases. A tuple that collapses to
 * one class is de-duplicated; a mapping that loses information and a handler made unreachable are reported.
 * Handlers of builtin/asyncio classes that no longer see what they caught are reported too (`builtin-handlers.ts`).
 */
export default defineRule({
  id: "exceptions",
  description: "aioredis exception classes (1.x `errors`, 2.x `exceptions`) → `redis.exceptions` classes",
  phase: "references",
  needsImport: true,
  triggers: ["Error"],
  apply(ctx) {
    const refs = findReferences(ctx);
    // builtin and asyncio classes caught around a client creation or Redis commands (reference §3.3, §8, §12)
    reportBuiltinHandlers(ctx, refs);
    if (refs.length === 0) return;
    const handledTuples = new Set<number>();
    for (const ref of refs) {
      const group = catchGroup(ref.node);
      if (group) {
        if (handledTuples.has(group.id)) continue;
        handledTuples.add(group.id);
        rewriteGroup(ctx, group, refs);
        continue;
      }
      rewriteSingle(ctx, ref);
    }
    const shadowed = reportShadowedHandlers(ctx, refs);
    reportWatchHandlers(ctx, refs);
    reportUseAfterClose(ctx, refs, shadowed);
  },
});

function findReferences(ctx: RuleContext): Reference[] {
  const out: Reference[] = [];
  for (const node of ctx.tree.rootNode.descendantsOfType(["identifier", "attribute"])) {
    const parent = node.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === node.id) continue; // not outermost
    if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.id === node.id) continue;
    if (parent?.type === "keyword_argument" && parent.childForFieldName("name")?.id === node.id) continue;
    const canonical = ctx.facts.resolve(node);
    const target = canonical ? exceptionTarget(canonical) : undefined;
    if (target) out.push({ node, target });
  }
  return out;
}

/** The tuple (or bare expression) caught by `except` or tested by `isinstance`/`issubclass`, when `node` is in one. */
function catchGroup(node: SyntaxNode): SyntaxNode | null {
  let n = node;
  while (n.parent?.type === "parenthesized_expression") n = n.parent;
  const container = n.parent?.type === "tuple" ? n.parent : null;
  const group = container ?? n;
  let owner = group.parent;
  while (owner?.type === "parenthesized_expression") owner = owner.parent;
  if (owner?.type === "except_clause" || owner?.type === "except_group_clause") return group;
  if (owner?.type === "as_pattern" && (owner.parent?.type === "except_clause" || owner.parent?.type === "except_group_clause"))
    return group;
  if (owner?.type === "argument_list") {
    const call = owner.parent;
    const fn = call?.childForFieldName("function")?.text;
    // by id: two `namedChildren` calls may hand out different objects for the same node (the binding's node cache
    // holds them weakly), so an identity search (`indexOf`) fails now and then
    if ((fn === "isinstance" || fn === "issubclass") && owner.namedChildren.findIndex((c) => c.id === group.id) === 1)
      return group;
  }
  return null;
}

function rewriteGroup(ctx: RuleContext, group: SyntaxNode, refs: readonly Reference[]): void {
  const elements = group.type === "tuple" ? group.namedChildren.filter((c) => c.type !== "comment") : [group];
  const texts: string[] = [];
  let changed = false;
  for (const el of elements) {
    const inner = unparenthesize(el);
    const ref = refs.find((r) => r.node.id === inner.id);
    if (!ref) {
      texts.push(el.text);
      continue;
    }
    if (ref.target.manual) {
      ctx.manual({ node: ref.node, what: ref.target.manual, suggestion: "" });
      texts.push(el.text);
      continue;
    }
    if (ref.target.lossy) ctx.manual({ node: ref.node, what: ref.target.lossy, suggestion: lossySuggestion(ctx, ref) });
    reportMessageMatching(ctx, ref);
    texts.push(...targetText(ctx, ref.target));
    changed = true;
  }
  if (!changed) return;
  const unique = [...new Set(texts)];
  ctx.replace(group, unique.length === 1 ? unique[0]! : `(${unique.join(", ")})`, WHY);
}

function rewriteSingle(ctx: RuleContext, ref: Reference): void {
  if (ref.target.manual) {
    ctx.manual({ node: ref.node, what: ref.target.manual, suggestion: "" });
    return;
  }
  const names = targetText(ctx, ref.target);
  if (names.length > 1) {
    ctx.manual({
      node: ref.node,
      what: `\`${ref.node.text}\` has no single redis-py equivalent here: use ${names.join(" or ")} (redis-py raises \`WatchError\` for a WATCH conflict and \`ResponseError\` for a failed command).`,
      suggestion: names.map((n) => enclosingStatementText(ref.node).replace(ref.node.text, n)).join("\n# or\n"),
    });
    return;
  }
  if (ref.target.lossy) ctx.manual({ node: ref.node, what: ref.target.lossy, suggestion: lossySuggestion(ctx, ref) });
  ctx.replace(ref.node, names[0]!, WHY);
}

/** `ReplyError` messages started with `ERR `; `ResponseError` messages do not (verified, reference §5.0). */
function reportMessageMatching(ctx: RuleContext, ref: Reference): void {
  if (!ref.target.names.includes("ResponseError")) return;
  const clause = enclosingClause(ref.node);
  const body = clause?.namedChildren.find((c) => c.type === "block");
  if (!body || !/["']ERR[ "']/.test(body.text)) return;
  ctx.manual({
    node: ref.node,
    what: "This handler matches the error text on `ERR `, but redis-py strips that prefix from `ResponseError` messages: match the rest of the message instead.",
    suggestion: body.text.replace(/(["'])ERR /g, "$1"),
  });
}

function enclosingStatementText(node: SyntaxNode): string {
  let n = node;
  while (n.parent && n.parent.type !== "block" && n.parent.type !== "module") n = n.parent;
  return n.text;
}

function lossySuggestion(ctx: RuleContext, ref: Reference): string {
  const clause = enclosingClause(ref.node);
  if (!clause) return "";
  const names = targetText(ctx, ref.target);
  const alias = clause.descendantsOfType("as_pattern_target")[0]?.text ?? "exc";
  if (ref.node.text.endsWith("BusyGroupError"))
    return `except ${names[0]} as ${alias}:\n    if not str(${alias}).startswith("BUSYGROUP"):\n        raise\n    ...`;
  if (ref.node.text.endsWith("PipelineError")) return pipelineErrorSuggestion(ctx, clause, names[0]!);
  if (names.length === 2) return `except ${names[0]}:\n    ...  # WATCH conflict: retry\nexcept ${names[1]}:\n    ...  # a command failed`;
  return "";
}

function enclosingClause(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "except_clause" || p.type === "except_group_clause") return p;
    if (p.type === "block") return null;
  }
  return null;
}

/**
 * After mapping, an `except` that only catches classes already caught above it in the same `try` never runs: the
 * same redis-py class, or a base of it (`AuthenticationError` is a `ConnectionError` in redis-py, `AuthError` was
 * not a `ConnectionClosedError` in aioredis). Returns the ids of those clauses.
 */
function reportShadowedHandlers(ctx: RuleContext, refs: readonly Reference[]): Set<number> {
  const shadowed = new Set<number>();
  for (const tryStmt of ctx.tree.rootNode.descendantsOfType("try_statement")) {
    const caught = new Set<string>();
    for (const clause of tryStmt.namedChildren.filter((c) => c.type === "except_clause")) {
      const value = clause.namedChildren.find((c) => c.type !== "block" && c.type !== "comment");
      if (!value) break; // bare except
      const expr = value.type === "as_pattern" ? value.namedChild(0)! : value;
      const group = unparenthesize(expr);
      const elements = (group.type === "tuple" ? group.namedChildren : [group]).map(unparenthesize);
      // mapped classes as redis-py paths, so a builtin `ConnectionError` is not the redis-py one
      const classes = elements.map((el) => {
        const ref = refs.find((r) => r.node.id === el.id);
        return ref && !ref.target.manual ? ref.target.names.map((n) => `${ref.target.module ?? "redis.exceptions"}.${n}`) : [el.text];
      });
      const mapsAny = elements.some((el) => refs.some((r) => r.node.id === el.id));
      const coveredBy = (cls: string): string | undefined =>
        caught.has(cls) ? cls : redisBases(cls).find((base) => caught.has(base));
      if (mapsAny && classes.every((group) => group.every((cls) => coveredBy(cls) !== undefined))) {
        const subclasses = classes.flat().filter((cls) => coveredBy(cls) !== cls);
        const short = (cls: string): string => cls.slice(cls.lastIndexOf(".") + 1);
        const hierarchy = subclasses.map((cls) => `\`${short(cls)}\` is a \`${short(coveredBy(cls)!)}\``).join(", ");
        const fix = hierarchy ? "move it above that handler" : "merge it into that handler";
        shadowed.add(clause.id);
        ctx.manual({
          node: value,
          what: `After the migration this handler catches only classes an earlier \`except\` of the same \`try\` already catches (${classes.flat().map(short).join(", ")}${hierarchy ? `; in redis-py ${hierarchy}` : ""}), so it never runs: ${fix}.`,
          suggestion: "",
        });
      }
      for (const group of classes) for (const cls of group) caught.add(cls);
    }
  }
  return shadowed;
}
