import { defineRule } from "../../rule.js";
import { callParts } from "../../syntax.js";

/**
 * aioredis 1.x sends raw commands with `execute("GET", key)` on clients and connections; redis-py calls it
 * `execute_command`. A pipeline's `execute()` takes no positional arguments, so a positional argument tells them apart.
 */
export default defineRule({
  id: "execute-command",
  description: "`client.execute(\"CMD\", *args)` → `await client.execute_command(\"CMD\", *args)`",
  phase: "code",
  triggers: [".execute("],
  needsImport: false,
  apply(ctx) {
    for (const call of ctx.facts.calls) {
      const parts = callParts(call);
      if (!parts || parts.method !== "execute" || !parts.receiver || parts.positional.length === 0) continue;
      const kind = ctx.facts.receiverKind(parts.receiver);
      if (kind !== "client" && kind !== "connection") continue;
      const attr = parts.callee.childForFieldName("attribute")!;
      const encoding = parts.keywords.get("encoding");
      const edits = [{ start: attr.startIndex, end: attr.endIndex, text: "execute_command" }];
      if (encoding) {
        ctx.manual({
          node: encoding,
          what: "`encoding=` is not accepted by `execute_command`: decode the reply here or create the client with `decode_responses=True`.",
          suggestion: `(${parts.call.text.replace(/\.execute\(/, ".execute_command(").replace(/,\s*encoding\s*=\s*[^,)]+/, "")}).decode()`,
        });
        continue;
      }
      ctx.rewrite(edits, "redis-py names the raw-command method `execute_command`; `execute` only exists on pipelines.");
    }
  },
});
