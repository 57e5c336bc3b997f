import type { SyntaxNode } from "../../parser.js";
import { enclosingFunction, unparenthesize } from "../../syntax.js";

/**
 * Whether the function is handed its connection settings: an argument of the call is one of its own parameters
 * (`def connect(url): return from_url(url)`, `async def status(url): r = from_url(url)`). Such a function is a
 * factory or a one-off command called with configuration, not a request handler (which reads its settings from
 * constants or the app: `request.app["settings"].url` still counts as per call).
 */
export function configuredByCaller(call: SyntaxNode): boolean {
  const fn = enclosingFunction(call);
  const params = fn?.childForFieldName("parameters");
  if (!params) return false;
  const names = new Set<string>();
  for (const p of params.namedChildren) {
    const name = p.type === "identifier" ? p : p.type === "typed_parameter" ? p.namedChild(0) : p.childForFieldName("name");
    if (name?.type === "identifier") names.add(name.text);
  }
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  return args.some((a) => {
    const v = unparenthesize(a.type === "keyword_argument" ? a.childForFieldName("value")! : a);
    return v.type === "identifier" && names.has(v.text);
  });
}

/**
 * Whether a pool bound to `local` ends up in a client that outlives the call: `Redis(connection_pool=local)` returned
 * directly, or bound to a name that a `return` mentions or that is stored (`self.redis = …`).
 */
export function poolHandedOn(call: SyntaxNode, local: string): boolean {
  const fn = enclosingFunction(call);
  const body = fn?.childForFieldName("body");
  if (!body) return false;
  const returned = body.descendantsOfType("return_statement").flatMap((r) => (r.namedChild(0) ? returnedNames(r.namedChild(0)!) : []));
  for (const kw of body.descendantsOfType("keyword_argument")) {
    if (kw.childForFieldName("name")?.text !== "connection_pool" || unparenthesize(kw.childForFieldName("value")!).text !== local) continue;
    let client = kw.parent?.parent ?? null; // the constructor call
    while (client?.parent?.type === "parenthesized_expression") client = client.parent;
    if (!client) continue;
    for (let p = client.parent; p && p.id !== body.id; p = p.parent) if (p.type === "return_statement") return true;
    const holder = client.parent;
    if (holder?.type !== "assignment") continue;
    const left = holder.childForFieldName("left");
    if (left && (left.type !== "identifier" || returned.includes(left.text))) return true;
  }
  return false;
}

/** Names whose value a `return` hands back: `x`, `a, b`, `[a, b]`, `a or b`, `a if c else b` (not `x.get(k)`). */
function returnedNames(expr: SyntaxNode): string[] {
  const e = unparenthesize(expr);
  if (e.type === "identifier") return [e.text];
  if (["tuple", "expression_list", "list", "boolean_operator"].includes(e.type)) return e.namedChildren.flatMap(returnedNames);
  if (e.type === "conditional_expression") return [e.namedChild(0), e.namedChild(2)].flatMap((c) => (c ? returnedNames(c) : []));
  return [];
}
