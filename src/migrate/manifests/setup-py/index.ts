import { parsePython, type SyntaxNode } from "../../parser.js";
import type { ManifestDocument } from "../document.js";
import { parseRequirement, requirementEntry } from "../pep508.js";
import { checkPythonFloor, planDocument } from "../plan.js";
import type { DelimitedList, DepEntry, DepGroup, ManifestFormat } from "../types.js";

/** `setup()` keywords whose value is a list of requirements. */
const REQUIREMENT_KEYWORDS = new Set(["install_requires", "tests_require", "setup_requires", "requires"]);
/** `setup()` keywords whose strings are never requirements (a keyword list may well say "aioredis"). */
const TEXT_KEYWORDS = new Set([
  "name",
  "description",
  "long_description",
  "keywords",
  "classifiers",
  "url",
  "project_urls",
  "packages",
  "py_modules",
  "package_data",
  "entry_points",
]);

/**
 * setup.py: string literals in the list, tuple or set literals passed to `setup(install_requires=…,
 * tests_require=…, setup_requires=…, extras_require={…})`, directly, through `+`, or through a variable assigned
 * such a literal. Anything else that spells an aioredis requirement (f-strings, concatenation, `.append(…)`,
 * comprehensions) is computed and becomes a manual step.
 */
const setupPy: ManifestFormat = {
  kind: "setup-py",
  description: "setup.py literal requirement lists",
  matches: (path) => /(^|\/)setup\.py$/i.test(path),
  update(doc) {
    const tree = parsePython(doc.text);
    const reader = new SetupReader(doc, tree.rootNode);
    const groups = reader.read();
    planDocument(doc, groups);
    reader.reportUnreached();
    reader.checkPython();
  },
};

export default setupPy;

function descendants(node: SyntaxNode, type: string): SyntaxNode[] {
  return node.descendantsOfType(type);
}

/** A plain string literal: no f/b prefix, no escapes or interpolation, on one line. */
function plainContent(node: SyntaxNode): { start: number; end: number; value: string } | null {
  if (node.type !== "string") return null;
  const open = node.children.find((c) => c.type === "string_start");
  const close = node.children.find((c) => c.type === "string_end");
  if (!open || !close || /[fFbB]/.test(open.text)) return null;
  if (node.children.some((c) => c.type === "interpolation" || c.type === "escape_sequence")) return null;
  const value = node.text.slice(open.endIndex - node.startIndex, close.startIndex - node.startIndex);
  if (/[\r\n]/.test(value)) return null;
  return { start: open.endIndex, end: close.startIndex, value };
}

function stringContentText(node: SyntaxNode): string {
  return node.children
    .filter((c) => c.type === "string_content")
    .map((c) => c.text)
    .join("");
}

class SetupReader {
  private readonly assignments = new Map<string, SyntaxNode[]>();
  private readonly consumed = new Set<number>();
  private readonly ignored = new Set<number>();
  /** One entry object per string, however many requirement keywords reach its list. */
  private readonly lists = new Map<number, DepEntry[]>();
  private pythonRequires: SyntaxNode | null = null;

  constructor(
    private readonly doc: ManifestDocument,
    private readonly root: SyntaxNode,
  ) {
    for (const a of [...descendants(root, "assignment"), ...descendants(root, "augmented_assignment")]) {
      const left = a.childForFieldName("left");
      const right = a.childForFieldName("right");
      if (left?.type === "identifier" && right) {
        this.assignments.set(left.text, [...(this.assignments.get(left.text) ?? []), right]);
      }
    }
  }

  read(): DepGroup[] {
    const groups: DepGroup[] = [];
    for (const call of descendants(this.root, "call")) {
      const fn = call.childForFieldName("function");
      if (!fn || !/(^|\.)setup$/.test(fn.text)) continue;
      for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
        if (arg.type !== "keyword_argument") continue;
        const name = arg.childForFieldName("name")?.text ?? "";
        const value = arg.childForFieldName("value");
        if (!value) continue;
        if (REQUIREMENT_KEYWORDS.has(name)) groups.push({ entries: this.requirements(value, new Set()) });
        else if (name === "extras_require") groups.push(...this.extras(value, new Set()));
        else if (name === "python_requires") this.pythonRequires = value;
        else if (TEXT_KEYWORDS.has(name)) this.ignore(value, new Set());
      }
    }
    return groups;
  }

  /** Strings reached through `node` (a literal list, `a + b`, a variable) as requirement entries. */
  private requirements(node: SyntaxNode, seen: Set<string>): DepEntry[] {
    switch (node.type) {
      case "list":
      case "tuple":
      case "set":
        return this.literalList(node);
      case "parenthesized_expression":
        return node.namedChildren.flatMap((c) => this.requirements(c, seen));
      case "binary_operator":
        return [node.childForFieldName("left"), node.childForFieldName("right")].flatMap((c) =>
          c ? this.requirements(c, seen) : [],
        );
      case "conditional_expression": {
        // `REDIS if WITH_REDIS else []`: both branches
        const [yes, , no] = node.namedChildren;
        return [yes, no].flatMap((c) => (c ? this.requirements(c, seen) : []));
      }
      case "identifier":
        if (seen.has(node.text)) return [];
        seen.add(node.text);
        return (this.assignments.get(node.text) ?? []).flatMap((r) => this.requirements(r, seen));
      default:
        return [];
    }
  }

  private extras(node: SyntaxNode, seen: Set<string>): DepGroup[] {
    if (node.type === "dictionary") {
      return node.namedChildren
        .filter((p) => p.type === "pair")
        .map((p) => ({ entries: this.requirements(p.childForFieldName("value")!, new Set()) }));
    }
    if (node.type === "call" && node.childForFieldName("function")?.text === "dict") {
      return (node.childForFieldName("arguments")?.namedChildren ?? [])
        .filter((a) => a.type === "keyword_argument")
        .map((a) => ({ entries: this.requirements(a.childForFieldName("value")!, new Set()) }));
    }
    if (node.type === "identifier" && !seen.has(node.text)) {
      seen.add(node.text);
      return (this.assignments.get(node.text) ?? []).flatMap((r) => this.extras(r, seen));
    }
    return [];
  }

  private ignore(node: SyntaxNode, seen: Set<string>): void {
    for (const s of [node, ...descendants(node, "string")]) if (s.type === "string") this.ignored.add(s.startIndex);
    for (const id of [node, ...descendants(node, "identifier")]) {
      if (id.type !== "identifier" || seen.has(id.text)) continue;
      seen.add(id.text);
      for (const r of this.assignments.get(id.text) ?? []) this.ignore(r, seen);
    }
  }

  private literalList(node: SyntaxNode): DepEntry[] {
    const known = this.lists.get(node.startIndex);
    if (known) return known;
    const items = node.namedChildren.filter((c) => c.type !== "comment");
    const list: DelimitedList = { elements: items.map((c) => ({ start: c.startIndex, end: c.endIndex })), separator: "," };
    const entries: DepEntry[] = [];
    items.forEach((item, index) => {
      const content = plainContent(item);
      if (!content) return;
      const req = parseRequirement(content.value);
      if (!req) return;
      this.consumed.add(item.startIndex);
      entries.push(
        requirementEntry(req, content.value, {
          toDoc: (i) => content.start + i,
          removal: { kind: "element", list, index },
          start: item.startIndex,
          end: item.endIndex,
        }),
      );
    });
    this.lists.set(node.startIndex, entries);
    return entries;
  }

  /** aioredis requirements spelled in code the reader cannot follow. */
  reportUnreached(): void {
    for (const s of descendants(this.root, "string")) {
      if (this.consumed.has(s.startIndex) || this.ignored.has(s.startIndex)) continue;
      const text = stringContentText(s);
      if (!/^\s*aioredis\s*(\[|[<>=!~;@(]|$)/i.test(text) && !/egg=aioredis\b/i.test(text)) continue;
      if (s.parent?.type === "concatenated_string" && s.parent.firstNamedChild?.startIndex !== s.startIndex) continue;
      // a dictionary key or subscript names an extra (`{"aioredis": [...]}`), not a requirement
      if (s.parent?.type === "pair" && s.parent.childForFieldName("key")?.startIndex === s.startIndex) continue;
      if (s.parent?.type === "subscript" && s.parent.childForFieldName("value")?.startIndex !== s.startIndex) continue;
      this.doc.usesAioredis = true;
      this.doc.manual(
        s.startIndex,
        "setup.py builds this aioredis requirement in code (not a string in a literal requirement list), so it " +
          `cannot be rewritten automatically: make it \`redis${this.doc.target.spec}\`.`,
        `"redis${this.doc.target.spec}"`,
      );
    }
  }

  checkPython(): void {
    const node = this.pythonRequires;
    const content = node ? plainContent(node) : null;
    if (!node || !content) return;
    checkPythonFloor(this.doc, {
      spec: content.value,
      dialect: "pep440",
      start: node.startIndex,
      end: node.endIndex,
      label: "`python_requires`",
      update: (spec) => [{ start: content.start, end: content.end, text: spec }],
    });
  }
}
