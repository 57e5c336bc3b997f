import { defineRule } from "../../rule.js";
import { awaitingParent, callParts, type CallParts } from "../../syntax.js";
import { rewritePipelineFutures } from "./futures.js";
import { wrapTransactionInAsyncWith } from "./wrap.js";

/**
 * Pipelines and MULTI/EXEC (reference §5.14, §6.1, §11.2–3):
 * - `r.pipeline()` → `r.pipeline(transaction=False)`: aioredis pipelines were plain batches, redis-py's default is
 *   MULTI/EXEC.
 * - `tr = r.multi_exec()` → `async with r.pipeline(transaction=True) as tr:` around its uses (or just the call).
 * - futures kept from queued commands → indexes into `execute()`'s result list.
 * - `execute(return_exceptions=True)` → `execute(raise_on_error=False)`.
 */
export default defineRule({
  id: "pipelines",
  description: "`pipeline()` / `multi_exec()` → redis-py pipelines; per-command futures → `execute()` results",
  phase: "code",
  needsImport: false,
  triggers: ["pipeline(", "multi_exec(", ".execute("],
  apply(ctx) {
    if (ctx.facts.flavour === "2.x") return;
    const calls = ctx.facts.calls.map(callParts).filter((p): p is CallParts => p?.receiver != null);
    // Futures first: they are rewritten in the block where the pipeline was created, before `multi_exec()` is
    // wrapped in `async with` (which would move the queued commands into a nested block) on the next round.
    for (const parts of calls) if (parts.method === "execute") migrateExecute(parts);
    for (const parts of calls) {
      if (parts.method === "multi_exec") migrateMultiExec(parts);
      else if (parts.method === "pipeline") migratePipeline(parts);
    }

    function migratePipeline(parts: CallParts): void {
      if (parts.positional.length > 0 || parts.keywords.size > 0 || parts.hasSplat) return;
      if (!ctx.facts.isRedisReceiver(parts.receiver!, ctx.options.repositoryUsesAioredis)) return;
      ctx.replace(
        parts.args,
        "(transaction=False)",
        "aioredis `pipeline()` sent a plain batch; redis-py's `pipeline()` defaults to MULTI/EXEC, so ask for a non-transactional one.",
      );
    }

    function migrateMultiExec(parts: CallParts): void {
      if (parts.positional.length > 0 || parts.keywords.size > 0) return;
      const assignment = parts.call.parent;
      if (assignment?.type === "assignment" && assignment.childForFieldName("right")?.id === parts.call.id) {
        if (wrapTransactionInAsyncWith(ctx, assignment, parts.receiver!.text)) return;
      }
      const attr = parts.callee.childForFieldName("attribute")!;
      ctx.rewrite(
        [
          { start: attr.startIndex, end: attr.endIndex, text: "pipeline" },
          { start: parts.args.startIndex, end: parts.args.endIndex, text: "(transaction=True)" },
        ],
        "aioredis `multi_exec()` is redis-py's transactional pipeline.",
      );
    }

    function migrateExecute(parts: CallParts): void {
      if (parts.positional.length > 0) return; // `execute("GET", k)` is a raw command (execute-command rule)
      const kind = ctx.facts.receiverKind(parts.receiver!);
      // `return_exceptions=` exists only on aioredis 1.x pipelines: no need to know the receiver
      const returnExceptions = parts.keywords.get("return_exceptions");
      if (!returnExceptions && kind !== "pipeline" && kind !== "transaction") return;
      if (returnExceptions) {
        const name = returnExceptions.childForFieldName("name")!;
        const value = returnExceptions.childForFieldName("value")!;
        const negated = value.text === "True" ? "False" : value.text === "False" ? "True" : `not (${value.text})`;
        ctx.rewrite(
          [
            { start: name.startIndex, end: name.endIndex, text: "raise_on_error" },
            { start: value.startIndex, end: value.endIndex, text: negated },
          ],
          "redis-py spells aioredis' `return_exceptions=True` as `raise_on_error=False`.",
        );
        return;
      }
      if (awaitingParent(parts.call)) rewritePipelineFutures(ctx, parts.receiver!, parts.call);
    }
  },
});
