import type { TextEdit } from "../edits.js";
import type { CallParts } from "../syntax.js";

/** Helpers for rules that rename aioredis 1.x-only methods. */

/** `r.hmset_dict(...)` → `r.hset(...)`: an edit of the attribute name only. */
export function renameMethod(parts: CallParts, name: string): TextEdit {
  const attr = parts.callee.childForFieldName("attribute") ?? parts.callee;
  return { start: attr.startIndex, end: attr.endIndex, text: name };
}

/**
 * `self.iscan(...)` inside a class that defines `iscan` itself (a wrapper around the client): not aioredis' method,
 * even though the name exists only in aioredis.
 */
export function isOwnMethod(parts: CallParts): boolean {
  if (!parts.receiver || !["self", "cls"].includes(parts.receiver.text)) return false;
  for (let p = parts.call.parent; p; p = p.parent) {
    if (p.type !== "class_definition") continue;
    const body = p.childForFieldName("body");
    return !!body?.descendantsOfType("function_definition").some((f) => f.childForFieldName("name")?.text === parts.method);
  }
  return false;
}
