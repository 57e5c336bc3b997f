import type { ArgumentEdits } from "../../command-calls/arguments.js";
import type { Binding, Bound } from "../../command-calls/bind.js";

/**
 * Writes the values of parameters that aioredis 1.x defaulted and redis-py requires (`zrange(k)` → `zrange(k, 0, -1)`).
 * `order` lists the new positional parameters after the key, with the text to fill and the redis-py name; a value is
 * inserted positionally when everything before it is positional, else as `name=value`.
 */
export function fillRequired(
  edits: ArgumentEdits,
  binding: Binding,
  key: Bound,
  order: readonly { readonly old: string; readonly name: string; readonly fill: string }[],
): void {
  let previous: Bound = key;
  let positional = !key.keyword;
  let pending: string[] = [];
  const flush = (after: Bound): void => {
    if (pending.length > 0) edits.insertAfter(after.arg, pending.join(", "));
    pending = [];
  };
  for (const p of order) {
    const bound = binding.get(p.old);
    if (bound) {
      flush(previous);
      previous = bound;
      positional = positional && !bound.keyword;
      continue;
    }
    pending.push(positional ? p.fill : `${p.name}=${p.fill}`);
  }
  flush(previous);
}
