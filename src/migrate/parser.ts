import Parser from "tree-sitter";
import Python from "tree-sitter-python";
import type { TextEdit } from "./edits.js";
import { pythonShape } from "./grammar.js";
import type { SourceText } from "./source.js";
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

/** Parses `text`, or only `ranges` of it (the nodes keep the text's offsets; the rest has no nodes and is not read). */
export function parsePython(source: string | SourceText, ranges?: readonly ParsedRange[]): Tree {
  const text = typeof source === "string" ? source : source.text;
  return new SyntaxTree(parser().parse(text, null, parseOptions(text, ranges)), source, pythonShape());
}

function parseOptions(text: string, ranges: readonly ParsedRange[] | undefined): Parser.Options {
  return ranges
    ? { bufferSize: RANGE_BUFFER_SIZE, includedRanges: ranges as ParsedRange[] }
    : { bufferSize: Math.max(BUFFER_SIZE, text.length + 1) };
}

/**
 * Parses `next`, the text of `previous` after `edits` (sorted, non-overlapping), incrementally: the native tree is told
 * about each edit, last first so earlier offsets stay valid, in UTF-16 code units like every offset here. The rules
 * hold only `previous`'s JavaScript nodes, which the native edits leave alone; the subtrees no edit touched are moved
 * into the new tree instead of walked again (tree.ts).
 */
export function reparsePython(previous: Tree, edits: readonly TextEdit[], nextSource: string | SourceText, ranges?: readonly ParsedRange[]): Tree {
  const next = typeof nextSource === "string" ? nextSource : nextSource.text;
  void previous.hasError; // read before the edits (see SyntaxTree.hasError)
  const native = previous.native;
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i]!;
    const startPosition = previous.pointAt(e.start);
    native.edit({
      startIndex: e.start,
      oldEndIndex: e.end,
      newEndIndex: e.start + e.text.length,
      startPosition,
      oldEndPosition: previous.pointAt(e.end),
      // the text before e.start is still the old text (later edits are applied first)
      newEndPosition: pointAfter(startPosition, e.text),
    });
  }
  return new SyntaxTree(parser().parse(next, native, parseOptions(next, ranges)), nextSource, pythonShape(), { tree: previous, edits });
}

/** The point reached by writing `inserted` at `start`. */
function pointAfter(start: { row: number; column: number }, inserted: string): { row: number; column: number } {
  const last = inserted.lastIndexOf("\n");
  if (last === -1) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf("\n"); i !== -1; i = inserted.indexOf("\n", i + 1)) rows++;
  return { row: start.row + rows, column: inserted.length - last - 1 };
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
