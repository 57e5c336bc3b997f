import Parser from "tree-sitter";
import Python from "tree-sitter-python";

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

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

export function parsePython(text: string, oldTree?: Tree): Tree {
  return parser().parse(text, oldTree ?? null, { bufferSize: Math.max(BUFFER_SIZE, text.length + 1) });
}

/** Number of ERROR / MISSING nodes: used to tell "the rewrite broke the file" from "it was already broken". */
export function countSyntaxErrors(tree: Tree): number {
  if (!tree.rootNode.hasError) return 0;
  let count = 0;
  const cursor = tree.walk();
  let done = false;
  while (!done) {
    const node = cursor.currentNode;
    if (node.type === "ERROR" || node.isMissing) count++;
    if (node.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  return count;
}
