import type Parser from "tree-sitter";
import { compareEdits, type TextEdit } from "./edits.js";
import { shapeKey, type GrammarShape } from "./grammar.js";
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
 * (two to five native calls per node: `grammar.ts` says which answers are known) costs less than the parse it walks;
 * after it every question is a property read. A re-parse moves the subtrees the edits left alone over from the
 * previous tree instead of walking them. The engine keeps `native` for incremental re-parsing.
 */
export class SyntaxTree {
  private root: SyntaxNode | undefined;
  private lines: SourceText | undefined;
  private syntaxError: boolean | undefined;
  /** Set once a re-parse took this tree's nodes (`moveTo`): nothing may read it any more. */
  private spent = false;
  /** The nodes by type, filled by the walk (`nodesOfType`). */
  private byType: Map<string, SyntaxNode[]> = new Map();

  /** The whole text the tree was parsed from (with included ranges: the module, of which only ranges have nodes). */
  readonly text: string;

  constructor(
    readonly native: Parser.Tree,
    /** The text, or its SourceText when the caller has one (its line index is reused). */
    source: string | SourceText,
    /** What the grammar guarantees about the tree's shape (saves native calls); none: ask everything. */
    readonly shape?: GrammarShape,
    /** The tree this one re-parses after `edits`: the subtrees the edits left alone keep their nodes. */
    private previous?: { readonly tree: SyntaxTree; readonly edits: readonly TextEdit[] },
  ) {
    if (typeof source === "string") this.text = source;
    else {
      this.text = source.text;
      this.lines = source;
    }
  }

  /** How many of the nodes were moved over from the previous tree rather than walked (for tests). */
  movedNodes = 0;

  get rootNode(): SyntaxNode {
    if (this.spent) throw new Error("internal error: this tree's nodes were moved into its re-parse");
    if (!this.root) {
      const previous = this.previous;
      const index = new TypeIndex();
      this.root = buildNodes(this, previous && reusableSubtrees(previous.tree, previous.edits), index);
      this.byType = index.byType;
      if (previous && this.movedNodes > 0) previous.tree.spend();
      this.previous = undefined;
    }
    return this.root;
  }

  private spend(): void {
    this.spent = true;
    this.root = undefined;
  }

  /** Every node of the given type(s), in document order: the root's `descendantsOfType`, from an index built once. */
  nodesOfType(types: string | readonly string[]): SyntaxNode[] {
    void this.rootNode; // the walk that builds the nodes fills the index
    if (typeof types === "string") return this.byType.get(types)?.slice() ?? [];
    const out = [...new Set(types)].flatMap((t) => this.byType.get(t) ?? []);
    if (types.length > 1) out.sort((a, b) => a.preorder - b.preorder);
    return out;
  }

  /**
   * With syntax errors: the MISSING nodes, and which nodes contain an error (filled as asked). Kept here rather than
   * on the nodes: most trees have no errors, and every field on a node costs memory on all of them.
   */
  errors: { readonly missing: Set<SyntaxNode>; readonly within: Map<SyntaxNode, boolean> } | undefined;

  /**
   * Whether tree-sitter found a syntax error. Asked when first needed (a parse alone asks nothing), and always before
   * the native tree is edited for a re-parse (`reparsePython`), after which its answer would no longer hold.
   */
  get hasError(): boolean {
    return (this.syntaxError ??= this.native.rootNode.hasError);
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
  /** Position in document order (set as the walk makes or moves it: TypeIndex). */
  preorder = 0;
  private named: readonly SyntaxNode[] | undefined;

  constructor(
    tree: SyntaxTree,
    readonly type: string,
    readonly isNamed: boolean,
    startIndex: number,
    endIndex: number,
  ) {
    this.tree = tree;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
  }

  // Not readonly only so that a re-parse can move an unchanged subtree into the new tree (`moveTo`).
  tree: SyntaxTree;
  startIndex: number;
  endIndex: number;

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
    // index loops here and below: these run for every node, and an array iterator is an allocation each
    const children = this.children;
    for (let i = 0; i < children.length; i++) if (children[i]!.field === field) return children[i]!;
    return null;
  }

  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((c) => c.field === field);
  }

  /** This node and its descendants of the given type(s), in document order (tree-sitter's semantics: self included). */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    // the rules ask the root again and again: the tree answers from an index by type
    if (this.parent === null) return this.tree.nodesOfType(types);
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

  /** A node tree-sitter inserted to recover from a syntax error (zero width). */
  get isMissing(): boolean {
    return this.tree.errors?.missing.has(this) ?? false;
  }

  /** An ERROR node, a MISSING node, or a node containing one. */
  get hasError(): boolean {
    const errors = this.tree.errors;
    if (!errors) return false;
    let known = errors.within.get(this);
    if (known === undefined) {
      known = this.type === "ERROR" || this.isMissing || this.children.some((c) => c.hasError);
      errors.within.set(this, known);
    }
    return known;
  }

  toString(): string {
    return `(${this.type} ${this.startIndex}-${this.endIndex})`;
  }
}

/**
 * The largest subtrees of `old` that `edits` leave alone, by their start after the edits. An edit that touches a
 * node's first or last character, or text right next to it, counts as touching it. A subtree whose text, and the text
 * on both sides of it, did not change parses the same again (the one exception, error recovery, is excluded: neither
 * tree may have errors); `buildNodes` still finds a node of the same type and length at that start before it moves
 * one over.
 */
function reusableSubtrees(old: SyntaxTree, edits: readonly TextEdit[]): Map<number, SyntaxNode[]> | undefined {
  if (!old.built || old.hasError) return undefined;
  const sorted = [...edits].sort(compareEdits);
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
    const children = node.children;
    for (let i = 0; i < children.length; i++) visit(children[i]!);
  };
  const top = old.rootNode.children;
  for (let i = 0; i < top.length; i++) visit(top[i]!);
  return reusable;
}

/**
 * Moves `node`'s subtree into `tree`, `delta` code units further (the caller sets its parent, field and index). The
 * previous tree is spent afterwards: moving costs a few property writes per node where a copy cost an allocation.
 */
function moveTo(node: SyntaxNode, tree: SyntaxTree, delta: number, index: TypeIndex): SyntaxNode {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    n.tree = tree;
    n.startIndex += delta;
    n.endIndex += delta;
    index.add(n);
    tree.movedNodes++;
    const children = n.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!); // in document order
  }
  return node;
}

/** The nodes of a tree by type, in document order, filled as the walk makes or moves them. */
class TypeIndex {
  readonly byType = new Map<string, SyntaxNode[]>();
  private order = 0;

  add(node: SyntaxNode): void {
    node.preorder = this.order++;
    const list = this.byType.get(node.type);
    if (list) list.push(node);
    else this.byType.set(node.type, [node]);
  }
}

/**
 * Builds the JavaScript nodes of `tree` in one TreeCursor walk (type names, namedness and fields looked up by id).
 * `reusable`: subtrees of the previous tree by their new start, moved over instead of walked.
 *
 * Native calls are most of the walk's cost, so it asks only what the grammar leaves open: no field under a node type
 * without fields, no children under a token. A tree with errors is asked everything (error recovery may put any node
 * anywhere).
 */
function buildNodes(tree: SyntaxTree, reusable: Map<number, SyntaxNode[]> | undefined, index: TypeIndex): SyntaxNode {
  const cursor = tree.native.walk();
  const withErrors = tree.hasError;
  if (withErrors) {
    reusable = undefined;
    tree.errors = { missing: new Set(), within: new Map() };
  }
  const shape = withErrors ? undefined : tree.shape;
  // by type id: name, namedness, whether its nodes may have fields, whether they may have children
  const typeNames: string[] = [];
  const typeNamed: boolean[] = [];
  const typeFielded: boolean[] = [];
  const typeParent: boolean[] = [];
  const typeSpans: boolean[] = [];
  const fieldNames: (string | null)[] = [null];
  const fielded: SyntaxNode[] = [];
  // Without errors or reuse, positions of nodes whose type spans its children (see GrammarShape) follow from the
  // tree: their first child starts where they do, and they end where their last child does (filled in on the way up).
  const inferPositions = shape !== undefined && !reusable;
  const spanning: SyntaxNode[] = [];
  let descend = false;
  let parent: SyntaxNode | null = null;
  let root: SyntaxNode | undefined;
  for (;;) {
    // make the node under the cursor, a child of `parent`
    const typeId = cursor.nodeTypeId;
    let type = typeNames[typeId];
    if (type === undefined) {
      type = typeNames[typeId] = cursor.nodeType;
      typeNamed[typeId] = cursor.nodeIsNamed;
      typeFielded[typeId] = !shape || shape.fielded.has(type);
      typeParent[typeId] = !shape || !shape.leaves.has(shapeKey(type, typeNamed[typeId]!));
      typeSpans[typeId] = shape !== undefined && typeNamed[typeId]! && shape.spansChildren.has(type);
    }
    const start: number =
      inferPositions && parent !== null && parent.children === NO_NODES && spanning[spanning.length - 1] === parent
        ? parent.startIndex
        : cursor.startIndex;
    const end: number = inferPositions && typeSpans[typeId] && parent !== null ? -1 : cursor.endIndex;
    let node: SyntaxNode | undefined;
    if (reusable) {
      const candidates = reusable.get(start);
      const old = candidates?.find((n) => n.type === type && n.endIndex - n.startIndex === end - start);
      if (old) {
        candidates!.splice(candidates!.indexOf(old), 1);
        node = moveTo(old, tree, start - old.startIndex, index);
      }
    }
    descend = node === undefined && typeParent[typeId]!;
    if (!node) {
      node = new SyntaxNode(tree, type, typeNamed[typeId]!, start, end);
      index.add(node);
    }
    if (withErrors && cursor.nodeIsMissing) tree.errors!.missing.add(node);
    if (parent) {
      if (fielded[fielded.length - 1] === parent) {
        const fieldId = cursor.currentFieldId;
        if (fieldId !== 0) node.field = fieldNames[fieldId] ??= cursor.currentFieldName;
      }
      node.parent = parent;
      if (parent.children === NO_NODES) parent.children = [];
      node.index = parent.children.length;
      (parent.children as SyntaxNode[]).push(node);
    } else root = node;
    // move on: to its first child, else to the next sibling of it or of an ancestor
    if (descend && cursor.gotoFirstChild()) {
      parent = node;
      if (typeFielded[typeId]) fielded.push(node);
      if (end === -1) spanning.push(node);
      continue;
    }
    if (end === -1) node.endIndex = cursor.endIndex; // a parent type without children here
    let current: SyntaxNode = node;
    for (;;) {
      if (cursor.gotoNextSibling()) break;
      if (!cursor.gotoParent()) return root!;
      current = current.parent!;
      if (spanning[spanning.length - 1] === current) {
        spanning.pop();
        current.endIndex = current.children[current.children.length - 1]!.endIndex;
      }
      if (fielded[fielded.length - 1] === current) fielded.pop();
    }
    parent = current.parent;
  }
}
