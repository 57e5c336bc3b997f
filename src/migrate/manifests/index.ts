import type { RedisTarget } from "../findings.js";
import { ManifestDocument } from "./document.js";
import type { ManifestContext, ManifestFormat, ManifestMigration } from "./types.js";
import conda from "./conda/index.js";
import lock from "./lock/index.js";
import pipfile from "./pipfile/index.js";
import pyproject from "./pyproject/index.js";
import requirements from "./requirements/index.js";
import setupCfg from "./setup-cfg/index.js";
import setupPy from "./setup-py/index.js";
import tox from "./tox/index.js";

export type { ManifestContext, ManifestFormat, ManifestKind, ManifestMigration } from "./types.js";
export { MANIFEST_RULE_ID } from "./types.js";

/** Every format, in the order paths are matched (lock files first: `requirements.lock` is not a requirements file). */
export const MANIFEST_FORMATS: readonly ManifestFormat[] = [lock, requirements, pyproject, setupCfg, setupPy, pipfile, conda, tox];

const MENTIONS_AIOREDIS = /aioredis/i;

function formatOf(path: string): ManifestFormat | null {
  const p = path.replace(/\\/g, "/");
  return MANIFEST_FORMATS.find((f) => f.matches(p)) ?? null;
}

/** Whether the (repository-relative) path is a dependency manifest or lock file this module understands. */
export function isManifestPath(path: string): boolean {
  return formatOf(path) !== null;
}

/**
 * Migrates the aioredis dependency entries of one manifest to redis-py, editing the text in place: everything
 * not edited (comments, blank lines, CRLF, order, indentation) stays byte-identical. Pure: no I/O.
 * A path that is not a manifest, or a text that never names aioredis, comes back unchanged. `context` makes some
 * steps precise (an `async-timeout` entry when it is known whether the code imports `async_timeout`).
 */
export function migrateManifest(path: string, text: string, target: RedisTarget, context: ManifestContext = {}): ManifestMigration {
  const format = formatOf(path);
  if (format === null) return { file: path, input: text, output: text, changes: [], manualSteps: [], kind: null };
  const doc = new ManifestDocument(path, text, target, context);
  if (MENTIONS_AIOREDIS.test(text)) format.update(doc);
  return doc.finish(format.kind);
}

/**
 * Whether the manifest declares aioredis (or its stubs) as a dependency: mentions in comments do not count, and
 * neither do lock files, which also list what other packages pull in.
 */
export function manifestUsesAioredis(path: string, text: string): boolean {
  const format = formatOf(path);
  if (format === null || format.kind === "lock" || !MENTIONS_AIOREDIS.test(text)) return false;
  const doc = new ManifestDocument(path, text, "5.0.1");
  format.update(doc);
  return doc.usesAioredis;
}

const IMPORTS_ASYNC_TIMEOUT = /^[ \t]*(?:from[ \t]+async_timeout\b|import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*async_timeout\b)/m;

/** Whether one of the Python sources imports `async_timeout` (for `ManifestContext.importsAsyncTimeout`). */
export function pythonImportsAsyncTimeout(sources: Iterable<{ readonly text: string }>): boolean {
  for (const s of sources) if (IMPORTS_ASYNC_TIMEOUT.test(s.text)) return true;
  return false;
}
