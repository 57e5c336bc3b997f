/**
 * Where the migration's time goes: `npm run build && node --import tsx bench/profile.ts` (BENCH_MB, default 1; BENCH_SEED).
 *
 * Migrates a dense generated tree (every module uses aioredis) under V8's sampling CPU profiler and attributes every
 * sample to the outermost engine stage on its stack below `migrateFile`: the initial parse, the re-parses after each
 * round, building ModuleFacts, each rule's `apply` (by rule folder), TODO comments, and the rest of the engine
 * (findings, offset maps, selection of rewrites). A second table lists the functions with the most self time, and a
 * third the tree-sitter binding calls (node objects cost a cache entry each; `parent` walks down from the root).
 * Parse-only time is measured in the same process for scale. Writes the raw profile to bench/.corpus/migration.cpuprofile.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session, type Profiler } from "node:inspector";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateCorpus } from "./corpus.js";

// The engine as the benchmark runs it (dist/, compiled by tsc: `npm run build` first); PROFILE_SOURCES=1 profiles the
// TypeScript sources through tsx instead (no build needed, esbuild's name wrappers included).
const fromDist = process.env.PROFILE_SOURCES !== "1";
const engine = (module: string): string =>
  new URL(fromDist ? `../dist/src/migrate/${module}.js` : `../src/migrate/${module}.ts`, import.meta.url).href;
const { DEFAULT_OPTIONS } = (await import(engine("findings"))) as typeof import("../src/migrate/findings.js");
const { parsePython } = (await import(engine("parser"))) as typeof import("../src/migrate/parser.js");
const { migrateProject } = (await import(engine("project"))) as typeof import("../src/migrate/project.js");

const MB = Number(process.env.BENCH_MB ?? 1);
const SEED = Number(process.env.BENCH_SEED ?? 20240611) + 1;
const files = generateCorpus({ seed: SEED, minChars: MB * 1_000_000, aioredisShare: 1, streamShare: 0.02 });
const options = { target: DEFAULT_OPTIONS.target, todoComments: DEFAULT_OPTIONS.todoComments };

// warm-up
migrateProject(files.filter((_, i) => i % 10 === 0), options);
let t = performance.now();
for (const f of files) parsePython(f.text);
const parseMs = performance.now() - t;

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
await post("Profiler.enable");
await post("Profiler.setSamplingInterval", { interval: 200 });
await post("Profiler.start");
t = performance.now();
migrateProject(files, options);
const migrateMs = performance.now() - t;
const { profile } = await post<{ profile: Profiler.Profile }>("Profiler.stop");
session.disconnect();
const out = join(import.meta.dirname, ".corpus");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "migration.cpuprofile"), JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const sampleTime = new Map<number, number>();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
for (let i = 0; i < samples.length; i++) sampleTime.set(samples[i]!, (sampleTime.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);

const lastOf = <T>(xs: readonly T[], test: (x: T) => boolean): T | undefined => {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i]!)) return xs[i];
  return undefined;
};
const file = (n: Profiler.ProfileNode): string => n.callFrame.url.replace(/^file:\/\//, "");
const EXT = fromDist ? ".js" : ".ts";

/** The stage a frame starts, if it is one of the engine's stages. */
function stageOf(n: Profiler.ProfileNode, parent: Profiler.ProfileNode | undefined): string | undefined {
  const fn = n.callFrame.functionName;
  const url = file(n);
  const rule = /src\/migrate\/rules\/([^/]+)\//.exec(url);
  if (rule && fn === "apply") return `rule ${rule[1]}`;
  if (url.endsWith(`src/migrate/facts${EXT}`) && fn === "ModuleFacts") return "facts (ModuleFacts)";
  // applyRound is the round's re-parse: applying the edits to the text, reparsePython (edits, incremental parse, moving
  // the untouched nodes), the syntax check
  if (url.endsWith(`src/migrate/engine${EXT}`) && fn === "applyRound") return "re-parse after each round";
  if (url.endsWith(`src/migrate/parser${EXT}`) && fn === "parsePython" && parent && file(parent).endsWith(`engine${EXT}`) && parent.callFrame.functionName === "viewOf")
    return "initial parse";
  if (url.endsWith(`src/migrate/tree${EXT}`) && fn === "buildNodes") return "JavaScript nodes (tree.ts)";
  if (url.endsWith(`src/migrate/regions/index${EXT}`) && fn === "moduleRegions") return "regions: lexical split";
  if (url.endsWith(`src/migrate/regions/index${EXT}`) && fn === "addNeededNames") return "regions: needed names";
  if (url.endsWith(`src/migrate/todo${EXT}`)) return "TODO comments";
  if (url.endsWith(`src/migrate/plan${EXT}`) && fn === "NamePlan") return "name plan";
  return undefined;
}

const stages = new Map<string, number>();
const selfTime = new Map<string, number>();
const bindingCalls = new Map<string, number>();
const callers = new Map<string, number>();
let inMigrate = 0;
for (const [id, ms] of sampleTime) {
  const chain: Profiler.ProfileNode[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parentOf.get(cur)) chain.push(byId.get(cur)!);
  chain.reverse(); // root first
  const top = chain.findIndex((n) => n.callFrame.functionName === "migrateFile");
  if (top === -1) continue;
  inMigrate += ms;
  let stage = "engine (other)";
  for (let i = top + 1; i < chain.length; i++) {
    const s = stageOf(chain[i]!, chain[i - 1]);
    if (s) {
      stage = s;
      break;
    }
  }
  stages.set(stage, (stages.get(stage) ?? 0) + ms);
  // native code has no script: charge it to the nearest JavaScript caller
  let li = chain.length - 1;
  while (li > 0 && !chain[li]!.callFrame.url) li--;
  const leaf = chain[li]!;
  const where = `${leaf.callFrame.functionName || "(anonymous)"}  ${file(leaf).replace(/^.*\/(src|node_modules)\//, "$1/")}:${leaf.callFrame.lineNumber + 1}`;
  selfTime.set(where, (selfTime.get(where) ?? 0) + ms);
  const api = lastOf(chain, (n) => file(n).includes("node_modules/tree-sitter/"));
  if (api) {
    const outer = chain.find((n) => file(n).includes("node_modules/tree-sitter/"))!;
    const name = outer.callFrame.functionName || "(anonymous)";
    bindingCalls.set(name, (bindingCalls.get(name) ?? 0) + ms);
    if (name === "descendantsOfType" || name === "get parent") {
      const caller = lastOf(chain.slice(0, chain.indexOf(outer)), (n) => file(n).includes("/src/"));
      const at = caller ? `${caller.callFrame.functionName || "(anonymous)"}  ${file(caller).replace(/^.*\/src\//, "src/")}` : "?";
      callers.set(`${name} ← ${at}`, (callers.get(`${name} ← ${at}`) ?? 0) + ms);
    }
  }
}

// The initial parse inside the migration parses every file once, like parse-only, under the same conditions
// (this box is noisy): it is the unit of the "× parse" column.
const unit = stages.get("initial parse") ?? parseMs;
const pct = (ms: number): string => `${((100 * ms) / inMigrate).toFixed(1).padStart(5)}%`;
const table = (title: string, m: Map<string, number>, n: number): void => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`  ${v.toFixed(0).padStart(7)} ms  ${pct(v)}  ${(v / unit).toFixed(2).padStart(6)}× parse  ${k}`);
};
console.log(
  `dense tree: ${files.length} files, ${(files.reduce((n, f) => n + f.text.length, 0) / 1e6).toFixed(2)} M chars; ` +
    `parse-only ${parseMs.toFixed(0)} ms before the profile; migration ${migrateMs.toFixed(0)} ms under the profiler, ` +
    `${inMigrate.toFixed(0)} ms sampled in migrateFile = ${(inMigrate / unit).toFixed(1)}× its own initial parse (${unit.toFixed(0)} ms)`,
);
table("time by engine stage (outermost stage on the stack)", stages, 40);
table("self time, native calls charged to their JavaScript caller (top 25)", selfTime, 25);
table("time inside tree-sitter binding calls (by the API called)", bindingCalls, 12);
table("whole-tree scans and parent walks, by caller (top 20)", callers, 20);
process.exit(0);
