#!/usr/bin/env node
/**
 * `redis-migrate [options] [PATH]`: walk → read → migrate (pure) → report (pure) → print / write.
 * stdout carries only what was asked for: the diff and summary, or the JSON, or the Markdown report (`--report -`,
 * which moves the diff and summary to stderr). Exit status: see `HELP` and docs/cli.md.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { HELP, parseCliArgs, UsageError, useColour, type CliArgs } from "./cli/args.js";
import { EXIT_ERROR, exitCode } from "./cli/exit-code.js";
import { Progress } from "./cli/progress.js";
import { readToolVersion } from "./io/package-version.js";
import { loadFiles } from "./io/read.js";
import { walkProject, WalkError } from "./io/walk.js";
import { writeFileAtomic } from "./io/write.js";
import { assembleMigration } from "./report/assemble.js";
import { unifiedDiff } from "./report/diff.js";
import { toJsonReport } from "./report/json.js";
import { renderMarkdownReport } from "./report/markdown/index.js";
import { changedTexts, summarize, type MigrationReport } from "./report/model.js";
import { colorDiff, summaryText } from "./report/terminal.js";

/** Show a progress bar above this many files (and only on a terminal). */
const PROGRESS_THRESHOLD = 200;

const stdout = process.stdout;
const stderr = process.stderr;

function fail(message: string): void {
  stderr.write(`redis-migrate: ${message}\n`);
}

interface Planned {
  readonly report: MigrationReport;
  /** Encoded new contents of each changed file, keyed by path. */
  readonly writes: ReadonlyMap<string, { absolute: string; bytes: Uint8Array; original: Uint8Array }>;
  /** Skipped or unparsable files that name aioredis: work left undone. */
  readonly unmigratable: number;
  readonly errors: readonly string[];
}

/** Reads the tree and migrates it in memory; nothing is written. */
async function plan(args: CliArgs, toolVersion: string, showProgress: boolean): Promise<Planned> {
  const walk = await walkProject(resolve(args.path));
  const candidates = [...walk.python, ...walk.manifests];
  const progress = showProgress && candidates.length > PROGRESS_THRESHOLD
    ? new Progress((t) => stderr.write(t), candidates.length, "files read")
    : undefined;
  const py = await loadFiles(walk.python, (n) => progress?.update(n));
  const mf = await loadFiles(walk.manifests, (n) => progress?.update(walk.python.length + n));
  progress?.show(`migrating ${py.files.length} Python files…`);

  const assembled = assembleMigration({
    toolVersion,
    target: args.target,
    todoComments: args.todoComments,
    python: py.files,
    manifests: mf.files,
    skipped: [...py.skipped, ...mf.skipped],
  });
  progress?.clear();

  // Every changed file is encoded already, so one that cannot be written back is reported before anything is written.
  const loaded = new Map([...py.files, ...mf.files].map((f) => [f.path, f]));
  const writes = new Map<string, { absolute: string; bytes: Uint8Array; original: Uint8Array }>();
  for (const [path, bytes] of assembled.writes) {
    const src = loaded.get(path)!;
    writes.set(path, { absolute: src.absolute, bytes, original: src.bytes });
  }
  const unmigratable =
    py.skippedMentioningAioredis.length + mf.skippedMentioningAioredis.length + assembled.syntaxErrors.length + assembled.unencodable.length;

  return {
    report: assembled.report,
    writes,
    unmigratable,
    errors: [...walk.warnings, ...py.errors, ...mf.errors],
  };
}

async function run(args: CliArgs): Promise<number> {
  const toolVersion = await readToolVersion();
  // With `--report -` stdout holds the report, so people's output moves to stderr.
  const human = args.report === "-" ? stderr : stdout;
  const colour = useColour(args.color, process.env, human.isTTY === true);
  const { report, writes, unmigratable, errors } = await plan(args, toolVersion, stderr.isTTY === true && !args.quiet);
  const changed = changedTexts(report);

  if (!args.json && !args.quiet) {
    for (const f of changed) human.write(colorDiff(unifiedDiff(f.input, f.output, { path: f.file }), colour));
    if (changed.length > 0) human.write("\n");
  }

  const writeErrors: string[] = [];
  if (args.write) {
    for (const f of changed) {
      const w = writes.get(f.file)!;
      try {
        await writeFileAtomic(w.absolute, w.bytes, w.original);
      } catch (e) {
        writeErrors.push(`${f.file}: not written: ${(e as Error).message}`);
      }
    }
  }
  const allErrors = [...errors, ...writeErrors];

  if (args.json) {
    stdout.write(JSON.stringify(toJsonReport(report, { written: args.write, warnings: allErrors }), null, 2) + "\n");
  } else if (!args.quiet) {
    human.write(summaryText(report, { colour, mode: args.write ? "write" : "dry-run", writeFailures: writeErrors.length }));
  }
  for (const e of allErrors) fail(e);

  if (args.report !== undefined) {
    const markdown = renderMarkdownReport(report);
    if (args.report === "-") stdout.write(markdown);
    else {
      try {
        await writeFile(resolve(args.report), markdown);
      } catch (e) {
        allErrors.push(`cannot write the report to ${args.report}: ${(e as Error).message}`);
        fail(allErrors[allErrors.length - 1]!);
      }
    }
  }

  const s = summarize(report);
  return exitCode({
    pendingFiles: args.write ? writeErrors.length : s.changed,
    manualSteps: s.manualSteps + s.leftoverTodos,
    unmigratable,
    errors: allErrors.length,
  });
}

async function main(argv: readonly string[]): Promise<number> {
  // A closed pipe (`redis-migrate | head`) is not an error worth a stack trace.
  stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail(`${e.message}\nRun "redis-migrate --help" for usage.`);
    return EXIT_ERROR;
  }
  if (args.help) {
    stdout.write(HELP);
    return 0;
  }
  if (args.version) {
    stdout.write((await readToolVersion()) + "\n");
    return 0;
  }
  try {
    return await run(args);
  } catch (e) {
    if (e instanceof WalkError) fail(e.message);
    else fail(`unexpected error: ${(e as Error).stack ?? e}`);
    return EXIT_ERROR;
  }
}

process.exitCode = await main(process.argv.slice(2));
