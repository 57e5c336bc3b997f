import type { MigrationOptions } from "./findings.js";
import type { ModuleFacts } from "./facts.js";
import type { SyntaxNode, Tree } from "./parser.js";
import type { NamePlan } from "./plan.js";
import type { SourceText } from "./source.js";
import type { TextEdit } from "./edits.js";

/**
 * When a rule runs. `code` rules rewrite calls and statements (run to a fixpoint, so a rewrite inside a rewritten
 * block lands on the next round); `references` rules rename remaining references to aioredis classes; `imports`
 * runs last and rewrites the import statements to what the other rules used.
 */
export type RulePhase = "code" | "references" | "imports";

/** One logical rewrite: its edits are applied together or not at all. */
export interface Rewrite {
  readonly edits: readonly TextEdit[];
  /** One sentence shown to reviewers: why this rewrite is needed. */
  readonly why: string;
}

/** Something the rule could not migrate with certainty. */
export interface ManualFinding {
  /** The node the person must look at; the TODO comment goes above its statement. */
  readonly node: SyntaxNode;
  /** What to decide or do. The first sentence becomes the TODO comment. */
  readonly what: string;
  /** Suggested code built from the user's code (may be empty). */
  readonly suggestion?: string;
  /** How many lines, starting at the statement, `suggestion` replaces as-is (0: not a drop-in replacement). */
  readonly replacesLines?: number;
  /** A generic "still names aioredis" finding, dropped when another rule reported a step on the same line. */
  readonly fallback?: boolean;
}

export interface RuleContext {
  readonly file: string;
  readonly source: SourceText;
  readonly tree: Tree;
  readonly facts: ModuleFacts;
  readonly names: NamePlan;
  readonly options: MigrationOptions;
  rewrite(edits: readonly TextEdit[], why: string): void;
  /** Shorthand: replace `node` by `text`. */
  replace(node: SyntaxNode, text: string, why: string): void;
  manual(finding: ManualFinding): void;
}

export interface Rule {
  /** Kebab-case id; equals the rule's folder name. */
  readonly id: string;
  /** One line shown in reports and docs: what the rule migrates. */
  readonly description: string;
  readonly phase: RulePhase;
  /**
   * Substrings of which at least one must occur in the file for the rule to have work (a cheap skip).
   * Omit to always run.
   */
  readonly triggers?: readonly string[];
  /** Whether the rule needs the file to import aioredis (most do), or also runs on files that only use a client. */
  readonly needsImport: boolean;
  apply(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
