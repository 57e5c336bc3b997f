import { reportWaitsForever } from "../../command-calls/blocking.js";
import { atLeast, commandCalls, guarded, usesAioredis, type CommandCall } from "../../command-calls/receiver.js";
import { reportByStatement } from "../../command-calls/flags.js";
import { usesOf } from "../../command-calls/uses.js";
import type { SyntaxNode } from "../../parser.js";
import { defineRule, type RuleContext } from "../../rule.js";
import { planClaim, planGroupCommand } from "./groups.js";
import { xinfoHelp, xinfoRename } from "./info.js";
import type { StreamPlan } from "./plan.js";
import { planStreamRead } from "./reads.js";
import { bytesKeyUses, destroyUses, flatReadUses, pendingUses } from "./results.js";
import { planTrimmingWrite } from "./writes.js";

const GROUP = ["xgroup_create", "xgroup_setid", "xgroup_destroy", "xgroup_delconsumer", "xpending", "xrange", "xrevrange"];
const INFO = ["xinfo", "xinfo_stream", "xinfo_groups", "xinfo_consumers"];
/** Names that only aioredis 1.x has: migrated on any receiver once the repository uses aioredis. */
const ONLY_1X = new Set(["xread_group", "xinfo", "xinfo_help"]);
const METHODS = new Set(["xadd", "xtrim", "xread", "xread_group", "xclaim", "xinfo_help", "xpending_range", ...GROUP, ...INFO]);

const READ_WHAT =
  "redis-py's xread/xreadgroup return `[[stream, [(id, fields), …]], …]` grouped per stream; aioredis 1.x returned flat `(stream, id, fields)` rows, which this code reads.";
const PENDING_WHAT =
  "redis-py's `xpending` returns a dict (`pending`, `min`, `max`, `consumers`) and `xpending_range` a list of dicts; aioredis 1.x returned the raw lists this code reads by position.";
const INFO_WHAT = "XINFO replies have str keys in redis-py (aioredis 1.x: bytes keys), so this bytes-key lookup finds nothing.";
const DESTROY_WHAT = "`xgroup_destroy` returns True in redis-py where aioredis 1.x returned False (a bug), so this check flips.";

/**
 * Stream commands: argument renames (`message_id`/`max_len`/`exact_len`, `latest_id`, `start`/`stop`,
 * `group_name`…), `xread`/`xread_group` to redis-py's `{stream: id}` dict and `block=`, `xpending` with a range →
 * `xpending_range`, `xclaim` ids as a list, `xinfo` → `xinfo_stream`, `xinfo_help` → `execute_command`. Results that
 * changed shape (xread rows, xpending, XINFO keys, `xgroup_destroy`) are reported where code reads them.
 */
export default defineRule({
  id: "streams",
  description: "Stream commands: xadd/xtrim/xrange/xgroup keywords, xread(_group) → `{stream: id}` + `block=`, xpending_range, xclaim ids; result shapes",
  phase: "code",
  triggers: ["xadd(", "xtrim(", "xread", "xclaim(", "xinfo", "xgroup_", "xpending", "xrange(", "xrevrange("],
  needsImport: false,
  apply(ctx) {
    for (const call of commandCalls(ctx, METHODS)) {
      const m = call.parts.method;
      const trusted = ONLY_1X.has(m) ? usesAioredis(ctx) : call.trust !== null;
      if (!trusted) continue;
      guarded(ctx, call, () => {
        let applied: StreamPlan | null = null;
        if (m === "xinfo_help") xinfoHelp(ctx, call);
        else if (m === "xread" || m === "xread_group") applied = read(ctx, call);
        else {
          const plan = m === "xadd" || m === "xtrim" ? planTrimmingWrite(ctx, call) : m === "xclaim" ? planClaim(ctx, call) : GROUP.includes(m) ? planGroupCommand(ctx, call) : null;
          applied = apply(ctx, call, plan);
          if (m === "xinfo") xinfoRename(ctx, call);
        }
        // suggestions quote the call as migrated, not as written for aioredis
        flagResults(ctx, call, (node) => (applied ? applied.edits.preview(node) : node.text));
      });
    }
  },
});

/** Applies the plan when the receiver is trusted enough; returns it when applied. */
function apply(ctx: RuleContext, call: CommandCall, plan: StreamPlan | null): StreamPlan | null {
  if (!plan || !(ONLY_1X.has(call.parts.method) || atLeast(call.trust, plan.trust))) return null;
  ctx.rewrite(plan.edits.build(), plan.why);
  return plan;
}

function read(ctx: RuleContext, call: CommandCall): StreamPlan | null {
  const plan = planStreamRead(ctx, call);
  if (!plan || !(call.parts.method === "xread_group" || atLeast(call.trust, plan.trust))) return null;
  ctx.rewrite(plan.edits.build(), plan.why);
  if (plan.block === "0") reportWaitsForever(ctx, call.parts.call, `\`${call.parts.method}\` with block 0 (aioredis' default timeout)`);
  if (plan.defaultGroupIds)
    ctx.manual({
      node: call.parts.call,
      what: "aioredis 1.x sent `$` as the id when `latest_ids` was left out, which Redis rejects for XREADGROUP; the migrated call reads new messages with `>`, check that this is what was meant.",
      suggestion: plan.edits.preview(call.parts.call),
    });
  return plan;
}

/** `migrated`: the text of a node with this call's rewrite applied (the result may be used inside the call's own line). */
function flagResults(ctx: RuleContext, call: CommandCall, migrated: (node: SyntaxNode) => string): void {
  if (!call.awaited) return;
  const m = call.parts.method;
  const uses = usesOf(call.awaited);
  if (m === "xread" || m === "xread_group") reportByStatement(ctx, flatReadUses(uses, migrated), READ_WHAT);
  else if (m === "xpending" || m === "xpending_range") {
    const range = m === "xpending_range" || call.parts.positional.length + call.parts.keywords.size > 2;
    reportByStatement(ctx, pendingUses(uses, range, migrated), PENDING_WHAT);
  } else if (INFO.includes(m)) reportByStatement(ctx, bytesKeyUses(uses, m === "xinfo_groups" || m === "xinfo_consumers"), INFO_WHAT);
  else if (m === "xgroup_destroy") reportByStatement(ctx, destroyUses(uses), DESTROY_WHAT);
}
