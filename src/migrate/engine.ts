import { applyEdits, compareEdits, editsConflict, OffsetChain, OffsetMap, type TextEdit } from "./edits.js";
import type { Change, FileMigration, ManualStep, MigrationOptions } from "./findings.js";
import { ModuleFacts, type ReceiverKind } from "./facts.js";
import { countSyntaxErrors, parsePython, reparsePython, type ParsedRange, type Tree } from "./parser.js";
import { NamePlan } from "./plan.js";
import { mayInvolveAioredis } from "./prefilter.js";
import type { ManualFinding, Rule, RuleContext, RulePhase } from "./rule.js";
import { RULES } from "./rules/index.js";
import { SourceText } from "./source.js";
import { addNeededNames, hiddenNames, moduleRegions, neededRanges } from "./regions/index.js";
import { enclosingStatement } from "./syntax.js";
import { TriggerCheck } from "./triggers.js";
import { insertTodoComments } from "./todo.js";

/**
 * Rounds of `code` rules per file: a rewrite nested in another rewrite (its edits overlap the outer one's) is
 * deferred and lands one round later. A further round runs only when something was deferred, and only the rules
 * that proposed or reported something in the round before.
 */
const MAX_CODE_ROUNDS = 4;
const PHASES: readonly RulePhase[] = ["code", "references", "imports"];
const BOM = "\uFEFF";

export interface MigrateFileInput {
  readonly file: string;
  readonly text: string;
  /** Receivers found in other modules of the repository (`app["redis"]`, `self.redis`, …). */
  readonly externalReceivers?: ReadonlyMap<string, ReceiverKind>;
  /** Parse even if the prefilter finds no aioredis name (the module uses a client defined in another module). */
  readonly forceParse?: boolean;
  /** Rules to run (default: all). Fixture tests of one rule still run the whole registry. */
  readonly rules?: readonly Rule[];
  /**
   * Parse and show the rules the whole module, not only the statements that can involve aioredis (regions/). The
   * output is meant to be the same either way; tests compare the two.
   */
  readonly wholeModule?: boolean;
}

export interface FileMigrationWithFacts extends FileMigration {
  /** Receivers this module defines, for the modules that use them. */
  readonly receivers: ReadonlyMap<string, ReceiverKind>;
  /** Set when the file could not be migrated at all (it does not parse). */
  readonly syntaxError?: string;
}

interface LoggedRewrite {
  readonly ruleId: string;
  readonly why: string;
  readonly edits: readonly TextEdit[];
  readonly round: number;
}

interface LoggedManual {
  readonly ruleId: string;
  readonly finding: ManualFinding;
  readonly nodeOffset: number;
  readonly anchorOffset: number;
  /** First line of the anchor statement, trimmed: recognises the same finding after a rewrite moved it. */
  readonly anchorText: string;
  readonly round: number;
}

interface Proposal {
  readonly ruleId: string;
  readonly why: string;
  readonly edits: TextEdit[];
}

/**
 * Migrates one Python file. Pure: text in, text and findings out.
 *
 * 1. The prefilter rules out files that cannot involve aioredis (returned byte-identical, unparsed).
 * 2. Rules propose byte-range edits on the current text; non-conflicting ones are applied, the rest wait for the
 *    next round (re-parsed incrementally); a round that defers nothing ends its phase. `code` rules, then
 *    `references`, then `imports`.
 * 3. Any round whose result parses worse than its input is re-applied rewrite by rewrite, dropping the rewrites
 *    that break the parse (each becomes a manual step).
 * 4. TODO comments are added above the lines that need a person, once.
 */
export function migrateFile(input: MigrateFileInput, options: MigrationOptions): FileMigrationWithFacts {
  // A byte-order mark is not Python: the rules see the text after it and it goes back in front of the output, so a
  // rewrite or deletion of the first line (an import) or a TODO above it cannot drop or move it. Lines are the same.
  if (input.text.startsWith(BOM)) {
    const inner = migrateFile({ ...input, text: input.text.slice(BOM.length) }, options);
    return { ...inner, input: input.text, output: BOM + inner.output };
  }
  const { file, text } = input;
  const unchanged = (parsed: boolean, receivers: ReadonlyMap<string, ReceiverKind> = new Map(), syntaxError?: string): FileMigrationWithFacts => ({
    file, input: text, output: text, changes: [], manualSteps: [], parsed, receivers, syntaxError,
  });
  if (!input.forceParse && !mayInvolveAioredis(text, options)) return unchanged(false);

  // The rules see the statements that can involve aioredis: the parse covers only their ranges (regions/).
  const original = new SourceText(text);
  const view = viewOf(input, original);
  let tree = view.tree;
  let ranges = view.ranges;
  const initialErrors = countSyntaxErrors(tree);
  if (initialErrors > 0) {
    const first = tree.rootNode.descendantsOfType("ERROR")[0] ?? tree.rootNode;
    return unchanged(true, new Map(), `syntax error at line ${first.startPosition.row + 1}; the file was left unchanged`);
  }

  const rules = input.rules ?? RULES;
  const factsOf = (t: Tree, source: SourceText): ModuleFacts =>
    new ModuleFacts(t, source, input.externalReceivers, view.hidden);
  let facts = view.facts;
  const receivers = facts.knownReceivers;
  const names = new NamePlan(facts);
  const chain = new OffsetChain();
  const rewrites: LoggedRewrite[] = [];
  const manuals: LoggedManual[] = [];
  let current = original;
  let round = 0;
  // rules see only the parsed statements: their trigger words can only matter there
  const triggers = new TriggerCheck(rules, ranges ? ranges.map((r) => text.slice(r.startIndex, r.endIndex)) : [text]);

  for (const phase of PHASES) {
    let phaseRules = rules.filter((r) => r.phase === phase);
    const maxRounds = phase === "code" ? MAX_CODE_ROUNDS : 1;
    for (let i = 0; i < maxRounds; i++) {
      // Facts describe one tree: rebuilt after a round changed it, reused across a phase boundary that changed nothing.
      if (facts.tree !== tree) facts = factsOf(tree, current);
      const manualsBefore = manuals.length;
      const proposals = collect(phaseRules, { file, source: current, tree, facts, names, options }, round, manuals, triggers);
      if (proposals.length === 0) break;
      // The next round is for rewrites nested in (deferred by) this round's: only the rules that found something
      // here can find more there. The others would scan the same code again for nothing.
      // (a loop, not a spread of two mapped arrays: an empty one has another elements kind, and V8 threw away and
      // recompiled this whole function whenever a round's arrays changed kind)
      const active = new Set<string>();
      for (const p of proposals) active.add(p.ruleId);
      for (let k = manualsBefore; k < manuals.length; k++) active.add(manuals[k]!.ruleId);
      phaseRules = phaseRules.filter((r) => active.has(r.id));
      const accepted = selectNonConflicting(proposals);
      const applied = applyRound(current, tree, ranges, accepted, initialErrors, manuals, round);
      if (applied.rewrites.length === 0) break;
      for (const p of applied.rewrites) rewrites.push({ ruleId: p.ruleId, why: p.why, edits: p.edits, round });
      const edits = applied.rewrites.flatMap((p) => p.edits);
      chain.push(new OffsetMap(edits));
      triggers.afterEdits(edits, applied.source.text);
      current = applied.source;
      ranges = applied.ranges;
      tree = applied.tree;
      round++;
      // A further round is for the proposals this one deferred (their edits overlapped an applied one).
      if (accepted.length === proposals.length) break;
    }
  }

  const steps = dedupeManuals(manuals, chain);
  const todo = options.todoComments
    ? insertTodoComments(current, steps.map((m) => ({ offset: chain.toFinal(m.anchorOffset, m.round), what: m.finding.what })))
    : { text: current.text, map: new OffsetMap([]) };
  const final = new SourceText(todo.text);
  const toFinal = (offset: number, fromRound: number, bias: "before" | "after"): number =>
    todo.map.forward(chain.toFinal(offset, fromRound, bias), bias);

  const changes: Change[] = rewrites.map((r) => {
    const start = Math.min(...r.edits.map((e) => e.start));
    const end = Math.max(...r.edits.map((e) => e.end));
    const oStart = chain.toOriginal(start, r.round, "before");
    const oEnd = chain.toOriginal(end, r.round, "after");
    // through the whole round (the other rewrites of the round shift this one too), then the later rounds
    const fStart = toFinal(start, r.round, "before");
    const fEnd = toFinal(end, r.round, "after");
    return {
      ruleId: r.ruleId,
      file,
      originalLine: original.lineAt(oStart),
      originalEndLine: original.lineAt(Math.max(oStart, oEnd - 1)),
      line: final.lineAt(fStart),
      endLine: final.lineAt(Math.max(fStart, fEnd - 1)),
      before: original.linesCovering(oStart, oEnd),
      after: fEnd > fStart ? final.linesCovering(fStart, fEnd) : "",
      why: r.why,
    };
  });

  const manualSteps: ManualStep[] = steps.map((m) => ({
    ruleId: m.ruleId,
    file,
    originalLine: original.lineAt(chain.toOriginal(m.nodeOffset, m.round)),
    // through the rewrites: the start of whatever replaced the statement; through the TODO insertion: below it
    line: final.lineAt(todo.map.forward(chain.toFinal(m.anchorOffset, m.round, "before"), "after")),
    what: m.finding.what,
    suggestion: m.finding.suggestion ?? "",
    suggestionReplacesLines: m.finding.replacesLines ?? 0,
  }));
  // (only when there is something to sort: an empty array from `map` has another map in V8, and reading `sort` on it
  // deoptimized this whole function whenever a file without findings followed files with some)
  if (manualSteps.length > 1) manualSteps.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
  if (changes.length > 1) changes.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));

  return { file, input: text, output: todo.text, changes, manualSteps, parsed: true, receivers };
}

interface ModuleView {
  readonly tree: Tree;
  /** The ranges the parse covers; undefined: the whole module. */
  readonly ranges: readonly ParsedRange[] | undefined;
  /** Names spelled in the statements left out. */
  readonly hidden: ReadonlySet<string>;
  readonly facts: ModuleFacts;
}

/**
 * Parses what the rules need of the module (regions/): tree-sitter parses only the ranges of the needed top-level
 * statements (their nodes keep the module's offsets; the rest has no nodes). Falls back to the whole module when
 * every statement is needed, or when the ranges do not parse (a syntax error, which the whole parse then reports).
 */
function viewOf(input: MigrateFileInput, source: SourceText): ModuleView {
  const whole = (): ModuleView => {
    const tree = parsePython(source);
    return { tree, ranges: undefined, hidden: new Set(), facts: new ModuleFacts(tree, source, input.externalReceivers) };
  };
  if (input.wholeModule) return whole();
  const regions = moduleRegions(input.text, input.externalReceivers?.keys() ?? []);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (regions.needed.every(Boolean)) return whole();
    const ranges = neededRanges(source, regions);
    const tree = parsePython(source, ranges);
    if (tree.rootNode.hasError) return whole();
    const hidden = hiddenNames(regions);
    const facts = new ModuleFacts(tree, source, input.externalReceivers, hidden);
    // clients the facts find in the needed statements make the statements that use them needed too
    if (!addNeededNames(regions, input.text, facts.knownReceivers.keys())) return { tree, ranges, hidden, facts };
  }
  return whole();
}

function collect(
  rules: readonly Rule[],
  base: Omit<RuleContext, "rewrite" | "replace" | "manual">,
  round: number,
  manuals: LoggedManual[],
  triggers: TriggerCheck,
): Proposal[] {
  const proposals: Proposal[] = [];
  // one context for the round, told which rule is running (a context per rule cost more than some rules)
  let ruleId = "";
  const ctx: RuleContext = {
    ...base,
    rewrite(edits, why) {
      if (edits.length > 0) proposals.push({ ruleId, why, edits: [...edits].sort(compareEdits) });
    },
    replace(node, replacement, why) {
      if (node.text !== replacement) this.rewrite([{ start: node.startIndex, end: node.endIndex, text: replacement }], why);
    },
    manual(finding) {
      manuals.push({
        ruleId,
        finding,
        nodeOffset: finding.node.startIndex,
        anchorOffset: enclosingStatement(finding.node).startIndex,
        anchorText: firstLine(enclosingStatement(finding.node).text),
        round,
      });
    },
  };
  for (const rule of rules) {
    if (rule.needsImport && !base.facts.importsAioredis) continue;
    if (!triggers.fires(rule)) continue;
    ruleId = rule.id;
    rule.apply(ctx);
  }
  return proposals;
}

/** Keeps proposals in rule order whose edits conflict with nothing kept so far; the rest wait for the next round. */
function selectNonConflicting(proposals: readonly Proposal[]): Proposal[] {
  const kept: Proposal[] = [];
  const keptEdits: TextEdit[] = [];
  for (const p of proposals) {
    const internal = p.edits.some((e, i) => p.edits.some((f, j) => i < j && editsConflict(e, f)));
    if (internal) continue;
    if (p.edits.some((e) => keptEdits.some((k) => editsConflict(e, k)))) continue;
    kept.push(p);
    keptEdits.push(...p.edits);
  }
  return kept;
}

interface AppliedRound {
  readonly source: SourceText;
  readonly tree: Tree;
  readonly ranges: readonly ParsedRange[] | undefined;
  readonly rewrites: readonly Proposal[];
}

/**
 * The parsed ranges after `edits`: text inserted at a range's end or start belongs to it (an import added after the
 * last import, a line added before a statement); the statements left out never change.
 */
function rangesAfter(ranges: readonly ParsedRange[] | undefined, edits: readonly TextEdit[], next: SourceText): ParsedRange[] | undefined {
  if (!ranges) return undefined;
  const map = new OffsetMap(edits);
  return ranges.map((r) => {
    const startIndex = map.forward(r.startIndex, "before");
    const endIndex = map.forward(r.endIndex, "after");
    return { startIndex, endIndex, startPosition: next.pointAt(startIndex), endPosition: next.pointAt(endIndex) };
  });
}

function applyRound(
  source: SourceText,
  tree: Tree,
  ranges: readonly ParsedRange[] | undefined,
  accepted: readonly Proposal[],
  allowedErrors: number,
  manuals: LoggedManual[],
  round: number,
): AppliedRound {
  const all = accepted.flatMap((p) => p.edits).sort(compareEdits);
  const next = new SourceText(applyEdits(source.text, all));
  const nextRanges = rangesAfter(ranges, all, next);
  const fresh = reparsePython(tree, all, next, nextRanges);
  if (countSyntaxErrors(fresh) <= allowedErrors) return { source: next, tree: fresh, ranges: nextRanges, rewrites: accepted };
  // Something broke the parse: keep only the rewrites that parse on their own.
  const kept: Proposal[] = [];
  const parseWith = (edits: TextEdit[]): { source: SourceText; tree: Tree; ranges: ParsedRange[] | undefined } => {
    const sorted = edits.sort(compareEdits);
    const trial = new SourceText(applyEdits(source.text, sorted));
    const trialRanges = rangesAfter(ranges, sorted, trial);
    return { source: trial, tree: parsePython(trial, trialRanges), ranges: trialRanges };
  };
  for (const p of accepted) {
    if (countSyntaxErrors(parseWith([...kept.flatMap((k) => k.edits), ...p.edits]).tree) <= allowedErrors) kept.push(p);
    else {
      const node = tree.rootNode.descendantForIndex(p.edits[0]!.start);
      manuals.push({
        ruleId: p.ruleId,
        finding: {
          node,
          what: `The automatic rewrite by ${p.ruleId} would not parse, so this code was left as it was; migrate it by hand.`,
          suggestion: p.edits.map((e) => e.text).join("\n"),
        },
        nodeOffset: p.edits[0]!.start,
        anchorOffset: enclosingStatement(node).startIndex,
        anchorText: firstLine(enclosingStatement(node).text),
        round,
      });
    }
  }
  const result = parseWith(kept.flatMap((k) => k.edits));
  return { ...result, rewrites: kept };
}

function dedupeManuals(manuals: readonly LoggedManual[], chain: OffsetChain): LoggedManual[] {
  const seen = new Map<string, LoggedManual>();
  const linesWithSpecificStep = new Set<number>();
  const originalOffset = (m: LoggedManual): number => chain.toOriginal(m.anchorOffset, m.round);
  for (const m of manuals) if (!m.finding.fallback) linesWithSpecificStep.add(originalOffset(m));
  // A finding seen again in a later round, after another rewrite moved (re-indented) its statement, maps back to the
  // start of that rewrite rather than to itself: recognise it by rule, message and statement text instead.
  // The latest round's sighting is kept: its statement is where the final text has it (a second run finds it there).
  const lastRoundOf = new Map<string, number>();
  // A rule that looks at the module again in a later round gives its findings on a statement anew: they replace the
  // earlier ones there (whose text may differ only by a fresh name the earlier round's rewrites have since taken).
  const lastRoundAt = new Map<string, number>();
  const latest = (map: Map<string, number>, key: string, round: number): void => {
    map.set(key, Math.max(map.get(key) ?? -1, round));
  };
  for (const m of manuals) {
    latest(lastRoundOf, `${m.ruleId}\u0000${m.anchorText}\u0000${m.finding.what}`, m.round);
    latest(lastRoundAt, `${m.ruleId}\u0000${m.anchorText}\u0000${originalOffset(m)}`, m.round);
  }
  for (const m of manuals) {
    const at = originalOffset(m);
    if (m.finding.fallback && linesWithSpecificStep.has(at)) continue;
    if (lastRoundOf.get(`${m.ruleId}\u0000${m.anchorText}\u0000${m.finding.what}`)! > m.round) continue;
    if (lastRoundAt.get(`${m.ruleId}\u0000${m.anchorText}\u0000${at}`)! > m.round) continue;
    const key = `${m.ruleId}\u0000${at}\u0000${m.finding.what}`;
    if (!seen.has(key)) seen.set(key, m);
  }
  return [...seen.values()];
}

function firstLine(text: string): string {
  const nl = text.indexOf("\n");
  return (nl === -1 ? text : text.slice(0, nl)).trim();
}
