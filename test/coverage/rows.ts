/**
 * Every classified row of the aioredis → redis.asyncio migration reference (../shared/reference/aioredis-migration.md,
 * sections 2–12), each with a snippet and what redis-migrate does to it. `reference-rows.test.ts` runs them;
 * `scripts/coverage-report.ts` turns them into docs/coverage.md.
 */
import { numbered, type ReferenceRow, type Section } from "./snippets.js";
import { IMPORTS, IMPORTS_2X } from "./rows/s02-imports.js";
import { FACTORIES, KEYWORDS, POOL_SEMANTICS } from "./rows/s03-clients.js";
import { LIFECYCLE } from "./rows/s04-lifecycle.js";
import { CROSS_CUTTING, GENERIC, HASHES, LISTS, SETS, STRINGS } from "./rows/s05a-commands.js";
import { CLUSTER, GEO, HYPERLOGLOG, PUBSUB_COMMANDS, SCRIPTING, SERVER, SORTED_SETS, STREAMS, TRANSACTION_COMMANDS } from "./rows/s05b-commands.js";
import { EXCEPTIONS, PIPELINES, PUBSUB, WATCH } from "./rows/s06-s08.js";
import { DEPENDENCIES, LOCKS, SENTINEL, TYPES, V2_DELTA } from "./rows/s09-s12.js";

export const SECTIONS: readonly Section[] = [
  IMPORTS, IMPORTS_2X, FACTORIES, KEYWORDS, POOL_SEMANTICS, LIFECYCLE,
  CROSS_CUTTING, GENERIC, STRINGS, HASHES, LISTS, SETS,
  SORTED_SETS, HYPERLOGLOG, GEO, SCRIPTING, SERVER, CLUSTER, STREAMS, PUBSUB_COMMANDS, TRANSACTION_COMMANDS,
  PIPELINES, WATCH, PUBSUB, EXCEPTIONS,
  SENTINEL, LOCKS, TYPES, DEPENDENCIES, V2_DELTA,
];

export const ALL_ROWS: readonly ReferenceRow[] = SECTIONS.flatMap(numbered);
