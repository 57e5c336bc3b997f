/**
 * The rules read JavaScript nodes (src/migrate/tree.ts) built from tree-sitter's tree, and after each round partly
 * moved over from the previous round's nodes. These tests check that what they read is what tree-sitter parsed: every
 * node's type, namedness, range and field, node for node, on every Python file of the repository and a generated code
 * base; the navigation methods against the binding's own; and, after seeded random edits, that a re-parse that moves
 * the untouched subtrees over yields exactly the nodes of a fresh parse of the edited text.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type Parser from "tree-sitter";
import { generateCorpus } from "../../bench/corpus.js";
import { applyEdits, compareEdits, editsConflict, type TextEdit } from "../../src/migrate/edits.js";
import { grammarShape, pythonShape, shapeKey } from "../../src/migrate/grammar.js";
import { parsePython, reparsePython } from "../../src/migrate/parser.js";
import type { SyntaxNode } from "../../src/migrate/tree.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** Python files under `dir` (sorted), every `step`-th: installed code written by others, in every style. */
function installed(dir: string, step: number): { path: string; text: string }[] {
  assert.ok(existsSync(dir), `${dir} is missing: scripts/install-test-deps.sh installs it`);
  const paths = (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.endsWith(".py")).sort();
  return paths.filter((_, i) => i % step === 0).map((p) => ({ path: join(dir, p), text: readFileSync(join(dir, p), "utf8") }));
}

const files = [
  ...installed("/usr/lib/python3/dist-packages/aioredis", 1),
  ...installed("/usr/lib/python3/dist-packages/redis", 1),
  ...installed("/usr/lib/python3.11", 25),
  ...execFileSync("git", ["ls-files", "*.py"], { cwd: ROOT, encoding: "utf8" })
    .trim()
    .split("\n")
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8").replace(/^\uFEFF/, "") })),
  ...generateCorpus({ seed: 11, minChars: 200_000, aioredisShare: 0.7, streamShare: 0.05 }),
  { path: "broken.py", text: "def f(:\n    x = (1,\nclass\n    pass\nprint('a'\n" },
];

/** Every node in document order with its depth, as tree-sitter's cursor sees it. */
function nativeNodes(tree: Parser.Tree): string[] {
  const out: string[] = [];
  const c = tree.walk();
  let depth = 0;
  for (;;) {
    out.push(`${depth} ${c.nodeType} ${c.nodeIsNamed} ${c.startIndex}-${c.endIndex} ${c.currentFieldName ?? "-"} ${c.nodeIsMissing}`);
    if (c.gotoFirstChild()) {
      depth++;
      continue;
    }
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) return out;
      depth--;
    }
  }
}

function ourNodes(root: SyntaxNode): string[] {
  const out: string[] = [];
  const visit = (n: SyntaxNode, depth: number): void => {
    out.push(`${depth} ${n.type} ${n.isNamed} ${n.startIndex}-${n.endIndex} ${n.field ?? "-"} ${n.isMissing}`);
    n.children.forEach((c, i) => {
      assert.equal(c.parent, n);
      assert.equal(c.index, i);
      visit(c, depth + 1);
    });
  };
  visit(root, 0);
  return out;
}

const span = (n: { type: string; startIndex: number; endIndex: number } | null): string => (n ? `${n.type}@${n.startIndex}-${n.endIndex}` : "null");

/** A seeded generator (mulberry32): the edits are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Edits like the rules': renamed names, changed arguments, statements inserted before others, statements deleted. */
function randomEdits(root: SyntaxNode, text: string, next: () => number): TextEdit[] {
  const all: SyntaxNode[] = [];
  const collect = (n: SyntaxNode): void => {
    all.push(n);
    for (const c of n.children) collect(c);
  };
  collect(root);
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(next() * xs.length)];
  const edits: TextEdit[] = [];
  const add = (e: TextEdit): void => {
    if (!edits.some((f) => editsConflict(e, f) || e.start === f.end || e.end === f.start)) edits.push(e);
  };
  const names = all.filter((n) => n.type === "identifier");
  const argumentLists = all.filter((n) => n.type === "argument_list");
  const statements = all.filter((n) => n.parent?.type === "block" || n.parent?.type === "module");
  for (let i = 0, count = 1 + Math.floor(next() * 6); i < count; i++) {
    const kind = next();
    if (kind < 0.4) {
      const n = pick(names);
      if (n) add({ start: n.startIndex, end: n.endIndex, text: `${n.text}_${Math.floor(next() * 100)}` });
    } else if (kind < 0.6) {
      const a = pick(argumentLists);
      if (a) add({ start: a.endIndex - 1, end: a.endIndex - 1, text: a.namedChildCount > 0 ? ", extra=1" : "extra=1" });
    } else if (kind < 0.8) {
      const s = pick(statements);
      if (s && s.type !== "comment") {
        const lineStart = text.lastIndexOf("\n", s.startIndex - 1) + 1;
        add({ start: s.startIndex, end: s.startIndex, text: `inserted = ${i}\n${text.slice(lineStart, s.startIndex)}` });
      }
    } else {
      const s = pick(statements.filter((x) => !x.text.includes("\n") && (x.parent?.namedChildCount ?? 0) > 1));
      if (s) add({ start: s.startIndex, end: s.endIndex, text: "pass" });
    }
  }
  return edits.sort(compareEdits);
}

describe("the grammar's shape (src/migrate/grammar.ts)", () => {
  const shape = pythonShape();
  it("knows tokens, node types with fields, and node types that span their children", () => {
    for (const token of ["identifier", "integer", "comment", "string_start"]) assert.ok(shape.leaves.has(shapeKey(token, true)), token);
    for (const token of ["(", "def", "type", "await"]) assert.ok(shape.leaves.has(shapeKey(token, false)), token);
    // the annotation `type` and `await` expression are nodes with children; `is not` is an anonymous one
    for (const [type, named] of [["type", true], ["await", true], ["is not", false], ["pass_statement", true]] as const)
      assert.ok(!shape.leaves.has(shapeKey(type, named)), type);
    for (const type of ["call", "attribute", "keyword_argument"]) assert.ok(shape.fielded.has(type), type);
    for (const type of ["argument_list", "expression_statement", "module"]) assert.ok(!shape.fielded.has(type), type);
    for (const type of ["call", "argument_list", "assignment", "expression_statement", "string", "import_statement"])
      assert.ok(shape.spansChildren.has(type), type);
    // a newline, an indent or the hidden pieces of a string content are part of them but no child's
    for (const type of ["module", "block", "function_definition", "if_statement", "string_content", "decorator"])
      assert.ok(!shape.spansChildren.has(type), type);
  });

  it("counts a named alias of hidden content as that content", () => {
    const grammar = {
      rules: {
        source: { type: "SEQ", members: [{ type: "SYMBOL", name: "clean" }, { type: "ALIAS", named: true, value: "clean", content: { type: "SYMBOL", name: "_dirty" } }] },
        clean: { type: "SEQ", members: [{ type: "STRING", value: "(" }, { type: "STRING", value: ")" }] },
        _dirty: { type: "SEQ", members: [{ type: "STRING", value: "(" }, { type: "SYMBOL", name: "_newline" }] },
      },
      externals: [{ type: "SYMBOL", name: "_newline" }],
    };
    // `source` spans its two children; `clean` made from `_dirty` holds a hidden newline
    assert.deepEqual([...grammarShape([], grammar).spansChildren], ["source"]);
    const withoutAlias = { ...grammar, rules: { ...grammar.rules, source: { type: "SYMBOL", name: "clean" } } };
    assert.deepEqual([...grammarShape([], withoutAlias).spansChildren].sort(), ["clean", "source"]);
  });
});

describe("the JavaScript nodes (src/migrate/tree.ts)", () => {
  it("are tree-sitter's nodes: type, namedness, range, field and MISSING, node for node", () => {
    let nodes = 0;
    for (const f of files) {
      const tree = parsePython(f.text);
      const expected = nativeNodes(tree.native);
      assert.deepEqual(ourNodes(tree.rootNode), expected, f.path);
      nodes += expected.length;
    }
    assert.ok(nodes > 100_000, `compared ${nodes} nodes`);
  });

  it("answer the navigation questions as the binding does", () => {
    for (const f of files.slice(0, 60)) {
      const tree = parsePython(f.text);
      const ours = tree.rootNode;
      const theirs = tree.native.rootNode;
      for (const types of ["call", ["identifier", "attribute"], "await", "ERROR"] as const) {
        assert.deepEqual(ours.descendantsOfType(types).map(span), theirs.descendantsOfType(types as string | string[]).map(span), `${f.path} ${types}`);
      }
      const oursCalls = ours.descendantsOfType("call");
      const theirCalls = theirs.descendantsOfType("call");
      oursCalls.forEach((call, i) => {
        const native = theirCalls[i]!;
        for (const field of ["function", "arguments"]) assert.equal(span(call.childForFieldName(field)), span(native.childForFieldName(field)));
        assert.equal(span(call.parent), span(native.parent));
        assert.equal(span(call.nextSibling), span(native.nextSibling));
        assert.equal(span(call.previousSibling), span(native.previousSibling));
        assert.equal(span(call.nextNamedSibling), span(native.nextNamedSibling));
        assert.deepEqual(call.namedChildren.map(span), native.namedChildren.map(span));
        assert.equal(call.text, native.text);
        assert.deepEqual(call.startPosition, native.startPosition);
        assert.deepEqual(call.endPosition, native.endPosition);
        assert.equal(call.hasError, native.hasError);
      });
      assert.equal(ours.hasError, theirs.hasError, f.path);
    }
  });

  it("after a re-parse, move the untouched subtrees over and equal a fresh parse of the edited text", () => {
    const next = random(20261203);
    let moved = 0;
    let compared = 0;
    for (const f of files) {
      let tree = parsePython(f.text);
      if (tree.hasError) continue;
      let text = f.text;
      // three rounds, like the engine's: each re-parse starts from the nodes the previous one moved over
      for (let round = 0; round < 3; round++) {
        const edits = randomEdits(tree.rootNode, text, next);
        const edited = applyEdits(text, edits);
        const reparsed = reparsePython(tree, edits, edited);
        const fresh = parsePython(edited);
        assert.deepEqual(ourNodes(reparsed.rootNode), nativeNodes(fresh.native), `${f.path} round ${round}`);
        moved += reparsed.movedNodes;
        compared++;
        if (reparsed.hasError) break;
        if (reparsed.movedNodes > 0) assert.throws(() => tree.rootNode, /moved into its re-parse/);
        tree = reparsed;
        text = edited;
      }
    }
    assert.ok(compared > 100, `${compared} re-parses compared`);
    assert.ok(moved > 50_000, `${moved} nodes moved`);
  });
});
