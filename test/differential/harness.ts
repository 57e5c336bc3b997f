/**
 * Helpers of the differential suite: a throw-away redis-server on a free loopback port, a tiny RESP client
 * (PING / FLUSHALL / INFO), running Python programs with the Debian interpreter, and reading the migration's
 * manual steps out of the CLI's JSON output.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { parsePython, type SyntaxNode } from "../../src/migrate/parser.js";

/** The interpreter that sees Debian's python3-aioredis (1.3.1) and python3-redis (4.3.4). */
export const PYTHON = "/usr/bin/python3";
export const PROGRAM_TIMEOUT_MS = 20_000;

export class MissingPrerequisite extends Error {
  constructor(what: string) {
    super(
      `${what}\nThe differential suite needs redis-server and ${PYTHON} with aioredis 1.3.x and redis >= 4.2: ` +
        "run `bash scripts/install-test-deps.sh` (Debian: apt-get install redis-server python3-aioredis python3-redis).",
    );
    this.name = "MissingPrerequisite";
  }
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** redis-server from PATH, else /usr/bin/redis-server (Debian's path; /usr/bin may be missing from PATH). */
export function findRedisServer(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && executable(join(dir, "redis-server"))) return join(dir, "redis-server");
  }
  if (executable("/usr/bin/redis-server")) return "/usr/bin/redis-server";
  throw new MissingPrerequisite("redis-server was not found on PATH nor at /usr/bin/redis-server.");
}

/** Fails with a clear message unless /usr/bin/python3 imports aioredis 1.3.x and redis.asyncio. */
export function checkPython(): string {
  if (!executable(PYTHON)) throw new MissingPrerequisite(`${PYTHON} was not found.`);
  const r = spawnSync(
    PYTHON,
    [
      "-c",
      "import aioredis, redis, redis.asyncio\n" +
        "assert aioredis.__version__.startswith('1.3'), 'aioredis ' + aioredis.__version__\n" +
        "print('aioredis', aioredis.__version__, 'redis', redis.__version__)",
    ],
    { encoding: "utf8", timeout: PROGRAM_TIMEOUT_MS, env: pythonEnv({}) },
  );
  if (r.status !== 0) {
    throw new MissingPrerequisite(`${PYTHON} cannot import aioredis 1.3.x and redis.asyncio:\n${r.stderr || r.error}`);
  }
  return r.stdout.trim();
}

/** A minimal environment: no PYTHONPATH / virtualenv leaking in from the caller. */
export function pythonEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? tmpdir(),
    LANG: "C.UTF-8",
    PYTHONIOENCODING: "utf-8",
    PYTHONDONTWRITEBYTECODE: "1",
    PYTHONHASHSEED: "0",
    ...extra,
  };
}

export interface RunResult {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

/** Runs one Python program (asynchronously, so several can run at once) with a hard timeout. */
export function runPython(file: string, cwd: string, env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(PYTHON, [file], { cwd, env: pythonEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, PROGRAM_TIMEOUT_MS);
    child.on("error", (e) => {
      stderr += String(e);
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, timedOut, ms: Date.now() - t0 });
    });
  });
}

export function describeRun(r: RunResult): string {
  const how = r.timedOut ? `timed out after ${PROGRAM_TIMEOUT_MS} ms` : `exit ${r.status}${r.signal ? ` (${r.signal})` : ""}`;
  return `${how}\n--- stdout ---\n${r.stdout}--- stderr ---\n${r.stderr}`;
}

/** Runs async jobs with at most `limit` at a time, keeping the order of results. */
export async function pool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// ---------------------------------------------------------------- redis-server

function encodeCommand(args: readonly string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("");
}

/** Sends one command and returns the raw reply (status, error, integer or bulk string). */
export function redisCommand(port: number, args: readonly string[], timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = createConnection({ host: "127.0.0.1", port });
    let buf = "";
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`redis ${args[0]}: no reply within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = (err: Error | null, value?: string): void => {
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(value!);
    };
    sock.setEncoding("utf8");
    sock.on("connect", () => sock.write(encodeCommand(args)));
    sock.on("error", (e) => finish(e));
    sock.on("data", (d: string) => {
      buf += d;
      const eol = buf.indexOf("\r\n");
      if (eol < 0) return;
      const head = buf.slice(0, eol);
      if (head[0] === "$") {
        const len = Number(head.slice(1));
        if (len < 0) return finish(null, "");
        // Lengths are in bytes; INFO replies are ASCII.
        if (buf.length >= eol + 2 + len + 2) finish(null, buf.slice(eol + 2, eol + 2 + len));
        return;
      }
      if (head[0] === "-") return finish(new Error(`redis ${args[0]}: ${head.slice(1)}`));
      finish(null, head.slice(1));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly version: string;
  flushAll(): Promise<void>;
  /** `db0:keys=1,…` lines of INFO keyspace (empty when the server holds no key). */
  keyspace(): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts redis-server on a free 127.0.0.1 port in a temp dir, without persistence, and waits for PING. */
export async function startRedis(): Promise<RedisServer> {
  const bin = findRedisServer();
  const dir = mkdtempSync(join(tmpdir(), "redis-migrate-diff-redis-"));
  let lastError = "";
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      bin,
      ["--save", "", "--appendonly", "no", "--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--daemonize", "no"],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let log = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (log += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (log += d));
    let exited = false;
    // Never outlive the test process, even when it ends without running `after` (uncaught error, process.exit).
    const reap = (): void => {
      if (!exited) child.kill("SIGKILL");
    };
    process.once("exit", reap);
    child.on("exit", () => {
      exited = true;
      process.removeListener("exit", reap);
    });
    child.on("error", (e) => {
      exited = true;
      log += String(e);
    });
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline) {
      try {
        if ((await redisCommand(port, ["PING"], 500)) === "PONG") {
          const info = await redisCommand(port, ["INFO", "server"]);
          const version = /redis_version:(\S+)/.exec(info)?.[1] ?? "?";
          const stop = async (): Promise<void> => {
            if (child.exitCode === null && child.signalCode === null) {
              const gone = new Promise<void>((r) => child.once("exit", () => r()));
              child.kill("SIGTERM");
              await Promise.race([gone, sleep(5000)]);
              if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
            }
            rmSync(dir, { recursive: true, force: true });
          };
          return {
            port,
            url: `redis://127.0.0.1:${port}/0`,
            version,
            flushAll: async () => {
              const r = await redisCommand(port, ["FLUSHALL"]);
              if (r !== "OK") throw new Error(`FLUSHALL: ${r}`);
            },
            keyspace: async () =>
              (await redisCommand(port, ["INFO", "keyspace"]))
                .split("\r\n")
                .filter((l) => /^db\d+:/.test(l)),
            stop,
          };
        }
      } catch {
        // not up yet
      }
      await sleep(50);
    }
    if (!exited) child.kill("SIGKILL");
    lastError = log;
    // Port taken between freePort() and bind: try another one.
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`redis-server (${bin}) did not answer PING:\n${lastError}`);
}

// ---------------------------------------------------------------- migration output

export interface FoundStep {
  readonly file: string;
  readonly ruleId: string;
  readonly line: number;
  readonly originalLine: number;
  readonly what: string;
}

/**
 * Every manual step in the CLI's JSON report, whatever its exact nesting: objects with a string `ruleId` and a
 * string `what`, attributed to the nearest `file` (or `path`) on the object or an enclosing object.
 */
export function manualStepsFromJson(report: unknown): FoundStep[] {
  const out: FoundStep[] = [];
  const visit = (v: unknown, file: string | undefined): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x, file);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    const here = typeof o.file === "string" ? o.file : typeof o.path === "string" ? o.path : file;
    if (typeof o.ruleId === "string" && typeof o.what === "string") {
      out.push({
        file: here ?? "",
        ruleId: o.ruleId,
        line: typeof o.line === "number" ? o.line : -1,
        originalLine: typeof o.originalLine === "number" ? o.originalLine : -1,
        what: o.what,
      });
      return;
    }
    for (const x of Object.values(o)) visit(x, here);
  };
  visit(report, undefined);
  return out;
}

/**
 * The source with comments and docstrings (string-only expression statements) blanked out (line breaks kept), so
 * that a check for a leftover `aioredis` looks at code only.
 */
export function codeOnly(source: string): string {
  const tree = parsePython(source);
  const ranges: [number, number][] = [];
  const walk = (n: SyntaxNode): void => {
    if (n.type === "comment") ranges.push([n.startIndex, n.endIndex]);
    else if (n.type === "expression_statement" && n.namedChildCount === 1 && n.namedChildren[0].type === "string") {
      ranges.push([n.startIndex, n.endIndex]);
    } else for (const c of n.children) walk(c);
  };
  walk(tree.rootNode);
  let out = source;
  // blanked, not removed: line breaks stay, so line numbers still match the source
  for (const [a, b] of ranges.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + out.slice(a, b).replace(/[^\r\n]/g, " ") + out.slice(b);
  return out;
}

/** Lines (1-based, with text) of the code that still name aioredis. */
export function aioredisMentions(source: string): string[] {
  const code = codeOnly(source).split(/\r?\n/);
  const lines = source.split(/\r?\n/);
  const hits: string[] = [];
  code.forEach((l, i) => {
    if (/aioredis/.test(l)) hits.push(`${i + 1}: ${lines[i]}`);
  });
  return hits;
}

/** A compact line diff (for assertion messages): lines only in one output are marked - / +. */
export function outputDiff(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const rows: string[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) rows.push(`  ${a[i] ?? ""}`);
    else {
      if (a[i] !== undefined) rows.push(`- ${a[i]}`);
      if (b[i] !== undefined) rows.push(`+ ${b[i]}`);
    }
  }
  return rows.join("\n");
}
