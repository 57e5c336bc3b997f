import type { MigrationOptions } from "./findings.js";
import { AIOREDIS_1X_ONLY_NAMES } from "./names.js";
import { escapeRegExp } from "./text.js";

const IMPORTS_AIOREDIS = /aioredis/;
/** `aioredis`, or a name that exists only in aioredis 1.x (none spans a line break); regions/ looks for it too. */
export const AIOREDIS_OR_1X_NAME = new RegExp(`aioredis|${AIOREDIS_1X_ONLY_NAMES.map(escapeRegExp).join("|")}`);

/**
 * The cheap substring test that decides whether a file is parsed at all. Files it rejects stay byte-identical.
 * Once the repository uses aioredis it also accepts the names in `AIOREDIS_1X_ONLY_NAMES`, which include call shapes
 * (`hmset(`, `zadd(`) whose 1.x arguments mean something else in redis-py.
 * One regular-expression scan per file: on a tree where 1% of files use aioredis, this is nearly all the work.
 */
export function mayInvolveAioredis(text: string, options: Pick<MigrationOptions, "repositoryUsesAioredis">): boolean {
  return (options.repositoryUsesAioredis ? AIOREDIS_OR_1X_NAME : IMPORTS_AIOREDIS).test(text);
}

/** Whether a file names aioredis at all (used to decide that a repository uses it). */
export function mentionsAioredis(text: string): boolean {
  return IMPORTS_AIOREDIS.test(text);
}
