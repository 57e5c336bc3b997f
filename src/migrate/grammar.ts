import { createRequire } from "node:module";

/**
 * What a tree-sitter grammar guarantees about the shape of its trees, so that building the JavaScript nodes
 * (tree.ts) can skip native calls whose answer is already known. Computed from the grammar's own files.
 */
export interface GrammarShape {
  /** Node types that have fields (node-types.json lists fields for them): only their children are asked for one. */
  readonly fielded: ReadonlySet<string>;
  /**
   * Tokens, as `shapeKey` spells them (node-types.json gives them no `fields` at all): their nodes have no children.
   * Named and anonymous types may share a name (`type`: the soft keyword, and the annotation node).
   */
  readonly leaves: ReadonlySet<string>;
  /**
   * Named types whose nodes span exactly their visible children: every grammar rule that makes them is built from
   * visible nodes and anonymous strings only, never a hidden token (`_newline`, `_indent`, the hidden pieces of
   * `string_content`). A first child of such a node starts where it starts; it ends where its last child ends.
   */
  readonly spansChildren: ReadonlySet<string>;
}

export const shapeKey = (type: string, named: boolean): string => (named ? type : `"${type}"`);

interface NodeTypeInfo {
  readonly type: string;
  readonly named: boolean;
  readonly fields?: object;
  readonly subtypes?: unknown;
}

type RuleNode =
  | { readonly type: "STRING" | "PATTERN" | "BLANK"; readonly value?: string }
  | { readonly type: "SYMBOL"; readonly name: string }
  | { readonly type: "TOKEN" | "IMMEDIATE_TOKEN"; readonly content: RuleNode }
  | { readonly type: "ALIAS"; readonly content: RuleNode; readonly named: boolean; readonly value: string }
  | { readonly type: "SEQ" | "CHOICE"; readonly members: readonly RuleNode[] }
  | { readonly type: string; readonly content?: RuleNode; readonly members?: readonly RuleNode[] };

interface GrammarJson {
  readonly rules: Readonly<Record<string, RuleNode>>;
  readonly externals?: readonly RuleNode[];
}

const TOKEN_TYPES = new Set(["STRING", "PATTERN", "TOKEN", "IMMEDIATE_TOKEN"]);

export function grammarShape(nodeTypes: readonly NodeTypeInfo[], grammar: GrammarJson): GrammarShape {
  const fielded = new Set(nodeTypes.filter((t) => t.fields && Object.keys(t.fields).length > 0).map((t) => t.type));
  const leaves = new Set(nodeTypes.filter((t) => !("fields" in t) && !t.subtypes).map((t) => shapeKey(t.type, t.named)));
  const { rules } = grammar;
  const hiddenToken = (name: string): boolean => name.startsWith("_") && (!rules[name] || TOKEN_TYPES.has(rules[name]!.type));
  // Whether `node` can produce a hidden token, looking through hidden rules (whose children become the parent's).
  const hidesToken = (node: RuleNode, seen: Set<string>): boolean => {
    switch (node.type) {
      case "STRING":
      case "BLANK":
      case "ALIAS": // a node of its own (checked below, per alias)
        return false;
      case "PATTERN":
      case "TOKEN":
      case "IMMEDIATE_TOKEN":
        return true; // an unnamed pattern inside a rule is a hidden token
      case "SYMBOL": {
        const name = (node as { name: string }).name;
        if (!name.startsWith("_")) return false;
        if (hiddenToken(name)) return true;
        if (seen.has(name)) return false;
        seen.add(name);
        return hidesToken(rules[name]!, seen);
      }
      default: {
        const { content, members } = node as { content?: RuleNode; members?: readonly RuleNode[] };
        if (members) return members.some((m) => hidesToken(m, seen));
        if (content) return hidesToken(content, seen);
        return true; // unknown: assume the worst
      }
    }
  };
  const spans = new Map<string, boolean>();
  const note = (type: string, ok: boolean): void => {
    spans.set(type, (spans.get(type) ?? true) && ok);
  };
  for (const [name, body] of Object.entries(rules)) {
    if (name.startsWith("_") || TOKEN_TYPES.has(body.type)) continue;
    note(name, !hidesToken(body, new Set()));
  }
  // a named alias makes nodes of its name from other content: that content must span its children too
  const aliases: { value: string; content: RuleNode }[] = [];
  const collect = (node: RuleNode): void => {
    if (node.type === "ALIAS") {
      const a = node as { content: RuleNode; named: boolean; value: string };
      if (a.named) aliases.push({ value: a.value, content: a.content });
    }
    const { content, members } = node as { content?: RuleNode; members?: readonly RuleNode[] };
    if (content) collect(content);
    for (const m of members ?? []) collect(m);
  };
  for (const body of Object.values(rules)) collect(body);
  for (const { value, content } of aliases) {
    if (content.type === "SYMBOL" && !(content as { name: string }).name.startsWith("_"))
      note(value, spans.get((content as { name: string }).name) ?? false);
    else note(value, !TOKEN_TYPES.has(content.type) && !hidesToken(content, new Set()));
  }
  return { fielded, leaves, spansChildren: new Set([...spans].filter(([, ok]) => ok).map(([type]) => type)) };
}

let python: GrammarShape | undefined;

/** tree-sitter-python's shape, from the node-types.json and grammar.json it ships. */
export function pythonShape(): GrammarShape {
  if (!python) {
    const require = createRequire(import.meta.url);
    python = grammarShape(require("tree-sitter-python/src/node-types.json"), require("tree-sitter-python/src/grammar.json"));
  }
  return python;
}
