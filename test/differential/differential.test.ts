/**
 * Differential behaviour suite: realistic aioredis 1.3.1 programs (test/differential/programs/) run against a
 * real redis-server, then migrated with the CLI (`--write --redis-version 4.2`, because Debian's redis-py 4.3.4
 * has no `aclose()`), run again with redis.asyncio, and the outputs compared byte for byte.
 *
 * A program may import a package folder of its own next to it (`programs/pNN_name/`, owned by program NN): the
 * folder is copied and migrated in the same CLI run, and its files count as part of the program below.
 *
 * For each program:
 *   - the original exits 0 under /usr/bin/python3 (aioredis 1.3.1) and leaves no key behind;
 *   - the migration reports exactly the manual steps listed in EXPECTED below (none for unlisted programs);
 *   - the migrated source (program and package) no longer names aioredis outside comments and docstrings;
 *   - the migrated program exits 0 and prints exactly what the original printed
 *     (unless EXPECTED gives the reason it cannot run before a person finishes the manual steps).
 * Separately, the hand-written migrations in reference/ must reproduce the originals' output: proof that every
 * identical-output expectation here is attainable with redis-py 4.3.4.
 *
 * Prerequisites (scripts/install-test-deps.sh): redis-server, /usr/bin/python3 with python3-aioredis and
 * python3-redis. Missing prerequisites fail the suite; they never skip it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  aioredisMentions,
  checkPython,
  describeRun,
  manualStepsFromJson,
  outputDiff,
  runPython,
  startRedis,
  pool,
  type FoundStep,
  type RedisServer,
  type RunResult,
} from "./harness.js";

const HERE = import.meta.dirname;
const ROOT = join(HERE, "..", "..");
const PROGRAMS_DIR = join(HERE, "programs");
const REFERENCE_DIR = join(HERE, "reference");
const CLI = join(ROOT, "src", "cli.ts");
const MIN_PROGRAMS = 45;

interface ExpectedStep {
  readonly ruleId: string;
  /** File of the step, relative to programs/ (a file of the program's package); absent = the program itself. */
  readonly file?: string;
  /** Line of the flagged code in the original program. */
  readonly originalLine: number;
  /** A substring of the step's `what`. */
  readonly what?: string;
}

interface Expectation {
  /** Every manual step the migration must report for this program (exactly these). */
  readonly steps: readonly ExpectedStep[];
  /** Why the migrated program is not run and compared; absent = it must run and print the same. */
  readonly noOutputCheck?: string;
  /**
   * Migrated lines that may still name aioredis (exact text, trimmed), each because a name the module still uses
   * has no redis-py equivalent and every use of it is one of the steps above.
   */
  readonly keepsAioredis?: readonly string[];
}

/**
 * A URL that is only known at run time (an environment variable, a parameter) may carry 1.x-only query options
 * (`?encoding=`, `?timeout=`, `?ssl=true`) that redis-py rejects or ignores: the codemod cannot see the value, so
 * asking a person to check it is the expected result (aioredis-migration.md §3.2, §11.13).
 */
const runtimeUrl = (originalLine: number): ExpectedStep => ({
  ruleId: "client-creation",
  originalLine,
  what: "for aioredis-only query options",
});

/** The review step every WATCH … multi_exec() sequence gets (aioredis-migration.md §6.2, §11.1). */
const watchReview = (originalLine: number): ExpectedStep => ({
  ruleId: "watch-transactions",
  originalLine,
  what: "Optimistic transaction (WATCH … MULTI/EXEC): check",
});

/** `except MultiExecError` → `(WatchError, ResponseError)`: a lossy mapping (§8). */
const multiExecSplit = (originalLine: number): ExpectedStep => ({
  ruleId: "exceptions",
  originalLine,
  what: "`MultiExecError` covered both a WATCH conflict and a failed command",
});

/**
 * A `create_redis_pool`/`create_pool` without `maxsize`: aioredis capped the pool at 10 connections, redis-py's is
 * unbounded, and the migration asks a person to choose (aioredis-migration.md §3.3, §11.9).
 */
const poolSize = (originalLine: number): ExpectedStep => ({
  ruleId: "client-creation",
  originalLine,
  what: "Choose a size for this connection pool",
});

/** `minsize=` given: aioredis connected when the pool was created, redis-py on the first command (§3.2, §3.3). */
const startupPing = (originalLine: number, file?: string): ExpectedStep => ({
  ruleId: "client-creation",
  ...(file === undefined ? {} : { file }),
  originalLine,
  what: "after creating this client if startup must fail when Redis is unreachable",
});

/**
 * Programs whose migration leaves manual steps, with exactly the steps expected. Every other program must
 * migrate with no manual step at all. Unless `noOutputCheck` gives a reason, the migrated program must also run
 * and print exactly what the original printed.
 */
const EXPECTED: Record<string, Expectation> = {
  "01_create_redis_url.py": { steps: [runtimeUrl(12)] },
  "03_pool_url_encoding.py": { steps: [poolSize(11), runtimeUrl(11)] },
  "06_connect_timeout.py": { steps: [runtimeUrl(11)] },
  "07_create_connection_execute.py": { steps: [runtimeUrl(11)] },
  "09_create_pool_with_await.py": {
    steps: [
      poolSize(11),
      runtimeUrl(11),
      // The reply of a raw SMEMBERS is read (sorted here): it is a set now, a list in 1.x (aioredis-migration.md §5.0, §5.5).
      { ruleId: "execute-command", originalLine: 18, what: "SMEMBERS" },
    ],
  },
  "11_with_await_redis.py": { steps: [poolSize(11), runtimeUrl(11)] },
  "12_app_startup_cleanup.py": { steps: [startupPing(11), runtimeUrl(12)] },
  "13_class_self_redis.py": { steps: [poolSize(17), runtimeUrl(17)] },
  "14_type_hints_isinstance.py": { steps: [poolSize(34), runtimeUrl(34)] },
  "15_import_alias.py": { steps: [runtimeUrl(11)] },
  "17_from_import_names.py": { steps: [runtimeUrl(20)] },
  "18_finally_after_error.py": {
    steps: [
      runtimeUrl(15),
      // import_rows() opens a pool per call: in redis-py that is a new pool each time (aioredis-migration.md §3.1, §11.5).
      { ruleId: "client-creation", originalLine: 15, what: "import_rows()" },
      runtimeUrl(35),
    ],
  },
  "20_rate_limiter.py": { steps: [startupPing(27), runtimeUrl(27)] },
  "21_global_client.py": { steps: [poolSize(14), runtimeUrl(14)] },
  "23_keys_and_exists.py": { steps: [runtimeUrl(11)] },
  "24_encoding_on_and_off.py": { steps: [poolSize(12), poolSize(13), runtimeUrl(12), runtimeUrl(13)] },
  "25_service_class_pool_property.py": {
    // The address reaches the method through self.address, set from a constructor argument: whether it is a URL
    // or a (host, port) pair is decided by the caller, out of reach of a per-statement rewrite.
    steps: [startupPing(18), { ruleId: "client-creation", originalLine: 18, what: "self.address" }],
    noOutputCheck:
      "the address type (URL or (host, port)) is only known at the caller of SessionStore(...); until a person " +
      "checks it, the migrated startup() may build the client the wrong way.",
  },
  "26_pool_acquire_release.py": {
    steps: [
      startupPing(11),
      runtimeUrl(11),
      { ruleId: "lifecycle", originalLine: 12, what: "acquire" },
      { ruleId: "lifecycle", originalLine: 19, what: "freesize" },
    ],
    noOutputCheck:
      "pool.acquire()/pool.release(conn) and pool.freesize have no redis-py equivalent; until a person rewrites " +
      "the block as `async with ….client() as conn:` the migrated program stops at `pool.acquire()`.",
  },
  "27_closed_property.py": {
    steps: [
      runtimeUrl(11),
      { ruleId: "lifecycle", originalLine: 15, what: "closed" },
      { ruleId: "lifecycle", originalLine: 18, what: "closed" },
    ],
    noOutputCheck:
      "redis.asyncio.Redis has no `closed` property (the shutdown state must be tracked by the application), " +
      "so the migrated program raises AttributeError at `redis.closed` until a person rewrites those lines.",
  },
  "28_startup_shutdown_hooks.py": { steps: [runtimeUrl(26)] },
  "29_redis_over_pool.py": { steps: [startupPing(11), runtimeUrl(11)] },
  "31_pool_connection_type_hints.py": {
    steps: [
      poolSize(26),
      // aioredis.RedisConnection annotations: redis-py code rarely holds a Connection (aioredis-migration.md §2, §9.3).
      { ruleId: "type-references", originalLine: 9, what: "Connection" },
      { ruleId: "type-references", originalLine: 13, what: "Connection" },
      runtimeUrl(26),
    ],
  },
  // ---- WATCH, pipelines, transactions (aioredis-migration.md §6) ----
  "32_watch_retry_conflict.py": {
    steps: [
      // Every WATCH … MULTI/EXEC sequence is a review step (retry bound, side effects between WATCH and EXEC).
      watchReview(17),
      // MultiExecError → (WatchError, ResponseError): one 1.x class became two (§8).
      multiExecSplit(25),
      runtimeUrl(37),
      runtimeUrl(38),
    ],
  },
  "33_watch_pooled_transfer.py": {
    steps: [
      startupPing(53),
      watchReview(34),
      // the handler, on line 45, inside the `with await pool` block the WATCH rewrite re-indents
      multiExecSplit(45),
      // the transaction takes a second pool connection while `async with pool.client() as conn:` holds the first
      { ruleId: "lifecycle", originalLine: 40, what: "`conn.multi_exec()` ran on the connection this block borrowed" },
      runtimeUrl(53),
      runtimeUrl(54),
    ],
  },
  "35_pipeline_future_list.py": {
    steps: [
      poolSize(20),
      // A list of futures is not rewritten (only names assigned in order are): the step suggests execute()'s list (§6.1).
      { ruleId: "pipelines", originalLine: 14, what: "`futures` holds aioredis pipeline futures" },
      runtimeUrl(20),
    ],
    noOutputCheck:
      "the futures kept in a list are the pipeline itself in redis-py; until a person takes the replies from " +
      "execute() (the step's suggestion), the migrated program prints Pipeline objects.",
  },
  "36_pipeline_errors.py": {
    steps: [
      poolSize(26),
      runtimeUrl(26),
      // PipelineError carried every failed reply; redis-py raises the first one as ResponseError (§6.1, §8).
      { ruleId: "exceptions", originalLine: 37, what: "raises only the first failing command of a pipeline" },
    ],
  },
  "41_multi_exec_errors.py": {
    steps: [
      // the handlers on lines 21 and 35, inside blocks wrapped in `async with`
      multiExecSplit(21),
      watchReview(27),
      multiExecSplit(35),
    ],
  },
  "81_watch_variable_error_handler.py": {
    steps: [
      watchReview(16),
      // On the execute() of line 23 (its TODO goes above the handler on line 25), inside the WATCH block wrapped in
      // `async with`. It never ran under aioredis (a conflict raised MultiExecError) and catches every conflict now.
      { ruleId: "exceptions", originalLine: 23, what: "never `WatchVariableError`, so this handler did not run" },
    ],
    noOutputCheck:
      "the `except WatchVariableError` handler never ran under aioredis 1.3.1 (the conflict reached the caller's " +
      "`except aioredis.RedisError`); migrated, it catches the WatchError and reserve() returns False, so the program " +
      "takes the other branch until a person decides whether that handler should run (reference/81 lets the error " +
      "propagate, as before).",
  },
  "87_printed_set_and_geohash_replies.py": {
    steps: [
      // SMEMBERS/SINTER replies printed, compared with a list and indexed (a set in redis-py, §5.5), and GEOHASH
      // replies printed (str instead of bytes, §5.8): each use is reported with its suggestion.
      { ruleId: "reply-shapes", originalLine: 20, what: "comparisons with a list and printed text" },
      { ruleId: "reply-shapes", originalLine: 21, what: "comparisons with a list and printed text" },
      { ruleId: "reply-shapes", originalLine: 24, what: "comparisons with a list and printed text" },
      { ruleId: "reply-shapes", originalLine: 26, what: "comparisons with a list and printed text" },
      { ruleId: "geo-commands", originalLine: 32, what: "so this printed or logged text changes" },
      { ruleId: "geo-commands", originalLine: 33, what: "so this code sees a different type" },
      { ruleId: "geo-commands", originalLine: 36, what: "so this printed or logged text changes" },
    ],
    noOutputCheck:
      "until the steps are applied the migrated program prints sets and str hashes, and stops with TypeError at " +
      "`common[0]` (a set is not subscriptable); the steps' suggestions give the original output (reference/87).",
  },
  "84_with_await_pipeline_pool.py": {
    steps: [
      // In aioredis the pipeline ran on the borrowed connection; in redis-py it takes a second one from the pool.
      { ruleId: "lifecycle", originalLine: 32, what: "`conn.multi_exec()` ran on the connection this block borrowed" },
      { ruleId: "lifecycle", originalLine: 42, what: "`conn.pipeline()` ran on the connection this block borrowed" },
      runtimeUrl(51),
    ],
    noOutputCheck:
      "migrated as is it deadlocks: both checkout() calls hold a client() connection of a BlockingConnectionPool of " +
      "2 (timeout=None) and each pipeline waits for a third; the steps' suggestions (reference/84) print the original output.",
  },
  "85_commands_after_close.py": {
    steps: [
      // aioredis raised for a command after close(); a redis-py client reconnects, so these handlers no longer run.
      { ruleId: "exceptions", originalLine: 23, what: "raised `PoolClosedError` for a command on a client after its `close()`" },
      { ruleId: "exceptions", originalLine: 39, what: "raised `ConnectionClosedError` for a command on a client after its `close()`" },
    ],
    noOutputCheck:
      "after close() redis-py reconnects: the worker polls until its limit instead of stopping on PoolClosedError, and " +
      "the session is saved instead of refused, until a person adds the closed flag the steps suggest (reference/85).",
  },
  "83_pipeline_futures_in_try.py": {
    steps: [
      watchReview(18),
      // Futures awaited after an execute() inside `try:` (line 28) and under `if` (line 42): the step suggests
      // taking the replies from execute()'s list (§6.1). The try's handler is reported on its execute() (line 28).
      { ruleId: "pipelines", originalLine: 18, what: "keeps aioredis pipeline futures and runs `execute()` in another block" },
      multiExecSplit(28),
      { ruleId: "pipelines", originalLine: 38, what: "keeps aioredis pipeline futures and runs `execute()` in another block" },
    ],
    noOutputCheck:
      "a redis-py pipeline command returns the pipeline itself, so the kept futures (debit, credit, ann, bob, " +
      "number) print as Pipeline objects until a person takes the replies from execute() (the steps' suggestion).",
  },
  // ---- pub/sub (§7) ----
  "37_pubsub_reader_task.py": { steps: [poolSize(21), runtimeUrl(21), runtimeUrl(22)] },
  // `url` is assigned an f-string in main(): the client rule asks to check it, although the same f-string written
  // inline in the call is not reported (38, 39).
  "51_pubsub_chat_room.py": { steps: [poolSize(28), runtimeUrl(28), runtimeUrl(29)] },
  "53_pubsub_receiver_mpsc.py": {
    steps: [
      poolSize(23),
      runtimeUrl(23),
      runtimeUrl(24),
      // Receiver and the Channel objects it hands to subscribe()/psubscribe() have no redis-py equivalent (§7.1).
      { ruleId: "type-references", originalLine: 26, what: "`Receiver` has no redis-py equivalent" },
      { ruleId: "pubsub-channels", originalLine: 27, what: "returned Channel objects" },
      { ruleId: "pubsub-channels", originalLine: 28, what: "returned Channel objects" },
    ],
    noOutputCheck:
      "Receiver has no redis-py equivalent: the migrated program still builds an aioredis Receiver and passes its " +
      "channels to redis-py, and fails at subscribe() until a person rewrites the hub as one PubSub (reference/53).",
    keepsAioredis: ["from aioredis.pubsub import Receiver"],
  },
  // ---- streams (§5.12) ----
  "44_stream_xread_consumer.py": {
    steps: [poolSize(25), { ruleId: "streams", originalLine: 18, what: "grouped per stream" }],
    noOutputCheck:
      "xread replies are grouped per stream in redis-py; the loop that unpacks aioredis' flat (stream, id, fields) " +
      "rows raises ValueError until a person applies the step's suggestion.",
  },
  // ---- reply shapes (§11.7) ----
  "49_reply_shapes_tags.py": {
    steps: [
      poolSize(15),
      { ruleId: "reply-shapes", originalLine: 17, what: "`ping()` replies True" },
      { ruleId: "reply-shapes", originalLine: 26, what: "replies True/False in redis-py where aioredis replied 1/0" },
      { ruleId: "reply-shapes", originalLine: 29, what: "`time()` replies a `(seconds, microseconds)` tuple" },
      { ruleId: "mset-mapping", originalLine: 33, what: "`msetnx` replies True/False" },
    ],
    noOutputCheck:
      "the flagged lines depend on aioredis' reply types (b'PONG', 1/0, a float time): they print differently, and " +
      "`now > 1_600_000_000` raises TypeError on redis-py's tuple, until a person adapts them (reference/49).",
  },
  "82_lset_status_replies.py": {
    steps: [
      // `lset() == b"OK"` and a printed lset() status: True in redis-py (§11.7).
      { ruleId: "reply-shapes", originalLine: 15, what: "`lset()` replies True in redis-py (aioredis replied b'OK')" },
      { ruleId: "reply-shapes", originalLine: 26, what: "`lset()` replies True in redis-py (aioredis replied b'OK')" },
    ],
    noOutputCheck:
      "lset() replies True in redis-py: `== b'OK'` is False (the editor reports the track unchanged) and the change log " +
      "prints True instead of b'OK', until a person applies the steps' suggestions (reference/82).",
  },
  // ---- the pool's own step only: its size (no `maxsize`) or its startup check (`minsize`) (§3.2, §3.3) ----
  "04_pool_minsize_maxsize.py": { steps: [startupPing(19)] },
  "05_db_keyword.py": { steps: [poolSize(14)] },
  "10_create_pool_tasks.py": { steps: [startupPing(18)] },
  "16_from_import_alias.py": { steps: [poolSize(12)] },
  "22_env_host_port_url.py": { steps: [startupPing(13)] },
  "30_pool_get_context.py": { steps: [startupPing(16)] },
  "34_pipeline_futures.py": { steps: [poolSize(41)] },
  "38_pubsub_pattern_iter.py": { steps: [poolSize(21)] },
  "39_pubsub_single_get.py": { steps: [poolSize(22)] },
  "40_reply_errors.py": { steps: [poolSize(29)] },
  "42_error_classes_in_app_code.py": {
    steps: [
      poolSize(45),
      // a redis-py client reconnects after close(): the handler for ConnectionClosedError no longer runs for that
      { ruleId: "exceptions", originalLine: 26, what: "raised `ConnectionClosedError` for a command on a client after its `close()`" },
    ],
  },
  "43_stream_activity_feed.py": { steps: [poolSize(20)] },
  "45_shop_app.py": { steps: [startupPing(11, "p45_shop/db.py")] },
  "46_geo_nearby_stores.py": { steps: [poolSize(14)] },
  "47_zset_leaderboard_pages.py": { steps: [poolSize(18)] },
  "48_blocking_pops_worker.py": { steps: [poolSize(24)] },
  "50_scan_cleanup_job.py": { steps: [poolSize(23)] },
  "52_lua_reservations_pipeline.py": { steps: [poolSize(24)] },
  "54_pubsub_presence.py": { steps: [poolSize(16)] },
  "60_set_ttl_and_locks.py": { steps: [poolSize(24)] },
  "61_hash_profiles.py": { steps: [poolSize(34)] },
  "62_mset_feature_flags.py": { steps: [poolSize(18)] },
  "63_lua_rate_limiter.py": { steps: [poolSize(37)] },
  "64_scan_iterators.py": { steps: [poolSize(13)] },
  "65_counter_keywords_flushdb.py": { steps: [poolSize(14)] },
  "66_sort_and_linsert.py": { steps: [poolSize(13)] },
  "67_bitops_object_publish_json.py": { steps: [poolSize(14)] },
  "68_per_call_encoding_same_codec.py": { steps: [poolSize(18)] },
  "70_leaderboard_scores.py": { steps: [poolSize(14)] },
  "72_name_index_lex.py": { steps: [startupPing(14)] },
  "74_job_queue_pops.py": { steps: [poolSize(27)] },
  "77_stream_consumer_group.py": { steps: [poolSize(15)] },
};

const programs = existsSync(PROGRAMS_DIR)
  ? readdirSync(PROGRAMS_DIR)
      .filter((f) => /^\d\d_\w+\.py$/.test(f))
      .sort()
  : [];

/** Package folders next to the programs: `pNN_name/` belongs to program `NN_*.py`. */
const packages = existsSync(PROGRAMS_DIR)
  ? readdirSync(PROGRAMS_DIR)
      .filter((f) => /^p\d\d_\w+$/.test(f) && statSync(join(PROGRAMS_DIR, f)).isDirectory())
      .sort()
  : [];

/** The package folders of one program. */
function packagesOf(program: string): string[] {
  return packages.filter((d) => d.slice(1, 3) === program.slice(0, 2));
}

/** `.py` files under `dir`, as paths relative to `root` with forward slashes. */
function pythonFilesUnder(root: string, dir = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...pythonFilesUnder(root, rel));
    else if (entry.name.endsWith(".py")) out.push(rel);
  }
  return out.sort();
}

/** Every file of a program, relative to programs/: the program itself, then its packages' `.py` files. */
function filesOf(program: string): string[] {
  return [program, ...packagesOf(program).flatMap((d) => pythonFilesUnder(PROGRAMS_DIR, d))];
}

/** The program a migrated file (path relative to the migrated dir) belongs to, or null. */
function ownerOf(file: string): string | null {
  const rel = file.replace(/\\/g, "/").replace(/^\.\//, "");
  if (programs.includes(rel)) return rel;
  const top = rel.split("/")[0]!;
  if (!packages.includes(top)) return null;
  return programs.find((p) => packagesOf(p).includes(top)) ?? null;
}

interface Migration {
  /** "cli" when the files were migrated by `src/cli.ts`; "api" for the in-process stand-in. */
  readonly via: "cli" | "api";
  readonly steps: readonly FoundStep[];
  /** Set when the manual steps could not be read (the per-program step checks then fail with it). */
  readonly stepsError: string | null;
  /** Problems of the run as a whole (exit status, skipped files, nothing written). */
  readonly problems: readonly string[];
  readonly log: string;
}

/** Migrates every program in `dir` at once, as a user would run the tool on a repository. */
async function migrateAll(dir: string): Promise<Migration> {
  if (!existsSync(CLI)) {
    // Stand-in until src/cli.ts exists; the "migrates through the CLI" test below fails while it is used.
    const { migrateProject } = await import("../../src/migrate/project.js");
    const files = pythonFilesUnder(dir).map((f) => ({ path: f, text: readFileSync(join(dir, f), "utf8") }));
    const result = migrateProject(files, { target: "4.2", todoComments: true });
    for (const f of result.files) if (f.output !== f.input) writeFileSync(join(dir, f.file), f.output);
    return {
      via: "api",
      steps: manualStepsFromJson(result.files.map((f) => ({ file: f.file, manualSteps: f.manualSteps }))),
      stepsError: null,
      problems: ["src/cli.ts does not exist: the programs were migrated in-process with migrateProject()"],
      log: "",
    };
  }
  const args = ["--import", "tsx", CLI, "--write", "--redis-version", "4.2", "--json", dir];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 });
  const log = `node ${args.join(" ")}\nexit ${r.status}${r.error ? ` (${r.error.message})` : ""}\n--- stderr ---\n${r.stderr}`;
  let report: { written?: unknown; skipped?: unknown } = {};
  let steps: FoundStep[] = [];
  let stepsError: string | null = null;
  try {
    report = JSON.parse(r.stdout);
    steps = manualStepsFromJson(report);
  } catch (e) {
    stepsError = `the CLI's --json output could not be parsed (${(e as Error).message}):\n${log}\n--- stdout ---\n${r.stdout.slice(0, 4000)}`;
  }
  const problems: string[] = [];
  // Exit status like a linter's: 0 nothing left to do, 1 work remains (manual steps), 2 something went wrong.
  const expectedStatus = steps.length > 0 ? 1 : 0;
  if (r.status !== expectedStatus) problems.push(`exit status ${r.status}, expected ${expectedStatus} (${steps.length} manual steps)`);
  if (stepsError === null) {
    if (report.written !== true) problems.push(`the JSON report says written: ${JSON.stringify(report.written)}`);
    if (!Array.isArray(report.skipped) || report.skipped.length > 0) {
      problems.push(`files were skipped: ${JSON.stringify(report.skipped)}`);
    }
  } else problems.push(stepsError);
  return { via: "cli", steps, stepsError, problems, log };
}

function formatSteps(steps: readonly FoundStep[]): string {
  if (steps.length === 0) return "  (none)";
  return steps.map((s) => `  ${s.file} ${s.ruleId} original line ${s.originalLine} (migrated ${s.line}): ${s.what}`).join("\n");
}

/** Differences between the expected and the reported manual steps of one program (empty when they match). */
function compareSteps(expected: readonly ExpectedStep[], got: readonly FoundStep[], program: string): string[] {
  const problems: string[] = [];
  const unmatched = [...got];
  const fileOf = (s: { readonly file?: string }): string => (s.file ?? program).replace(/\\/g, "/").replace(/^\.\//, "");
  for (const exp of expected) {
    const i = unmatched.findIndex(
      (g) =>
        g.ruleId === exp.ruleId &&
        fileOf(g) === fileOf(exp) &&
        g.originalLine === exp.originalLine &&
        (exp.what === undefined || g.what.includes(exp.what)),
    );
    const where = `${exp.file ? `${exp.file} ` : ""}original line ${exp.originalLine}`;
    if (i < 0) problems.push(`missing manual step: ${exp.ruleId} at ${where}${exp.what ? ` (what ~ "${exp.what}")` : ""}`);
    else unmatched.splice(i, 1);
  }
  if (problems.length > 0 || unmatched.length > 0) {
    if (unmatched.length > 0) problems.push(`unexpected manual steps:\n${formatSteps(unmatched)}`);
    problems.push(`all reported manual steps:\n${formatSteps(got)}`);
  }
  return problems;
}

/** Servers run side by side; each runs one program at a time and is flushed before every run. */
const SERVERS = 3;

interface Outcome {
  readonly run: RunResult;
  /** INFO keyspace lines after the run: a program must delete what it wrote. */
  readonly leftover: readonly string[];
}

describe("differential: aioredis 1.3.1 programs behave the same after migration", () => {
  const servers: RedisServer[] = [];
  let work = "";
  let migrated = "";
  let migration: Migration | undefined;
  let setupError: Error | undefined;
  const original = new Map<string, Outcome>();
  const afterMigration = new Map<string, Outcome>();
  const reference = new Map<string, Outcome>();

  before(async () => {
    try {
      console.log(`# differential: ${checkPython()}`);
      for (let i = 0; i < SERVERS; i++) servers.push(await startRedis());
      console.log(`# differential: redis-server ${servers[0].version} on ports ${servers.map((s) => s.port).join(", ")}`);
      work = mkdtempSync(join(tmpdir(), "redis-migrate-diff-"));
      migrated = join(work, "programs");
      mkdirSync(migrated);
      for (const p of programs) copyFileSync(join(PROGRAMS_DIR, p), join(migrated, p));
      for (const d of packages) cpSync(join(PROGRAMS_DIR, d), join(migrated, d), { recursive: true });
      const t0 = Date.now();
      migration = await migrateAll(migrated);
      console.log(`# differential: migrated via ${migration.via} in ${Date.now() - t0} ms; ${migration.steps.length} manual steps`);

      // Every run (original, migrated, hand-written reference) against a freshly flushed server of its own.
      const jobs: { file: string; into: Map<string, Outcome>; name: string }[] = [];
      for (const p of programs) {
        jobs.push({ file: join(PROGRAMS_DIR, p), into: original, name: p });
        if (EXPECTED[p]?.noOutputCheck === undefined) jobs.push({ file: join(migrated, p), into: afterMigration, name: p });
        if (existsSync(join(REFERENCE_DIR, p))) jobs.push({ file: join(REFERENCE_DIR, p), into: reference, name: p });
      }
      const free = [...servers];
      const t1 = Date.now();
      await pool(jobs, SERVERS, async (job) => {
        const server = free.pop()!;
        try {
          await server.flushAll();
          const run = await runPython(job.file, work, {
            REDIS_URL: server.url,
            REDIS_HOST: "127.0.0.1",
            REDIS_PORT: String(server.port),
          });
          job.into.set(job.name, { run, leftover: await server.keyspace() });
        } finally {
          free.push(server);
        }
      });
      console.log(`# differential: ${jobs.length} program runs in ${Date.now() - t1} ms`);
      const timed = [original, afterMigration, reference].flatMap((m, k) =>
        [...m].map(([n, o]) => ({ what: `${["original", "migrated", "reference"][k]} ${n}`, ms: o.run.ms })),
      );
      const slowest = timed.sort((a, b) => b.ms - a.ms).slice(0, 5);
      console.log(`# differential: slowest runs: ${slowest.map((t) => `${t.what} ${t.ms} ms`).join(", ")}`);
    } catch (e) {
      setupError = e as Error;
      throw e;
    }
  });

  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const ready = (): void => {
    if (setupError) throw setupError;
    assert.ok(servers.length === SERVERS && migration, "setup did not complete");
  };

  it(`has at least ${MIN_PROGRAMS} programs, and the table names only existing programs`, () => {
    assert.ok(programs.length >= MIN_PROGRAMS, `${programs.length} programs in ${PROGRAMS_DIR}`);
    for (const name of Object.keys(EXPECTED)) assert.ok(programs.includes(name), `EXPECTED names ${name}, which does not exist`);
    for (const d of packages) assert.ok(programs.some((p) => packagesOf(p).includes(d)), `package ${d} belongs to no program`);
  });

  it("reports manual steps only in files of the programs", () => {
    ready();
    const stray = migration!.steps.filter((s) => ownerOf(s.file) === null);
    assert.deepEqual(stray.map((s) => `${s.file}:${s.line} ${s.ruleId}`), []);
  });

  it("migrates through the CLI (src/cli.ts --write --redis-version 4.2 --json)", () => {
    ready();
    assert.equal(migration!.via, "cli", migration!.problems.join("\n"));
    assert.deepEqual(migration!.problems, [], migration!.log);
  });

  for (const name of programs) {
    const exp: Expectation = EXPECTED[name] ?? { steps: [] };
    it(name, () => {
      ready();
      const problems: string[] = [];
      const orig = original.get(name)!;
      if (orig.run.status !== 0 || orig.run.timedOut) {
        problems.push(`the ORIGINAL program failed under aioredis 1.3.1: ${describeRun(orig.run)}`);
      } else if (orig.leftover.length > 0) problems.push(`the ORIGINAL program left keys behind: ${orig.leftover.join(" ")}`);

      if (migration!.stepsError) problems.push(migration!.stepsError);
      else {
        const got = migration!.steps.filter((s) => ownerOf(s.file) === name);
        const diff = compareSteps(exp.steps, got, name);
        if (diff.length > 0) problems.push(`manual steps differ from the table:\n${diff.join("\n")}`);
      }

      const files = filesOf(name);
      const sources = new Map(files.map((f) => [f, readFileSync(join(migrated, f), "utf8")]));
      if (files.every((f) => sources.get(f) === readFileSync(join(PROGRAMS_DIR, f), "utf8"))) {
        problems.push("the migration left the program (and its package) unchanged");
      }
      const allowed = new Set(exp.keepsAioredis ?? []);
      const left = files.flatMap((f) =>
        aioredisMentions(sources.get(f)!)
          .filter((m) => !allowed.has(m.replace(/^\d+: /, "").trim()))
          .map((m) => (f === name ? m : `${f}:${m}`)),
      );
      if (left.length > 0) problems.push(`the migrated code still names aioredis:\n  ${left.join("\n  ")}`);
      const source = files.map((f) => (f === name ? sources.get(f)! : `# ----- ${f}\n${sources.get(f)!}`)).join("\n");

      if (exp.noOutputCheck === undefined) {
        const { run } = afterMigration.get(name)!;
        if (run.status !== 0 || run.timedOut) problems.push(`the MIGRATED program failed: ${describeRun(run)}`);
        else if (run.stdout !== orig.run.stdout) {
          problems.push(`outputs differ (- original, + migrated):\n${outputDiff(orig.run.stdout, run.stdout)}\n--- migrated stderr ---\n${run.stderr}`);
        }
      }
      if (problems.length > 0) {
        assert.fail(`${name}:\n${problems.join("\n\n")}\n\n--- migrated source ---\n${source}`);
      }
    });
  }

  describe("the programs are fair: hand-written redis.asyncio migrations reproduce their output", () => {
    // Required for every program whose migrated output is compared; optional (but then checked) for the others.
    for (const name of programs) {
      if (EXPECTED[name]?.noOutputCheck !== undefined && !existsSync(join(REFERENCE_DIR, name))) continue;
      it(`reference/${name}`, () => {
        ready();
        const ref = join(REFERENCE_DIR, name);
        assert.ok(existsSync(ref), `no hand-written migration at ${ref}`);
        const orig = original.get(name)!;
        assert.equal(orig.run.status, 0, `original failed: ${describeRun(orig.run)}`);
        assert.deepEqual(aioredisMentions(readFileSync(ref, "utf8")), [], "the reference must not use aioredis");
        for (const d of packagesOf(name)) {
          assert.ok(existsSync(join(REFERENCE_DIR, d)), `no hand-written migration of the package ${d} in ${REFERENCE_DIR}`);
          for (const f of pythonFilesUnder(REFERENCE_DIR, d)) {
            assert.deepEqual(aioredisMentions(readFileSync(join(REFERENCE_DIR, f), "utf8")), [], `reference/${f} must not use aioredis`);
          }
        }
        const { run, leftover } = reference.get(name)!;
        assert.equal(run.status, 0, `reference failed: ${describeRun(run)}`);
        assert.deepEqual(leftover, [], "the reference left keys behind");
        assert.equal(run.stdout, orig.run.stdout, outputDiff(orig.run.stdout, run.stdout));
      });
    }
  });
});
