import Parser from "tree-sitter";
import Python from "tree-sitter-python";
import { SyntaxTree, type SyntaxNode } from "./tree.js";

export type { SyntaxNode };
export type Tree = SyntaxTree;

let shared: Parser | undefined;

/** One parser per process: tree-sitter parsers are reusable and creating one loads the grammar. */
function parser(): Parser {
  if (!shared) {
    shared = new Parser();
    shared.setLanguage(Python as unknown as Parser.Language);
  }
  return shared;
}

// tree-sitter's default 32 KiB input buffer makes long files parse in many small chunks.
const BUFFER_SIZE = 1024 * 1024;
// With ranges the binding reads range by range: a smaller buffer keeps each read from copying the rest of the file.
const RANGE_BUFFER_SIZE = 64 * 1024;

/** A range of the text to parse (tree-sitter's included range): offsets and points in UTF-16 code units. */
export interface ParsedRange {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: { readonly row: number; readonly column: number };
  readonly endPosition: { readonly row: number; readonly column: number };
}

/**
 * Parses `text`, or only `ranges` of it (the nodes keep the text's offsets; the rest has no nodes and is not read).
 * `oldTree`: the previous tree, already told about the edits (`native.edit`), for an incremental parse.
 */
export function parsePython(text: string, oldTree?: Parser.Tree, ranges?: readonly ParsedRange[]): Tree {
  const native = ranges
    ? parser().parse(text, oldTree ?? null, { bufferSize: RANGE_BUFFER_SIZE, includedRanges: ranges as ParsedRange[] })
    : parser().parse(text, oldTree ?? null, { bufferSize: Math.max(BUFFER_SIZE, text.length + 1) });
  return new SyntaxTree(native, text);
}

/** Number of ERROR / MISSING nodes: used to tell "the rewrite broke the file" from "it was already broken". */
export function countSyntaxErrors(tree: Tree): number {
  if (!tree.hasError) return 0;
  let count = 0;
  const visit = (node: SyntaxNode): void => {
    if (node.type === "ERROR" || node.isMissing) count++;
    if (node.hasError) for (const c of node.children) visit(c);
  };
  visit(tree.rootNode);
  return count;
}
