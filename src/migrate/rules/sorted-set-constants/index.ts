import { usesAioredis } from "../../command-calls/receiver.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule } from "../../rule.js";

/** aioredis 1.x sorted-set constants; each is the string of its own name (`ZSET_IF_EXIST = 'ZSET_IF_EXIST'`). */
export const ZSET_CONSTANTS = [
  "ZSET_IF_NOT_EXIST",
  "ZSET_IF_EXIST",
  "ZSET_EXCLUDE_MIN",
  "ZSET_EXCLUDE_MAX",
  "ZSET_EXCLUDE_BOTH",
  "ZSET_AGGREGATE_SUM",
  "ZSET_AGGREGATE_MIN",
  "ZSET_AGGREGATE_MAX",
];

/**
 * `redis.ZSET_EXCLUDE_BOTH` read outside the calls that take it (`mode = r.ZSET_EXCLUDE_MIN if … else None`):
 * redis-py clients have no such attributes, so the read becomes the string aioredis defined. The sorted-set rules
 * run first and turn the constants they receive into redis-py arguments; they accept the strings too.
 */
export default defineRule({
  id: "sorted-set-constants",
  description: "`r.ZSET_IF_EXIST`, `r.ZSET_EXCLUDE_MIN`, `r.ZSET_AGGREGATE_MAX`… read elsewhere → the strings aioredis defined",
  phase: "code",
  triggers: ["ZSET_"],
  needsImport: false,
  apply(ctx) {
    if (!usesAioredis(ctx)) return;
    const ownNames = definedHere(ctx.tree.rootNode);
    for (const node of ctx.tree.rootNode.descendantsOfType("attribute")) {
      const name = node.childForFieldName("attribute")?.text;
      if (!name || !ZSET_CONSTANTS.includes(name) || ownNames.has(name)) continue;
      ctx.replace(node, `"${name}"`, "redis-py clients have no `ZSET_*` constants; aioredis defined each as the string of its own name, which is what this code compares and passes on.");
    }
  },
});

/** `ZSET_…` names this module assigns itself (a class of its own constants): their reads are not aioredis'. */
function definedHere(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const a of root.descendantsOfType(["assignment", "augmented_assignment"])) {
    const left = a.childForFieldName("left");
    const name = left?.type === "attribute" ? left.childForFieldName("attribute")?.text : left?.text;
    if (name && ZSET_CONSTANTS.includes(name)) names.add(name);
  }
  return names;
}
