import type { SyntaxNode } from "../../parser.js";
import { enclosingFunction, unparenthesize } from "../../syntax.js";

/**
 * Functions that run once (startup hooks, factories, entry points, tests and fixtures): creating a client there is
 * fine. Deliberately broad, so the "connection explosion" step (§11.5) only fires on plain per-call code.
 */
const RUNS_ONCE_NAME =
  /init|startup|start_up|setup|set_up|create_app|make_app|build_app|lifespan|(^|_)(main|run|serve|cli|worker|daemon)($|_)|connect|redis|pool|client|factory|bootstrap|start|open|aenter|fixture|^test/i;
const RUNS_ONCE_DECORATOR = /fixture|on_event|startup|lifespan|listener|before_serving|before_first_request|cache|singleton|contextmanager/i;

export interface PerCallCreation {
  /** The function that builds a new client each time it runs. */
  readonly functionName: string;
  /** The local name the client is bound to, if any. */
  readonly local: string | null;
}

/**
 * Whether the client built by `expr` (the factory call, or its `await`) is created anew on every call of a function
 * that is not a startup hook or factory, and not kept anywhere longer-lived. Conservative: only a client bound to a
 * plain local name (or used on the spot) that is neither returned, yielded, stored nor declared `global` counts.
 */
export function perCallCreation(expr: SyntaxNode): PerCallCreation | null {
  const fn = enclosingFunction(expr);
  if (!fn) return null;
  const functionName = fn.childForFieldName("name")?.text ?? "";
  if (RUNS_ONCE_NAME.test(functionName)) return null;
  if (fn.parent?.type === "decorated_definition") {
    const decorators = fn.parent.namedChildren.filter((c) => c.type === "decorator").map((d) => d.text).join(" ");
    if (RUNS_ONCE_DECORATOR.test(decorators)) return null;
  }
  let top = expr;
  while (top.parent?.type === "parenthesized_expression") top = top.parent;
  const parent = top.parent;
  if (!parent) return null;
  if (parent.type === "attribute" && parent.childForFieldName("object")?.id === top.id) return { functionName, local: null };
  if (parent.type === "with_item" || parent.type === "as_pattern") return { functionName, local: null };
  if (parent.type !== "assignment" || parent.childForFieldName("right")?.id !== top.id) return null;
  const left = parent.childForFieldName("left");
  if (left?.type !== "identifier") return null;
  const local = left.text;
  const body = fn.childForFieldName("body");
  if (!body || keptBeyondTheCall(body, local)) return null;
  return { functionName, local };
}

/** `return x`, `yield x`, `global x`, `self.x = x`, `app["redis"] = x`: the client outlives the call. */
function keptBeyondTheCall(body: SyntaxNode, local: string): boolean {
  // The value itself (or a member of a returned tuple) is `local`; `return await r.get(k)` does not keep `r`.
  const isLocal = (n: SyntaxNode | null | undefined): boolean => {
    if (!n) return false;
    const u = unparenthesize(n);
    if (u.type === "identifier") return u.text === local;
    if (u.type === "tuple" || u.type === "expression_list" || u.type === "list") return u.namedChildren.some(isLocal);
    return false;
  };
  for (const n of body.descendantsOfType(["return_statement", "yield"])) if (isLocal(n.namedChild(0))) return true;
  for (const g of body.descendantsOfType(["global_statement", "nonlocal_statement"]))
    if (g.namedChildren.some((c) => c.text === local)) return true;
  for (const a of body.descendantsOfType("assignment")) {
    const left = a.childForFieldName("left");
    if (left && left.type !== "identifier" && isLocal(a.childForFieldName("right"))) return true;
  }
  return false;
}
