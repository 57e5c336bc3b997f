import type { SyntaxNode } from "../../parser.js";
import { expressionKey, unparenthesize } from "../../syntax.js";

/**
 * What a builtin or asyncio class in an `except` stood for around aioredis code:
 * - `connection`: a 1.x factory's failed connect (`ConnectionRefusedError`, `OSError`);
 * - `timeout`: a connect timeout of a 1.x factory, or a 2.x command timeout (`asyncio.TimeoutError`, `TimeoutError`);
 * - `argument`: aioredis 1.x's client-side argument checks (`TypeError`, `ValueError`).
 */
export type CaughtKind = "connection" | "timeout" | "argument";

const BUILTINS: Record<string, CaughtKind> = {
  OSError: "connection",
  IOError: "connection",
  EnvironmentError: "connection",
  ConnectionError: "connection",
  ConnectionRefusedError: "connection",
  TimeoutError: "timeout",
  TypeError: "argument",
  ValueError: "argument",
};

/** The classes one `except` clause catches, without parentheses (`except (A, B) as e` → `A`, `B`). */
export function caughtElements(clause: SyntaxNode): SyntaxNode[] {
  const value = caughtExpression(clause);
  if (!value) return [];
  const group = unparenthesize(value.type === "as_pattern" ? value.namedChild(0)! : value);
  return (group.type === "tuple" ? group.namedChildren.filter((c) => c.type !== "comment") : [group]).map(unparenthesize);
}

/** The expression after `except` (with its `as` part), or null for a bare `except:`. */
export function caughtExpression(clause: SyntaxNode): SyntaxNode | null {
  return clause.namedChildren.find((c) => c.type !== "block" && c.type !== "comment") ?? null;
}

/** Knows, from the module's imports, which spellings name asyncio's `TimeoutError` and which names are builtins. */
export class CaughtClasses {
  private readonly imported = new Set<string>();
  private readonly asyncioTimeouts = new Set<string>();

  constructor(root: SyntaxNode) {
    for (const stmt of root.descendantsOfType(["import_statement", "import_from_statement"])) {
      if (stmt.type === "import_statement") {
        for (const item of stmt.childrenForFieldName("name")) {
          const path = (item.type === "aliased_import" ? item.childForFieldName("name")! : item).text.replace(/\s+/g, "");
          const local = item.type === "aliased_import" ? item.childForFieldName("alias")!.text : path.split(".")[0]!;
          this.imported.add(local);
          if (path === "asyncio") this.asyncioTimeouts.add(`${local}.TimeoutError`).add(`${local}.exceptions.TimeoutError`);
          else if (path.startsWith("asyncio.") && item.type !== "aliased_import") this.asyncioTimeouts.add("asyncio.TimeoutError");
        }
        continue;
      }
      const module = stmt.childForFieldName("module_name")?.text.replace(/\s+/g, "") ?? "";
      for (const item of stmt.childrenForFieldName("name")) {
        const name = (item.type === "aliased_import" ? item.childForFieldName("name")! : item).text;
        const local = item.type === "aliased_import" ? item.childForFieldName("alias")!.text : name;
        this.imported.add(local);
        if ((module === "asyncio" || module === "asyncio.exceptions") && name === "TimeoutError") this.asyncioTimeouts.add(local);
        if (module === "asyncio" && name === "exceptions") this.asyncioTimeouts.add(`${local}.TimeoutError`);
      }
    }
  }

  /** The kind of a caught class, for builtins (not shadowed by an import) and asyncio's `TimeoutError`. */
  kindOf(element: SyntaxNode): CaughtKind | undefined {
    const text = expressionKey(element);
    if (this.asyncioTimeouts.has(text)) return "timeout";
    if (element.type !== "identifier" || this.imported.has(text)) return undefined;
    return Object.hasOwn(BUILTINS, text) ? BUILTINS[text] : undefined;
  }
}
