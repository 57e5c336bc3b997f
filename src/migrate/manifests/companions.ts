import { capitalize, type ManifestDocument } from "./document.js";
import type { DepEntry } from "./types.js";
import { checkFloor } from "./versions.js";

/**
 * Packages that sat next to aioredis and outlive it: a `hiredis` pin and `async-timeout` (reference §10). Their
 * entries are never edited; each gets a manual step with the raised line as its suggestion where one fixes it.
 */

/** The first redis-py whose `[hiredis]` extra requires hiredis 3 (v5.1.1 `setup.py`; 5.1.0 already refuses hiredis 2). */
const REDIS_WANTING_HIREDIS_3 = "5.1.0";
const HIREDIS_3 = "3.0.0";
/** Every redis-py with `redis.asyncio` requires `async-timeout>=4.0.2` (5.x: on Pythons before 3.11.3). */
const ASYNC_TIMEOUT_FOR_REDIS = "4.0.2";

export interface CompanionFacts {
  /** Every entry of the manifest. */
  readonly entries: readonly DepEntry[];
  /**
   * Whether the manifest's redis requirement lets pip install redis 5.1 or later: a renamed aioredis entry has no
   * upper bound, an existing redis entry may have one (`redis>=4.2,<5`).
   */
  readonly redisMayBe51: boolean;
}

/** Whether an existing redis entry (once its floor is raised or widened as planned) admits redis 5.1. */
export function admitsRedis51(e: DepEntry, floor: string): boolean {
  const target = checkFloor(e.spec, e.dialect, floor).status;
  // an entry that excludes the target is widened by the person (its step suggests `redis>=floor`)
  if (target === "excludes" || target === "unreadable") return true;
  return checkFloor(e.spec, e.dialect, REDIS_WANTING_HIREDIS_3).status !== "excludes";
}

export function checkCompanions(doc: ManifestDocument, facts: CompanionFacts): void {
  if (doc.generated) return;
  for (const e of facts.entries) {
    if (e.blocker) continue;
    if (e.name === "hiredis" && facts.redisMayBe51) checkHiredisPin(doc, e);
    if (e.name === "async-timeout") checkAsyncTimeout(doc, e);
  }
}

/** `hiredis==2.0.0` next to aioredis: pip installs the newest redis, which wants hiredis 3 (10-04). */
function checkHiredisPin(doc: ManifestDocument, e: DepEntry): void {
  if (checkFloor(e.spec, e.dialect, HIREDIS_3).status !== "excludes") return;
  const t = doc.target;
  const extra =
    e.ecosystem === "conda"
      ? "redis-py 5.1 and later only use hiredis 3.0.0 or newer"
      : "redis-py 5.1 and later only use hiredis 3.0.0 or newer (their `[hiredis]` extra requires `hiredis>=3.0.0`)";
  const keep = e.ecosystem === "conda" ? "" : ", or drop it and ask for `redis[hiredis]`, which brings the hiredis each release supports";
  const fix = doc.linesWith(e.start, e.end, e.update({ spec: `>=${HIREDIS_3}` }));
  doc.manual(
    e.start,
    `\`${doc.written(e.start, e.end)}\` keeps hiredis below 3.0.0, but ${extra}, and nothing here stops pip from installing them: ` +
      `raise the pin${keep}; to keep this hiredis instead, cap redis below 5.1 (\`${redisName(e)}${t.spec},<5.1\`).`,
    fix.text,
    fix.lines,
  );
}

/** `async-timeout` was an aioredis dependency; the code may import it too (10-13). */
function checkAsyncTimeout(doc: ManifestDocument, e: DepEntry): void {
  const imports = doc.context.importsAsyncTimeout;
  const conflicts = checkFloor(e.spec, e.dialect, ASYNC_TIMEOUT_FOR_REDIS).status === "excludes";
  if (imports === true && !conflicts) return;
  const entry = `\`${doc.written(e.start, e.end)}\``;
  const conflict = `${entry} conflicts with redis-py, which requires \`async-timeout>=${ASYNC_TIMEOUT_FOR_REDIS}\` on Pythons before 3.11.3`;
  const installs = "redis-py installs the async-timeout it needs itself";
  let what: string;
  if (imports === true) what = `The code imports \`async_timeout\`, but ${conflict}: raise it.`;
  else if (imports === false) {
    what =
      `Nothing in this project imports \`async_timeout\`: drop ${entry}, which was installed for aioredis (${installs})` +
      (conflicts ? `; as it is, it conflicts with redis-py, which requires \`async-timeout>=${ASYNC_TIMEOUT_FOR_REDIS}\`.` : ".");
  } else if (conflicts) {
    what = `${capitalize(conflict)}: drop it unless the code imports \`async_timeout\` (it was installed for aioredis), and raise it if it does.`;
  } else {
    what = `${entry} was installed for aioredis: drop it unless the code imports \`async_timeout\` (${installs}).`;
  }
  const fix = conflicts && imports !== false ? doc.linesWith(e.start, e.end, e.update({ spec: `>=${ASYNC_TIMEOUT_FOR_REDIS}` })) : null;
  doc.manual(e.start, what, fix?.text ?? "", fix?.lines ?? 0);
}

function redisName(e: DepEntry): string {
  return e.ecosystem === "conda" ? "redis-py" : "redis";
}
