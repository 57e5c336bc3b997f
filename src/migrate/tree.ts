import type Parser from "tree-sitter";

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
  private lineStarts: number[] | undefined;

  constructor(
    readonly native: Parser.Tree,
    /** The whole text the tree was parsed from (with included ranges: the module, of which only ranges have nodes). */
    readonly text: string,
  ) {}

  get rootNode(): SyntaxNode {
    return (this.root ??= buildNodes(this));
  }

  /** Whether tree-sitter found a syntax error (cheap: asks the native root, builds no nodes). */
  get hasError(): boolean {
    return this.native.rootNode.hasError;
  }

  /** Row and column (UTF-16 code units, like every offset here) of `offset`. */
  pointAt(offset: number): Point {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: offset - starts[lo]! };
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

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Builds the JavaScript nodes of `tree` in one TreeCursor walk (type names, namedness and fields looked up by id). */
function buildNodes(tree: SyntaxTree): SyntaxNode {
  const cursor = tree.native.walk();
  const withErrors = tree.hasError;
  const typeNames: string[] = [];
  const typeNamed: boolean[] = [];
  const fieldNames: (string | null)[] = [null];
  const make = (parent: SyntaxNode | null): SyntaxNode => {
    const typeId = cursor.nodeTypeId;
    let type = typeNames[typeId];
    if (type === undefined) {
      type = typeNames[typeId] = cursor.nodeType;
      typeNamed[typeId] = cursor.nodeIsNamed;
    }
    const node = new SyntaxNode(tree, type, typeNamed[typeId]!, cursor.startIndex, cursor.endIndex);
    if (parent) {
      const fieldId = cursor.currentFieldId;
      if (fieldId !== 0) node.field = fieldNames[fieldId] ??= cursor.currentFieldName;
      node.parent = parent;
      node.index = parent.children.length;
      (parent.children as SyntaxNode[]).push(node);
    }
    if (withErrors) node.isMissing = cursor.nodeIsMissing;
    return node;
  };
  const root = make(null);
  let node = root;
  for (;;) {
    if (cursor.gotoFirstChild()) {
      node.children = [];
      node = make(node);
      continue;
    }
    for (;;) {
      if (cursor.gotoNextSibling()) {
        node = make(node.parent);
        break;
      }
      if (!cursor.gotoParent()) return root;
      node = node.parent!;
    }
  }
}
