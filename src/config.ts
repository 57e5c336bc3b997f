/**
 * `.github/redis-migrate.yml`: read once per run from the repository's default branch (or, when the repository has
 * none, from the organisation's `.github` repository, with `_extends` followed: Probot's config rules), validated
 * by hand at the door. A broken file stops the run with messages that name the key; its defaults are never used
 * in its place.
 */
import { REDIS_TARGETS, type RedisTarget } from "./migrate/findings.js";

export const CONFIG_FILE = "redis-migrate.yml";
export const CONFIG_PATH = `.github/${CONFIG_FILE}`;

export interface AppConfig {
  /** false: the App leaves the repository alone (commands reply that it is disabled). */
  readonly enabled: boolean;
  /** Globs of repository paths never read or changed (`tests/fixtures/**`, `vendor/`). */
  readonly ignorePaths: readonly string[];
  readonly redisVersion: RedisTarget;
  readonly labels: readonly string[];
  /** Users, or teams as `org/team`. */
  readonly reviewers: readonly string[];
  readonly assignees: readonly string[];
  readonly draft: boolean;
  readonly branch: string;
  /** Forks are skipped by the installation scan unless true. */
  readonly includeForks: boolean;
  /** `# TODO(redis-migrate): …` above each line that needs a person. */
  readonly todoComments: boolean;
}

export const DEFAULT_BRANCH_NAME = "redis-migrate/aioredis-to-redis-asyncio";

export const DEFAULT_CONFIG: AppConfig = {
  enabled: true,
  ignorePaths: [],
  redisVersion: "5.0.1",
  labels: ["redis-migrate"],
  reviewers: [],
  assignees: [],
  draft: false,
  branch: DEFAULT_BRANCH_NAME,
  includeForks: false,
  todoComments: true,
};

const KEYS = Object.keys(DEFAULT_CONFIG) as (keyof AppConfig)[];

export type ConfigResult =
  | { readonly ok: true; readonly config: AppConfig; readonly fromFile: boolean }
  | { readonly ok: false; readonly file: string; readonly errors: readonly string[] };

type Checker = (value: unknown) => { ok: true; value: unknown } | { ok: false; message: string };

const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v) ?? String(v));

const bool: Checker = (v) => (typeof v === "boolean" ? { ok: true, value: v } : { ok: false, message: `must be true or false (got ${show(v)})` });

function stringList(what: string, check: (s: string) => string | null = () => null): Checker {
  return (v) => {
    if (!Array.isArray(v)) return { ok: false, message: `must be a list of ${what} (got ${show(v)})` };
    for (const [i, item] of v.entries()) {
      if (typeof item !== "string" || item.trim() === "") return { ok: false, message: `item ${i + 1} must be a non-empty string (got ${show(item)})` };
      const problem = check(item);
      if (problem) return { ok: false, message: `item ${i + 1} (${show(item)}) ${problem}` };
    }
    return { ok: true, value: v.map((s: string) => s.trim()) };
  };
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]+$/;

/** Why `name` is not a usable branch name (git check-ref-format, simplified), or null. */
export function branchNameProblem(name: string): string | null {
  if (name.length > 200) return "is longer than 200 characters";
  if (/[\s~^:?*[\\\x00-\x1f\x7f]/.test(name)) return "contains a space or one of ~ ^ : ? * [ \\";
  if (name.includes("..") || name.includes("//") || name.includes("@{")) return 'contains "..", "//" or "@{"';
  if (name.startsWith("/") || name.endsWith("/") || name.endsWith(".") || name.endsWith(".lock")) return 'starts or ends with "/", or ends with "." or ".lock"';
  if (name.split("/").some((part) => part.startsWith("."))) return 'has a part that starts with "."';
  if (name === "@") return 'is "@"';
  return null;
}

const CHECKS: Record<keyof AppConfig, Checker> = {
  enabled: bool,
  ignorePaths: stringList("path globs"),
  redisVersion: (v) => {
    // YAML reads `redisVersion: 4.2` as a number
    const s = typeof v === "number" ? String(v) : v;
    return typeof s === "string" && REDIS_TARGETS.includes(s as RedisTarget)
      ? { ok: true, value: s }
      : { ok: false, message: `must be ${REDIS_TARGETS.map((t) => `"${t}"`).join(" or ")} (got ${show(v)})` };
  },
  labels: stringList("label names", (s) => (s.length > 50 ? "is longer than GitHub's 50 characters" : null)),
  reviewers: stringList("logins or org/team names", (s) => (LOGIN.test(s) || TEAM.test(s) ? null : "is not a GitHub login or org/team")),
  assignees: stringList("logins", (s) => (LOGIN.test(s) ? null : "is not a GitHub login")),
  draft: bool,
  branch: (v) => {
    if (typeof v !== "string" || v.trim() === "") return { ok: false, message: `must be a branch name (got ${show(v)})` };
    const problem = branchNameProblem(v);
    return problem ? { ok: false, message: `${show(v)} ${problem}` } : { ok: true, value: v };
  },
  includeForks: bool,
  todoComments: bool,
};

/** The closest known key, for "did you mean" (edit distance ≤ 3, case-insensitive). */
function closestKey(key: string): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return d[a.length]![b.length]!;
  };
  const norm = (s: string): string => s.toLowerCase().replace(/[-_]/g, "");
  let best: { key: string; d: number } | undefined;
  for (const k of KEYS) {
    const d = distance(norm(key), norm(k));
    if (d <= 3 && (!best || d < best.d)) best = { key: k, d };
  }
  return best?.key;
}

/**
 * Validates the parsed file (null: there is none, so the defaults apply). Every problem is reported, each naming
 * its key; unknown keys are problems too (a misspelt key would otherwise be silently ignored).
 */
export function parseConfig(raw: unknown, file = CONFIG_PATH): ConfigResult {
  if (raw === null || raw === undefined) return { ok: true, config: DEFAULT_CONFIG, fromFile: false };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, file, errors: [`the file must be a mapping of keys to values (got ${Array.isArray(raw) ? "a list" : show(raw)})`] };
  }
  const errors: string[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(KEYS as string[]).includes(key)) {
      const near = closestKey(key);
      errors.push(`\`${key}\`: unknown key${near ? ` (did you mean \`${near}\`?)` : ""}; valid keys: ${KEYS.map((k) => `\`${k}\``).join(", ")}`);
      continue;
    }
    if (value === null) continue; // `labels:` with nothing after it: the default
    const checked = CHECKS[key as keyof AppConfig](value);
    if (checked.ok) out[key] = checked.value;
    else errors.push(`\`${key}\`: ${checked.message}`);
  }
  return errors.length > 0 ? { ok: false, file, errors } : { ok: true, config: out as unknown as AppConfig, fromFile: true };
}

/** What Probot's config plugin (`octokit.config.get`, behind `context.config`) returns. */
export interface ConfigFiles {
  readonly config: Record<string, unknown>;
  readonly files: readonly { readonly owner: string; readonly repo: string; readonly path: string; readonly config: Record<string, unknown> | null }[];
}

export interface ConfigReader {
  config: { get(options: { owner: string; repo: string; path: string }): Promise<ConfigFiles> };
}

/**
 * Reads and validates the configuration of a repository through Probot's config plugin: the same requests and
 * rules as `context.config("redis-migrate.yml")` (repository file, else the org's `.github` repository, then
 * `_extends`), usable for every repository an installation event names (`context.config` needs the event's own
 * `repository`). Files are merged key by key, the repository's winning; no defaults are passed in, so an absent
 * file is told apart from an empty one. Unreadable YAML is reported like a bad key.
 */
export async function loadConfig(octokit: ConfigReader, owner: string, repo: string): Promise<ConfigResult> {
  let result: ConfigFiles;
  try {
    result = await octokit.config.get({ owner, repo, path: CONFIG_PATH });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== undefined) throw error; // a GitHub failure, not a bad file
    const message = (error as Error).message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "");
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { ok: false, file: CONFIG_PATH, errors: [cause ? `${message}: ${cause.split("\n")[0]}` : message] };
  }
  const found = result.files.filter((f) => f.config !== null);
  if (found.length === 0) return { ok: true, config: DEFAULT_CONFIG, fromFile: false };
  const where = found.map((f) => (f.owner === owner && f.repo === repo ? f.path : `${f.owner}/${f.repo}:${f.path}`)).join(" + ");
  return parseConfig(result.config, where);
}
