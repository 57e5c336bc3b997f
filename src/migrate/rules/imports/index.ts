import type { SyntaxNode } from "../../parser.js";
import type { AioredisBinding } from "../../facts.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { enclosingStatement, removeLinesKeepingComments, statementsOf } from "../../syntax.js";
import { TODO_PREFIX } from "../../todo.js";
import { reportAioredisLock } from "./aioredis-lock.js";
import { isReference, outermostChain } from "./references.js";

const WHY_REWRITE = "aioredis is unmaintained; its API now lives in redis-py's `redis.asyncio` (and `redis.exceptions`).";
const WHY_DROP = "Nothing in this module refers to these aioredis names any more.";

interface ImportItem {
  /** Source text of the item (`aioredis.errors as e`, `ReplyError`). */
  readonly text: string;
  /** The name it binds in the module. */
  readonly local: string;
}

/**
 * Runs last. Rewrites each aioredis import statement: the first one becomes the import lines the other rules asked
 * for (through the NamePlan), names that are still referenced stay imported from aioredis (each remaining reference
 * becomes a manual step, so nothing that still says `aioredis` goes unreported), the rest is removed. Imports of the
 * third-party `aioredis_lock` are never rewritten: they and their uses are reported (`aioredis-lock.ts`).
 */
export default defineRule({
  id: "imports",
  description: "aioredis imports → the `redis.asyncio` / `redis.exceptions` imports the migrated code uses",
  phase: "imports",
  needsImport: false,
  apply(ctx) {
    reportAioredisLock(ctx);
    const wanted = missingImportLines(ctx);
    const statements = [...ctx.facts.aioredisImports].sort((a, b) => a.startIndex - b.startIndex);
    if (statements.length === 0) {
      if (wanted.length > 0) insertAtTop(ctx, wanted);
      return;
    }
    const remaining = remainingReferences(ctx);
    let linesPlaced = wanted.length === 0;
    for (const stmt of statements) {
      const items = importItems(stmt);
      const kept = items.filter((i) => (remaining.get(i.local)?.length ?? 0) > 0);
      const wildcard = stmt.namedChildren.some((c) => c.type === "wildcard_import");
      if (wildcard) {
        ctx.manual({
          node: stmt,
          what: "`import *` from aioredis hides which names this module uses: import the redis.asyncio names explicitly.",
          suggestion: "from redis.asyncio import Redis  # and every other name this module uses",
        });
      }
      const keptText = wildcard ? stmt.text : kept.length === items.length ? stmt.text : rebuild(stmt, kept);
      const newLines = linesPlaced ? [] : wanted;
      linesPlaced = true;
      if (keptText === stmt.text && newLines.length === 0) continue;
      const indent = ctx.source.indentAt(stmt.startIndex);
      const nl = ctx.source.newline;
      const parts = [...newLines];
      if (keptText) parts.push(keptText);
      if (parts.length === 0) removeStatement(ctx, stmt);
      else {
        // comments inside a statement that is rewritten (a multi-line import) stay, each on a line below it
        const comments = keptText === stmt.text ? [] : stmt.descendantsOfType("comment").map((c) => c.text);
        ctx.replace(stmt, [...parts, ...comments].join(nl + indent), WHY_REWRITE);
      }
    }
    for (const refs of remaining.values()) {
      for (const ref of refs) {
        // a step reported by another rule on an earlier run already left its TODO here
        if (hasTodoAbove(ctx, ref)) continue;
        ctx.manual({
          node: ref,
          what: fallbackStep(ref, ctx.facts.bindings.get(ref.text)),
          suggestion: "",
          fallback: true,
        });
      }
    }
  },
});

function hasTodoAbove(ctx: RuleContext, ref: SyntaxNode): boolean {
  const line = ctx.source.lineIndexAt(enclosingStatement(ref).startIndex);
  for (let i = line - 1; i >= 0; i--) {
    const text = ctx.source.lineText(i).trim();
    if (!text.startsWith("#")) return false;
    if (text.startsWith(TODO_PREFIX.trim())) return true;
  }
  return false;
}

function fallbackStep(ref: SyntaxNode, binding: AioredisBinding | undefined): string {
  const chain = outermostChain(ref);
  if (chain.id === ref.id && binding?.kind === "module")
    return `This code still uses the aioredis module itself (\`${ref.text}\`): port it by hand, then drop the aioredis import.`;
  const text = chain.text.length > 60 ? ref.text : chain.text;
  return `\`${text}\` still comes from aioredis and has no automatic redis.asyncio equivalent: port this use by hand, then drop the aioredis import.`;
}

function importItems(stmt: SyntaxNode): ImportItem[] {
  return stmt.childrenForFieldName("name").map((item) => {
    if (item.type === "aliased_import") return { text: item.text, local: item.childForFieldName("alias")!.text };
    if (stmt.type === "import_statement") return { text: item.text, local: item.text.split(".")[0]!.trim() };
    return { text: item.text, local: item.text };
  });
}

function rebuild(stmt: SyntaxNode, kept: readonly ImportItem[]): string {
  if (kept.length === 0) return "";
  const names = kept.map((k) => k.text).join(", ");
  if (stmt.type === "import_statement") return `import ${names}`;
  return `from ${stmt.childForFieldName("module_name")!.text} import ${names}`;
}

/** Identifiers that still refer to an aioredis binding, by binding name. */
function remainingReferences(ctx: RuleContext): Map<string, SyntaxNode[]> {
  const refs = new Map<string, SyntaxNode[]>();
  const bound = ctx.facts.bindings;
  if (bound.size === 0) return refs;
  // A rewrite that kept the spelling (`RedisError` → redis-py's `RedisError`) asked the plan for that very name:
  // its references are satisfied by the new import.
  const provided = new Set(ctx.names.fromImports.map((f) => f.local));
  for (const id of ctx.tree.rootNode.descendantsOfType("identifier")) {
    if (!bound.has(id.text) || provided.has(id.text) || !isReference(id)) continue;
    if (id.text === ctx.names.moduleAlias && ctx.names.producedPrefixOf(outermostChain(id).text.replace(/\s+/g, ""))) continue;
    refs.set(id.text, [...(refs.get(id.text) ?? []), id]);
  }
  return refs;
}

/** Import lines the plan wants that the module does not already have. */
function missingImportLines(ctx: RuleContext): string[] {
  const present = new Set(
    ctx.tree.rootNode
      .descendantsOfType(["import_statement", "import_from_statement"])
      .map((s) => s.text.replace(/\s+/g, " ").trim()),
  );
  return ctx.names.importLines().filter((l) => !present.has(l));
}

function removeStatement(ctx: RuleContext, stmt: SyntaxNode): void {
  const src = ctx.source;
  const line = src.lineIndexAt(stmt.startIndex);
  const lastLine = src.lineIndexAt(stmt.endIndex);
  const before = src.text.slice(src.lineStart(line), stmt.startIndex);
  const after = src.text.slice(stmt.endIndex, src.lineContentEnd(lastLine));
  const parent = stmt.parent;
  const onlyStatement = parent?.type === "block" && statementsOf(parent).length === 1;
  if (onlyStatement || before.trim() !== "" || (after.trim() !== "" && !after.trim().startsWith("#"))) {
    ctx.replace(stmt, "pass", WHY_DROP);
    return;
  }
  // the comments on its lines stay, each on its own line: `import aioredis  # noqa` → `# noqa`
  ctx.rewrite([removeLinesKeepingComments(src, stmt)], WHY_DROP);
}

/** For modules that never imported aioredis (a client passed in): add the lines after the leading imports. */
function insertAtTop(ctx: RuleContext, lines: readonly string[]): void {
  const root = ctx.tree.rootNode;
  const nl = ctx.source.newline;
  let anchor: SyntaxNode | null = null;
  for (const stmt of statementsOf(root)) {
    const isDocstring = anchor === null && stmt.type === "expression_statement" && stmt.namedChild(0)?.type === "string";
    if (stmt.type === "import_statement" || stmt.type === "import_from_statement" || stmt.type === "future_import_statement" || isDocstring) {
      anchor = stmt;
      continue;
    }
    break;
  }
  const block = lines.join(nl);
  if (anchor) {
    const end = ctx.source.lineEndWithTerminator(ctx.source.lineIndexAt(anchor.endIndex));
    const needsNl = end === ctx.source.text.length && !ctx.source.text.endsWith("\n");
    ctx.rewrite([{ start: end, end, text: (needsNl ? nl : "") + block + nl }], WHY_REWRITE);
  } else {
    ctx.rewrite([{ start: skipShebangAndCookie(ctx), end: skipShebangAndCookie(ctx), text: block + nl }], WHY_REWRITE);
  }
}

/** Offset after a leading shebang / coding cookie / BOM, where new code may start. */
function skipShebangAndCookie(ctx: RuleContext): number {
  const src = ctx.source;
  let offset = src.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 0; line < Math.min(2, src.lineCount); line++) {
    const text = src.lineText(line);
    if (/^\uFEFF?#!/.test(text) || /^\uFEFF?[ \t\f]*#.*coding[:=]/.test(text)) offset = src.lineEndWithTerminator(line);
    else break;
  }
  return offset;
}
