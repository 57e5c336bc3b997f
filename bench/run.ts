/**
 * `npm run bench`: what the migration costs next to its unavoidable parts (see bench/README.md).
 *
 * Two generated trees (bench/corpus.ts, seeded, in memory): "sparse" (≈1% of modules use aioredis) and "dense"
 * (every module does). For each: the prefilter alone, tree-sitter parsing alone, and `migrateProject`; medians of
 * interleaved repetitions after a warm-up, and the ratios between them, all measured in this one run.
 *
 * Environment knobs: BENCH_MB (minimum size of each tree, default 10), BENCH_REPEATS (most repetitions, default 5),
 * BENCH_BUDGET_S (seconds the timed repetitions may take, default 90: fewer repetitions when the warm-up predicts
 * more, never fewer than 1, always printed), BENCH_SEED (default 20240611), BENCH_WRITE=1 (also write the trees to
 * bench/.corpus/ for inspection). Where the time goes: bench/profile.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { SourceFile } from "../src/migrate/project.js";
import { generateCorpus } from "./corpus.js";

// The engine as shipped: the JavaScript tsc compiled into dist/ (`npm run bench` builds it first), which is what the
// CLI and the app run. Through tsx the same code would carry esbuild's function-name wrappers and cost more.
const dist = (module: string): string => new URL(`../dist/src/migrate/${module}.js`, import.meta.url).href;
const { DEFAULT_OPTIONS } = (await import(dist("findings"))) as typeof import("../src/migrate/findings.js");
const { countSyntaxErrors, parsePython } = (await import(dist("parser"))) as typeof import("../src/migrate/parser.js");
const { mayInvolveAioredis, mentionsAioredis } = (await import(dist("prefilter"))) as typeof import("../src/migrate/prefilter.js");
const { migrateProject } = (await import(dist("project"))) as typeof import("../src/migrate/project.js");
const { moduleRegions, neededShare } = (await import(dist("regions/index"))) as typeof import("../src/migrate/regions/index.js");

const MB = Number(process.env.BENCH_MB ?? 10);
const MAX_REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 5));
const BUDGET_MS = 1000 * Number(process.env.BENCH_BUDGET_S ?? 90);
const SEED = Number(process.env.BENCH_SEED ?? 20240611);
const DENSE_TARGET = 1.5;
/** "Dominated by the prefilter": the prefilter is more than half of the sparse tree's migration time (wall-clock). */
const SPARSE_PREFILTER_SHARE = 0.5;
/** The warm-up runs every stage on every WARMUP_EVERY-th file, and so estimates one repetition. */
const WARMUP_EVERY = 10;
/** On a sparse tree it then migrates the files the prefilter selects this many times (see prepare). */
const SELECTED_WARMUPS = 40;

// A young-generation collection before each timed stage, so one stage's short-lived garbage is not collected on
// another's clock. Not a full one: V8 then throws away the engine's optimized code and recompiles it in every
// repetition (698 optimizing compiles after the warm-up on 3 MB trees, against 189), which a real run pays once.
// Check of the protocol: parse-only's CPU time stays equal to its wall-clock time (no other stage's collection runs
// on its clock).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as (options: { type: "minor" | "major" }) => void;
const gc = (): void => collect({ type: "minor" });

interface Tree {
  readonly name: string;
  readonly files: readonly SourceFile[];
  readonly bytes: number;
}

const utf8Bytes = (files: readonly SourceFile[]): number => files.reduce((n, f) => n + Buffer.byteLength(f.text, "utf8"), 0);

function makeTree(name: string, seed: number, aioredisShare: number): Tree {
  const files = generateCorpus({ seed, minChars: MB * 1_000_000, aioredisShare, streamShare: 0.02 });
  if (process.env.BENCH_WRITE === "1") {
    const root = join(import.meta.dirname, ".corpus", name.split(" ")[0]!);
    rmSync(root, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.text);
    }
  }
  return { name, files, bytes: utf8Bytes(files) };
}

const options = { target: DEFAULT_OPTIONS.target, todoComments: DEFAULT_OPTIONS.todoComments };

/**
 * The prefilter alone, as migrateProject applies it: which files name aioredis (one scan of each), then, when one
 * does, which of the others may involve it anyway (one more scan, a second look at the files with only 1.x spellings
 * common elsewhere). Returns the files that pass.
 */
function prefilterAll(files: readonly SourceFile[]): SourceFile[] {
  const passed: SourceFile[] = []; // first the files that name aioredis
  const others: SourceFile[] = [];
  for (const f of files) (mentionsAioredis(f.text) ? passed : others).push(f);
  const options = { repositoryUsesAioredis: passed.length > 0 };
  for (const f of others) if (mayInvolveAioredis(f.text, options)) passed.push(f);
  return passed;
}

/** tree-sitter alone: parsePython on every file. */
function parseAll(files: readonly SourceFile[]): void {
  for (const f of files) parsePython(f.text);
}

function migrateAll(files: readonly SourceFile[]) {
  return migrateProject(files, options);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Sample {
  /** Wall-clock milliseconds. */
  readonly wall: number;
  /** CPU milliseconds of this process (user + system): what other jobs on the box disturb least. */
  readonly cpu: number;
}

function time(fn: () => unknown): Sample {
  gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

interface Row {
  readonly stage: string;
  readonly files: number;
  readonly bytes: number;
  readonly samples: Sample[];
}

const medianOf = (samples: readonly Sample[], key: keyof Sample): number => median(samples.map((x) => x[key]));

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function printRows(tree: Tree, rows: readonly Row[]): void {
  const header = ["stage", "files", "MB", "CPU ms", "wall ms", "wall min–max", "files/s", "MB/s"];
  const body = rows.map((r) => {
    const cpu = medianOf(r.samples, "cpu");
    const walls = r.samples.map((x) => x.wall);
    return [
      r.stage,
      fmt(r.files),
      fmt(r.bytes / 1e6, 2),
      fmt(cpu, 1),
      fmt(median(walls), 1),
      `${fmt(Math.min(...walls), 0)}–${fmt(Math.max(...walls), 0)}`,
      fmt(r.files / (cpu / 1000)),
      fmt(r.bytes / 1e6 / (cpu / 1000), 1),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${tree.name}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

/** Which files the prefilter selects, and a warm-up that also estimates one repetition of this tree. */
function prepare(tree: Tree) {
  const files = tree.files;
  const selected = prefilterAll(files);
  const slice = files.filter((_, i) => i % WARMUP_EVERY === 0);
  const parseOnce = time(() => parseAll(slice));
  const estimate =
    WARMUP_EVERY *
    (time(() => prefilterAll(slice)).wall +
      parseOnce.wall * (selected.length === files.length ? 1 : 1 + selected.length / files.length) +
      time(() => migrateAll(slice)).wall);
  // The slice holds one or two of a sparse tree's selected files: too little for V8 to finish optimizing the engine,
  // which then kept compiling (on another thread: CPU time 10–40% over wall-clock) in the timed repetitions. Forty
  // migrations of those files (≈ 1 s) bring CPU time to within ≈ 10% of wall-clock.
  if (selected.length < files.length) for (let i = 0; i < SELECTED_WARMUPS; i++) migrateAll(selected);
  return { tree, selected, estimate };
}

function benchTree(p: ReturnType<typeof prepare>, repeats: number) {
  const { tree, selected } = p;
  const files = tree.files;
  const all = selected.length === files.length;
  const rows: Row[] = [
    { stage: "prefilter", files: files.length, bytes: tree.bytes, samples: [] },
    { stage: "parse-all", files: files.length, bytes: tree.bytes, samples: [] },
    { stage: all ? "parse-selected (= all)" : "parse-selected", files: selected.length, bytes: utf8Bytes(selected), samples: [] },
    { stage: "migration", files: files.length, bytes: tree.bytes, samples: [] },
  ];
  let result: ReturnType<typeof migrateAll> | undefined;
  // Interleaved, so a slow moment of the machine hits every stage alike.
  for (let i = 0; i < repeats; i++) {
    rows[0]!.samples.push(time(() => prefilterAll(files)));
    rows[1]!.samples.push(time(() => parseAll(files)));
    rows[2]!.samples.push(all ? rows[1]!.samples[i]! : time(() => parseAll(selected)));
    rows[3]!.samples.push(time(() => (result = migrateAll(files))));
  }
  printRows(tree, rows);

  const r = result!;
  const parsed = r.files.filter((f) => f.parsed).length;
  const changed = r.files.filter((f) => f.output !== f.input).length;
  const changes = r.files.reduce((n, f) => n + f.changes.length, 0);
  const steps = r.files.reduce((n, f) => n + f.manualSteps.length, 0);
  const naming = files.filter((f) => mentionsAioredis(f.text)).length;
  const brokenInput = files.filter((f) => countSyntaxErrors(parsePython(f.text)) > 0).length;
  // how much of the parsed files' text lies in the statements the engine parses (regions/): an estimate from the
  // first split (the engine may add statements that use a client the facts find)
  let parsedChars = 0;
  let neededChars = 0;
  for (const f of r.files.filter((x) => x.parsed)) {
    parsedChars += f.input.length;
    neededChars += neededShare(f.input, moduleRegions(f.input, [])) * f.input.length;
  }
  console.log(
    `files naming aioredis: ${naming}; parsed by the migration: ${parsed} (${fmt((100 * parsed) / files.length, 1)}%);` +
      ` changed: ${changed}; changes: ${changes}; manual steps: ${steps}` +
      `; generated files with syntax errors: ${brokenInput}; reported unparsable: ${r.syntaxErrors.length}` +
      `; text of the parsed files in the statements the engine parses: ${fmt((100 * neededChars) / Math.max(1, parsedChars), 1)}%`,
  );
  const [pre, parse, parseSel, mig] = rows.map((row) => medianOf(row.samples, "cpu")) as [number, number, number, number];
  const [wallPre, wallParse, wallParseSel, wallMig] = rows.map((row) => medianOf(row.samples, "wall")) as [number, number, number, number];
  return { pre, parse, parseSel, mig, wallPre, wallParse, wallParseSel, wallMig, parsed, files: files.length };
}

const t0 = performance.now();
console.log(`redis-migrate benchmark: seed ${SEED}, ≥ ${MB} MB per tree, node ${process.version}, the engine compiled in dist/ (as the CLI and the app run it)`);
const sparseTree = makeTree("sparse (≈1% of modules use aioredis)", SEED, 0.01);
const denseTree = makeTree("dense (every module uses aioredis)", SEED + 1, 1);
console.log(`corpus generated in ${fmt(performance.now() - t0)} ms`);

const prepared = [prepare(sparseTree), prepare(denseTree)];
const perRepetition = prepared.reduce((n, p) => n + p.estimate, 0);
const repeats = Math.max(1, Math.min(MAX_REPEATS, Math.floor(BUDGET_MS / perRepetition)));
console.log(
  `warm-up done at ${fmt((performance.now() - t0) / 1000, 1)} s; one repetition of every stage ≈ ${fmt(perRepetition / 1000, 1)} s` +
    ` → ${repeats} repetition${repeats === 1 ? "" : "s"} (median)` +
    (repeats < 3 ? `; fewer than 3 fit in the ${BUDGET_MS / 1000} s budget, so the medians are weak (raise BENCH_BUDGET_S)` : ""),
);
const [sparse, dense] = prepared.map((p) => benchTree(p, repeats)) as [ReturnType<typeof benchTree>, ReturnType<typeof benchTree>];

const denseRatio = dense.mig / dense.parse;
console.log("\ntargets (ratios of the medians of this run; files/s and MB/s above are per CPU second)");
console.log(
  `  dense:  migration / parse-only = ${denseRatio.toFixed(2)}× CPU time  (target ≤ ${DENSE_TARGET}×)  ${denseRatio <= DENSE_TARGET ? "PASS" : "MISS"}` +
    `  [wall-clock: ${(dense.wallMig / dense.wallParse).toFixed(2)}×]`,
);
console.log(
  `  sparse: ${sparse.parsed} of ${sparse.files} files parsed (${fmt((100 * sparse.parsed) / sparse.files, 1)}%);` +
    ` migration / prefilter = ${(sparse.wallMig / sparse.wallPre).toFixed(2)}× wall-clock;` +
    ` migration / parse-all = ${(sparse.wallMig / sparse.wallParse).toFixed(3)}×`,
);
// Wall-clock here: the sparse stages last ≈ 50–100 ms and run the engine on ≈ 10 files, so V8 is still optimizing
// engine functions during them (2–4 TurboFan compiles a repetition after 20 warm-ups), on another thread. CPU time
// counts that compiling (10–50% over wall-clock, varying run to run), wall-clock time does not, and the migration
// does not wait for it. The dense stages run ≈ 1,000 files: their compiling is done in the warm-up.
const share = sparse.wallPre / sparse.wallMig;
console.log(
  `          prefilter = ${fmt(100 * share, 0)}% of the migration time, wall-clock  (target > ${fmt(100 * SPARSE_PREFILTER_SHARE)}%)` +
    `  ${share > SPARSE_PREFILTER_SHARE ? "PASS" : "MISS"}  [CPU time: ${fmt((100 * sparse.pre) / sparse.mig, 0)}%]`,
);
console.log(
  `          parsing the selected files alone` +
    ` ${fmt((100 * sparse.wallParseSel) / sparse.wallMig, 0)}% of the migration time;` +
    ` migration / (prefilter + parse-selected) = ${(sparse.wallMig / (sparse.wallPre + sparse.wallParseSel)).toFixed(2)}×`,
);
console.log(`\ntotal ${fmt((performance.now() - t0) / 1000, 1)} s`);
// Skip tearing down thousands of tree-sitter trees and their node finalizers (tens of seconds on a busy box).
process.exit(0);
