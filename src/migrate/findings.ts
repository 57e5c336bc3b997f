/**
 * What a migration reports. These records feed the CLI summary, the JSON output and the PR body,
 * so every field is meant to be read by a person reviewing the change.
 */

/** Which redis-py the rewritten code targets. `5.0.1` emits `aclose()`; `4.2` emits `close()`. */
export type RedisTarget = "5.0.1" | "4.2";

export const REDIS_TARGETS: readonly RedisTarget[] = ["5.0.1", "4.2"];

export interface MigrationOptions {
  /** Target redis-py floor (default `5.0.1`). */
  readonly target: RedisTarget;
  /** Insert `# TODO(redis-migrate): …` above every line that needs a manual step (default true). */
  readonly todoComments: boolean;
  /**
   * The repository is known to use aioredis (some file imports it or a manifest lists it).
   * Files that never import aioredis are then still scanned for names that exist only in aioredis 1.x.
   */
  readonly repositoryUsesAioredis: boolean;
}

export const DEFAULT_OPTIONS: MigrationOptions = {
  target: "5.0.1",
  todoComments: true,
  repositoryUsesAioredis: false,
};

/** One automatic rewrite, located in both the original and the migrated file (1-based lines). */
export interface Change {
  readonly ruleId: string;
  readonly file: string;
  /** First and last line of the rewritten code in the original file. */
  readonly originalLine: number;
  readonly originalEndLine: number;
  /** First and last line of the rewritten code in the migrated file. */
  readonly line: number;
  readonly endLine: number;
  /** The whole original lines touched by the rewrite. */
  readonly before: string;
  /** The whole migrated lines that replace them. */
  readonly after: string;
  /** One sentence: why this rewrite is needed. */
  readonly why: string;
}

/** Something a person must decide or finish; the codemod could not do it with certainty. */
export interface ManualStep {
  readonly ruleId: string;
  readonly file: string;
  /** Line in the original file. */
  readonly originalLine: number;
  /** Line of the same code in the migrated file (below any TODO comment that was added). */
  readonly line: number;
  /** What a person must do, in one or two sentences. */
  readonly what: string;
  /** Suggested code, built from the user's own code where possible (may be empty). */
  readonly suggestion: string;
  /** True when `suggestion` replaces exactly the line(s) starting at `line` (a GitHub suggestion block). */
  readonly suggestionReplacesLines: number;
}

export type SkipReason =
  | "too-large"
  | "binary"
  | "undecodable"
  | "unsupported-encoding"
  | "syntax-error";

export interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
  readonly detail: string;
}

/** The result of migrating one file. `output === input` when nothing changed. */
export interface FileMigration {
  readonly file: string;
  readonly input: string;
  readonly output: string;
  readonly changes: readonly Change[];
  readonly manualSteps: readonly ManualStep[];
  /** Set when the file was parsed at all (false: the prefilter ruled it out). */
  readonly parsed: boolean;
}
