import type Parser from "tree-sitter";
import type { TextEdit } from "./edits.js";
import { SourceText } from "./source.js";

export interface Point {
  readonly row: number;
  readonly column: number;
}

const NO_NODES: readonly SyntaxNode[] = Object.freeze([]);
let nextId = 1;

/**
 * A parsed module whose nodes are plain JavaScript objects, built from tree-sitter's tree in one cursor walk the
 * first time a rule asks for them.
 *
 * Why not tree-sitter's own node objects: each of their getters (`type` of an anonymous node, `parent`,
 * `childForFieldName`, `descendantsOfType`, `text`, …) is a call into the native binding that marshals the node and
 * registers the result in the tree's node cache, and the rules ask for the same nodes again and again. One walk
 * (five native calls per node) costs about as much as one parse of the statements parsed; after it every question is
 * a property read. The engine keeps `native` for incremental re-parsing.
 */
export class SyntaxTree {
  private root: SyntaxNode | undefined;
  private lines: SourceText | undefined;
  /** Whether tree-sitter found a syntax error (read at once: the native tree may later be edited for a re-parse). */
  readonly hasError: boolean;

  constructor(
    readonly native: Parser.Tree,
    /** The whole text the tree was parsed from (with included ranges: the module, of which only ranges have nodes). */
    readonly text: string,
    /** The tree this one re-parses after `edits`: the module's statements the edits left alone keep their nodes. */
    private previous?: { readonly tree: SyntaxTree; readonly edits: readonly TextEdit[] },
  ) {
    this.hasError = native.rootNode.hasError;
  }

  /** How many of the nodes were copied from the previous tree rather than walked (for tests and the benchmark). */
  copiedNodes = 0;

  get rootNode(): SyntaxNode {
    if (!this.root) {
      this.root = buildNodes(this, this.previous && reusableSubtrees(this.previous.tree, this.previous.edits));
      this.previous = undefined;
    }
    return this.root;
  }

  /** Whether the JavaScript nodes exist (the rules asked for them). */
  get built(): boolean {
    return this.root !== undefined;
  }

  /** Row and column (UTF-16 code units, like every offset here) of `offset`. */
  pointAt(offset: number): Point {
    return (this.lines ??= new SourceText(this.text)).pointAt(offset);
  }
}

/** One node of a SyntaxTree: the subset of tree-sitter's SyntaxNode API the migration uses, answered in JavaScript. */
export class SyntaxNode {
  readonly id = nextId++;
  parent: SyntaxNode | null = null;
  children: readonly SyntaxNode[] = NO_NODES;
  /** The field this node fills in its parent (`function`, `arguments`, …), or null. */
  field: string | null = null;
  /** Position among the parent's children. */
  index = 0;
  /** Set on the nodes of trees that have syntax errors. */
  isMissing = false;
  private named: readonly SyntaxNode[] | undefined;
  private error: boolean | undefined;

  constructor(
    readonly tree: SyntaxTree,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {}

  get text(): string {
    return this.tree.text.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    return this.tree.pointAt(this.startIndex);
  }

  get endPosition(): Point {
    return this.tree.pointAt(this.endIndex);
  }

  get namedChildren(): readonly SyntaxNode[] {
    return (this.named ??= this.children.length === 0 ? NO_NODES : this.children.filter((c) => c.isNamed));
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(i: number): SyntaxNode | null {
    return this.children[i] ?? null;
  }

  namedChild(i: number): SyntaxNode | null {
    return this.namedChildren[i] ?? null;
  }

  get firstChild(): SyntaxNode | null {
    return this.children[0] ?? null;
  }

  get lastChild(): SyntaxNode | null {
    return this.children[this.children.length - 1] ?? null;
  }

  get firstNamedChild(): SyntaxNode | null {
    return this.namedChildren[0] ?? null;
  }

  get lastNamedChild(): SyntaxNode | null {
    const named = this.namedChildren;
    return named[named.length - 1] ?? null;
  }

  get nextSibling(): SyntaxNode | null {
    return this.parent?.children[this.index + 1] ?? null;
  }

  get previousSibling(): SyntaxNode | null {
    return this.parent?.children[this.index - 1] ?? null;
  }

  get nextNamedSibling(): SyntaxNode | null {
    const siblings = this.parent?.children ?? NO_NODES;
    for (let i = this.index + 1; i < siblings.length; i++) if (siblings[i]!.isNamed) return siblings[i]!;
    return null;
  }

  get previousNamedSibling(): SyntaxNode | null {
    const siblings = this.parent?.children ?? NO_NODES;
    for (let i = this.index - 1; i >= 0; i--) if (siblings[i]!.isNamed) return siblings[i]!;
    return null;
  }

  /** The first child filling `field` (named or not, like tree-sitter), or null. */
  childForFieldName(field: string): SyntaxNode | null {
    for (const c of this.children) if (c.field === field) return c;
    return null;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((c) => c.field === field);
  }

  /** This node and its descendants of the given type(s), in document order (tree-sitter's semantics: self included). */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    const stack: SyntaxNode[] = [this];
    if (typeof types === "string") {
      while (stack.length > 0) {
        const n = stack.pop()!;
        if (n.type === types) out.push(n);
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
      }
    } else {
      while (stack.length > 0) {
        const n = stack.pop()!;
        if (types.includes(n.type)) out.push(n);
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
      }
    }
    return out;
  }

  /** The smallest node that contains `index` (the deepest whose range holds it). */
  descendantForIndex(index: number): SyntaxNode {
    let node: SyntaxNode = this;
    for (;;) {
      const inner = node.children.find((c) => c.startIndex <= index && index < c.endIndex);
      if (!inner) return node;
      node = inner;
    }
  }

  /** An ERROR node, a MISSING node, or a node containing one. */
  get hasError(): boolean {
    if (!this.tree.hasError) return false;
    return (this.error ??= this.type === "ERROR" || this.isMissing || this.children.some((c) => c.hasError));
  }

  toString(): string {
    return `(${this.type} ${this.startIndex}-${this.endIndex})`;
  }
}

/**
 * The largest subtrees of `old` that `edits` leave alone, by their start after the edits. An edit that touches a
 * node's first or last character, or text right next to it, counts as touching it. A subtree whose text, and the text
 * on both sides of it, did not change parses the same again (the one exception, error recovery, is excluded: neither
 * tree may have errors); `buildNodes` still finds a node of the same type and length at that start before it copies.
 */
function reusableSubtrees(old: SyntaxTree, edits: readonly TextEdit[]): Map<number, SyntaxNode[]> | undefined {
  if (!old.built || old.hasError) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const reusable = new Map<number, SyntaxNode[]>();
  let e = 0;
  let delta = 0;
  // in document order, so the edits before each node are consumed once
  const visit = (node: SyntaxNode): void => {
    while (e < sorted.length && sorted[e]!.end < node.startIndex) {
      delta += sorted[e]!.text.length - (sorted[e]!.end - sorted[e]!.start);
      e++;
    }
    const touched = e < sorted.length && sorted[e]!.start <= node.endIndex;
    if (!touched) {
      const at = node.startIndex + delta;
      const known = reusable.get(at);
      if (known) known.push(node);
      else reusable.set(at, [node]);
      return;
    }
    for (const c of node.children) visit(c);
  };
  for (const c of old.rootNode.children) visit(c);
  return reusable;
}

/** A copy of `node`'s subtree for `tree`, moved by `delta` (the caller sets the copy's own parent, field, index). */
function moved(node: SyntaxNode, tree: SyntaxTree, delta: number): SyntaxNode {
  tree.copiedNodes++;
  const copy = new SyntaxNode(tree, node.type, node.isNamed, node.startIndex + delta, node.endIndex + delta);
  if (node.children.length > 0)
    copy.children = node.children.map((c) => {
      const child = moved(c, tree, delta);
      child.parent = copy;
      child.field = c.field;
      child.index = c.index;
      return child;
    });
  return copy;
}

/**
 * Builds the JavaScript nodes of `tree` in one TreeCursor walk (type names, namedness and fields looked up by id).
 * `reusable`: subtrees of the previous tree by their new start, copied instead of walked.
 */
function buildNodes(tree: SyntaxTree, reusable: Map<number, SyntaxNode[]> | undefined): SyntaxNode {
  const cursor = tree.native.walk();
  const withErrors = tree.hasError;
  if (withErrors) reusable = undefined;
  const typeNames: string[] = [];
  const typeNamed: boolean[] = [];
  const fieldNames: (string | null)[] = [null];
  const adopt = (parent: SyntaxNode, child: SyntaxNode): void => {
    child.parent = parent;
    if (parent.children === NO_NODES) parent.children = [];
    child.index = parent.children.length;
    (parent.children as SyntaxNode[]).push(child);
  };
  // set when `make` copied a subtree of the previous tree: the walk does not descend into it
  let copied = false;
  const make = (parent: SyntaxNode | null): SyntaxNode => {
    const typeId = cursor.nodeTypeId;
    let type = typeNames[typeId];
    if (type === undefined) {
      type = typeNames[typeId] = cursor.nodeType;
      typeNamed[typeId] = cursor.nodeIsNamed;
    }
    const start = cursor.startIndex;
    const end = cursor.endIndex;
    const old = reusable?.get(start)?.find((n) => n.type === type && n.endIndex - n.startIndex === end - start);
    const node = old ? moved(old, tree, start - old.startIndex) : new SyntaxNode(tree, type, typeNamed[typeId]!, start, end);
    copied = old !== undefined;
    if (parent) {
      const fieldId = cursor.currentFieldId;
      if (fieldId !== 0) node.field = fieldNames[fieldId] ??= cursor.currentFieldName;
      adopt(parent, node);
    }
    if (withErrors) node.isMissing = cursor.nodeIsMissing;
    return node;
  };
  const root = make(null);
  let node = root;
  for (;;) {
    if (!copied && cursor.gotoFirstChild()) {
      node = make(node);
      continue;
    }
    for (;;) {
      copied = false;
      if (cursor.gotoNextSibling()) {
        node = make(node.parent);
        break;
      }
      if (!cursor.gotoParent()) return root;
      node = node.parent!;
    }
  }
}
