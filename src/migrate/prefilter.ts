import type { MigrationOptions } from "./findings.js";
import { AIOREDIS_1X_ONLY_NAMES, AIOREDIS_1X_SHARED_SPELLINGS, CHANNEL_LIKE_NAME, CLIENT_LIKE_WORD } from "./names.js";
import { escapeRegExp } from "./text.js";

const IMPORTS_AIOREDIS = /aioredis/;
/**
 * `aioredis`, or a name that exists only in aioredis 1.x (none spans a line break); regions/ looks for it too.
 * Global: each user sets `lastIndex` before a scan.
 */
export const AIOREDIS_OR_1X_NAME_ANYWHERE = new RegExp(`aioredis|${AIOREDIS_1X_ONLY_NAMES.map(escapeRegExp).join("|")}`, "g");
const SHARED_SPELLINGS: ReadonlySet<string> = new Set(AIOREDIS_1X_SHARED_SPELLINGS);

/**
 * Where a name the facts take for a client (names.ts) can end an expression a rule asks about: before `.name`
 * (`redis.set`, `self.cache.get`, `app["redis"].get`, `get_redis().get`, across a line break inside brackets), or
 * after `await` (`with await pool as conn`). Group 1 is the attribute's first letter: a capital is a sentence in a
 * comment or docstring (`… the cache. We …`); the rules only act on lower-case attributes of such names (the 1.x
 * constants are distinct names). A name like a channel counts where the pub/sub rule reads it so: a plain name
 * before `.iter(` or `.get_json(` (group 2 is the method; the name before it is checked in code). And calls the
 * rules recognise by their shape whatever the receiver is called: `ch, = await x.subscribe(…)` (only aioredis 1.x
 * returned channels), `x.pubsub()` (the pub/sub rule finishes channel code a person half-migrated), `x.xinfo(…)`
 * (aioredis 1.x only). test/migrate/prefilter.test.ts finds any other by running the engine anyway.
 */
const RECEIVER_LIKE = new RegExp(
  [
    String.raw`${CLIENT_LIKE_WORD}[\s"'()\]\\]*\.[ \t]*([A-Za-z_])`,
    String.raw`\bawait[ \t(]+[\w.\[\]"' \t]*?${CLIENT_LIKE_WORD}`,
    String.raw`\.[ \t]*(iter|get_json)[ \t]*\(`,
    String.raw`\.[ \t]*(?:pubsub|p?subscribe|xinfo\w*)[ \t]*\(`,
  ].join("|"),
  "gi",
);

/**
 * The cheap text test that decides whether a file is parsed at all. Files it rejects stay byte-identical.
 * A file that names `aioredis` passes. Once the repository uses aioredis, so does a file with a name that exists only
 * in aioredis 1.x (`AIOREDIS_1X_DISTINCT_NAMES`) — it may use a client it never imports — or with a 1.x spelling
 * that is common elsewhere too (`AIOREDIS_1X_SHARED_SPELLINGS`: `wait_closed`, `return_exceptions=`) and a name the
 * facts could take for an aioredis object (`redis.…`, `await pool`): without one, no rule acts on such a file.
 * One regular-expression scan for most files; on a tree where 1% of files use aioredis this is nearly all the work.
 */
export function mayInvolveAioredis(text: string, options: Pick<MigrationOptions, "repositoryUsesAioredis">): boolean {
  if (!options.repositoryUsesAioredis) return IMPORTS_AIOREDIS.test(text);
  const pattern = AIOREDIS_OR_1X_NAME_ANYWHERE;
  pattern.lastIndex = 0;
  let shared = false;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (!SHARED_SPELLINGS.has(m[0])) return true;
    shared = true;
    pattern.lastIndex = m.index + 1; // a distinct name could start inside a shared spelling's match
  }
  return shared && namesReceiverLikeObject(text);
}

/** Whether `text` names an object the facts or the pub/sub rule would take for an aioredis one (see RECEIVER_LIKE). */
export function namesReceiverLikeObject(text: string): boolean {
  const pattern = RECEIVER_LIKE;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const [, initial, channelMethod] = m;
    if (initial !== undefined) {
      if (initial === "_" || initial !== initial.toUpperCase()) return true;
    } else if (channelMethod !== undefined) {
      if (isChannelLikeName(plainNameBefore(text, m.index))) return true;
    } else return true;
    pattern.lastIndex = m.index + 1; // `… the cache. Redis.get()`: the next name may start inside this match
  }
  return false;
}

const isChannelLikeName = (name: string | undefined): boolean => name !== undefined && CHANNEL_LIKE_NAME.test(name);

/** The name that ends right before `at` (spaces and line continuations between), unless it is an attribute. */
function plainNameBefore(text: string, at: number): string | undefined {
  let end = at;
  while (end > 0 && /[\s\\]/.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && /\w/.test(text[start - 1]!)) start--;
  let before = start;
  while (before > 0 && /[ \t]/.test(text[before - 1]!)) before--;
  return start < end && text[before - 1] !== "." ? text.slice(start, end) : undefined;
}

/** Whether a file names aioredis at all (used to decide that a repository uses it). */
export function mentionsAioredis(text: string): boolean {
  return IMPORTS_AIOREDIS.test(text);
}
