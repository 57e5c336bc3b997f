/** The exit status, like a linter's: 0 nothing to do, 1 work remains, 2 something went wrong. */

export interface RunOutcome {
  /** Files whose changes were not written (a dry run's changed files; 0 after a complete --write). */
  readonly pendingFiles: number;
  readonly manualSteps: number;
  /** Files that use aioredis but could not be migrated (syntax errors, encodings, binary-looking). */
  readonly unmigratable: number;
  /** Files or directories that could not be read or written. */
  readonly errors: number;
}

export const EXIT_NOTHING_TO_DO = 0;
export const EXIT_WORK_REMAINS = 1;
export const EXIT_ERROR = 2;

export function exitCode(o: RunOutcome): number {
  if (o.errors > 0) return EXIT_ERROR;
  if (o.pendingFiles > 0 || o.manualSteps > 0 || o.unmigratable > 0) return EXIT_WORK_REMAINS;
  return EXIT_NOTHING_TO_DO;
}
