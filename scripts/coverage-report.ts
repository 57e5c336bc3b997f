/**
 * Prints docs/coverage.md: every row of the migration reference and how redis-migrate handles it, from the
 * reference-row table that test/coverage/reference-rows.test.ts checks against the engine.
 *
 *   node --import tsx scripts/coverage-report.ts > docs/coverage.md
 */
import { renderCoverage } from "../test/coverage/report.js";

process.stdout.write(renderCoverage());
