/**
 * Differential behaviour suite: realistic aioredis 1.3.1 programs (test/differential/programs/) run against a
 * real redis-server, then migrated with the CLI (`--write --redis-version 4.2`, because Debian's redis-py 4.3.4
 * has no `aclose()`), run again with redis.asyncio, and the outputs compared byte for byte.
 *
 * For each program:
 *   - the original exits 0 under /usr/bin/python3 (aioredis 1.3.1) and leaves no key behind;
 *   - the migration reports exactly the manual steps listed in EXPECTED below (none for unlisted programs);
 *   - the migrated source no longer names aioredis outside comments and docstrings;
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
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  aioredisMentions,
  checkPython,
  describeRun,
  manualStepsFromJson,
  outputDiff,
  runPython,
  startRedis,
  type FoundStep,
  type RedisServer,
  type RunResult,
} from "./harness.js";

const HERE = import.meta.dirname;
const ROOT = join(HERE, "..", "..");
const PROGRAMS_DIR = join(HERE, "programs");
const REFERENCE_DIR = join(HERE, "reference");
const CLI = join(ROOT, "src", "cli.ts");
const MIN_PROGRAMS = 24;

interface ExpectedStep {
  readonly ruleId: string;
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
}

/**
 * Programs whose migration leaves manual steps. Every other program must migrate with no manual step at all,
 * run, and print exactly what the original printed.
 */
const EXPECTED: Record<string, Expectation> = {
  "26_pool_acquire_release.py": {
    steps: [
      { ruleId: "lifecycle", originalLine: 12, what: "acquire" },
      { ruleId: "lifecycle", originalLine: 19, what: "freesize" },
    ],
    noOutputCheck:
      "pool.acquire()/pool.release(conn) and pool.freesize have no redis-py equivalent; until a person rewrites " +
      "the block as `async with ….client() as conn:` the migrated program stops at `pool.acquire()`.",
  },
  "27_closed_property.py": {
    steps: [
      { ruleId: "lifecycle", originalLine: 17, what: "closed" },
      { ruleId: "lifecycle", originalLine: 20, what: "closed" },
    ],
    noOutputCheck:
      "redis.asyncio.Redis has no `closed` property (the shutdown state must be tracked by the application), " +
      "so the migrated program raises AttributeError at `redis.closed` until a person rewrites those lines.",
  },
};

const programs = existsSync(PROGRAMS_DIR)
  ? readdirSync(PROGRAMS_DIR)
      .filter((f) => /^\d\d_\w+\.py$/.test(f))
      .sort()
  : [];

interface Migration {
  /** "cli" when the files were migrated by `src/cli.ts`; "api" for the in-process stand-in. */
  readonly via: "cli" | "api";
  readonly steps: readonly FoundStep[];
  /** Set when the manual steps could not be read (the per-program step checks then fail with it). */
  readonly stepsError: string | null;
  readonly log: string;
}

/** Migrates every program in `dir` at once, as a user would run the tool on a repository. */
async function migrateAll(dir: string): Promise<Migration> {
  if (!existsSync(CLI)) {
    // Stand-in until src/cli.ts exists; the "migrates through the CLI" test below fails while it is used.
    const { migrateProject } = await import("../../src/migrate/project.js");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".py"))
      .map((f) => ({ path: f, text: readFileSync(join(dir, f), "utf8") }));
    const result = migrateProject(files, { target: "4.2", todoComments: true });
    for (const f of result.files) if (f.output !== f.input) writeFileSync(join(dir, f.file), f.output);
    return {
      via: "api",
      steps: manualStepsFromJson(result.files.map((f) => ({ file: f.file, manualSteps: f.manualSteps }))),
      stepsError: null,
      log: "src/cli.ts does not exist: migrated in-process with migrateProject()",
    };
  }
  const args = ["--import", "tsx", CLI, "--write", "--redis-version", "4.2", "--json", dir];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 });
  const log = `node ${args.join(" ")}\nexit ${r.status}${r.error ? ` (${r.error.message})` : ""}\n--- stderr ---\n${r.stderr}`;
  let steps: FoundStep[] = [];
  let stepsError: string | null = null;
  try {
    steps = manualStepsFromJson(JSON.parse(r.stdout));
  } catch (e) {
    stepsError = `the CLI's --json output could not be parsed (${(e as Error).message}):\n${log}\n--- stdout ---\n${r.stdout.slice(0, 4000)}`;
  }
  return { via: "cli", steps, stepsError, log };
}

function formatSteps(steps: readonly FoundStep[]): string {
  if (steps.length === 0) return "  (none)";
  return steps.map((s) => `  ${s.ruleId} original line ${s.originalLine} (migrated ${s.line}): ${s.what}`).join("\n");
}

/** Differences between the expected and the reported manual steps of one program (empty when they match). */
function compareSteps(expected: readonly ExpectedStep[], got: readonly FoundStep[]): string[] {
  const problems: string[] = [];
  const unmatched = [...got];
  for (const exp of expected) {
    const i = unmatched.findIndex(
      (g) => g.ruleId === exp.ruleId && g.originalLine === exp.originalLine && (exp.what === undefined || g.what.includes(exp.what)),
    );
    if (i < 0) problems.push(`missing manual step: ${exp.ruleId} at original line ${exp.originalLine}${exp.what ? ` (what ~ "${exp.what}")` : ""}`);
    else unmatched.splice(i, 1);
  }
  if (problems.length > 0 || unmatched.length > 0) {
    if (unmatched.length > 0) problems.push(`unexpected manual steps:\n${formatSteps(unmatched)}`);
    problems.push(`all reported manual steps:\n${formatSteps(got)}`);
  }
  return problems;
}

describe("differential: aioredis 1.3.1 programs behave the same after migration", () => {
  let server: RedisServer | undefined;
  let work = "";
  let migrated = "";
  let migration: Migration | undefined;
  let setupError: Error | undefined;
  const originals = new Map<string, RunResult>();
  const env = (): Record<string, string> => ({
    REDIS_URL: server!.url,
    REDIS_HOST: "127.0.0.1",
    REDIS_PORT: String(server!.port),
  });

  /** Flushes the server, runs one program, and reports whether it left keys behind. */
  async function runClean(file: string, cwd: string): Promise<{ run: RunResult; leftover: string[] }> {
    await server!.flushAll();
    const run = await runPython(file, cwd, env());
    return { run, leftover: await server!.keyspace() };
  }

  before(async () => {
    try {
      console.log(`# differential: ${checkPython()}`);
      server = await startRedis();
      console.log(`# differential: redis-server ${server.version} on 127.0.0.1:${server.port}`);
      work = mkdtempSync(join(tmpdir(), "redis-migrate-diff-"));
      migrated = join(work, "programs");
      mkdirSync(migrated);
      for (const p of programs) copyFileSync(join(PROGRAMS_DIR, p), join(migrated, p));
      migration = await migrateAll(migrated);
      console.log(`# differential: migrated via ${migration.via}; ${migration.steps.length} manual steps reported`);
      // Originals, one at a time against a flushed server (they are quick: ~0.3 s each).
      for (const p of programs) {
        const { run, leftover } = await runClean(join(PROGRAMS_DIR, p), work);
        originals.set(p, leftover.length > 0 && run.status === 0 ? { ...run, status: -1, stderr: `${run.stderr}\nleft keys behind: ${leftover.join(" ")}` } : run);
      }
    } catch (e) {
      setupError = e as Error;
      throw e;
    }
  });

  after(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const ready = (): void => {
    if (setupError) throw setupError;
    assert.ok(server && migration, "setup did not complete");
  };

  it(`has at least ${MIN_PROGRAMS} programs, and the table names only existing programs`, () => {
    assert.ok(programs.length >= MIN_PROGRAMS, `${programs.length} programs in ${PROGRAMS_DIR}`);
    for (const name of Object.keys(EXPECTED)) assert.ok(programs.includes(name), `EXPECTED names ${name}, which does not exist`);
  });

  it("migrates through the CLI (src/cli.ts --write --redis-version 4.2 --json)", () => {
    ready();
    assert.equal(migration!.via, "cli", migration!.log);
  });

  for (const name of programs) {
    const exp: Expectation = EXPECTED[name] ?? { steps: [] };
    it(name, async () => {
      ready();
      const problems: string[] = [];
      const original = originals.get(name)!;
      if (original.status !== 0) problems.push(`the ORIGINAL program failed under aioredis 1.3.1: ${describeRun(original)}`);

      if (migration!.stepsError) problems.push(migration!.stepsError);
      else {
        const got = migration!.steps.filter((s) => basename(s.file) === name);
        const diff = compareSteps(exp.steps, got);
        if (diff.length > 0) problems.push(`manual steps differ from the table:\n${diff.join("\n")}`);
      }

      const source = readFileSync(join(migrated, name), "utf8");
      if (source === readFileSync(join(PROGRAMS_DIR, name), "utf8")) problems.push("the migration left the file unchanged");
      const left = aioredisMentions(source);
      if (left.length > 0) problems.push(`the migrated code still names aioredis:\n  ${left.join("\n  ")}`);

      if (exp.noOutputCheck === undefined) {
        const { run } = await runClean(join(migrated, name), work);
        if (run.status !== 0 || run.timedOut) problems.push(`the MIGRATED program failed: ${describeRun(run)}`);
        else if (run.stdout !== original.stdout) {
          problems.push(`outputs differ (- original, + migrated):\n${outputDiff(original.stdout, run.stdout)}\n--- migrated stderr ---\n${run.stderr}`);
        }
      }
      if (problems.length > 0) {
        assert.fail(`${name}:\n${problems.join("\n\n")}\n\n--- migrated source ---\n${source}`);
      }
    });
  }

  describe("the programs are fair: hand-written redis.asyncio migrations reproduce their output", () => {
    for (const name of programs) {
      if (EXPECTED[name]?.noOutputCheck !== undefined) continue;
      it(`reference/${name}`, async () => {
        ready();
        const ref = join(REFERENCE_DIR, name);
        assert.ok(existsSync(ref), `no hand-written migration at ${ref}`);
        const original = originals.get(name)!;
        assert.equal(original.status, 0, `original failed: ${describeRun(original)}`);
        assert.deepEqual(aioredisMentions(readFileSync(ref, "utf8")), [], "the reference must not use aioredis");
        const { run, leftover } = await runClean(ref, work);
        assert.equal(run.status, 0, `reference failed: ${describeRun(run)}`);
        assert.deepEqual(leftover, [], "the reference left keys behind");
        assert.equal(run.stdout, original.stdout, outputDiff(original.stdout, run.stdout));
      });
    }
  });
});
