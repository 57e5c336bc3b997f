/**
 * The App running for real against the simulated GitHub: the simulated GitHub on loopback, a fresh RSA key, and
 * the App started by Probot's own `run()` — the code path of `npm start` — configured only through Probot's usual
 * environment variables (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, HOST, PORT, and GHE_HOST/GHE_PROTOCOL pointing
 * Octokit at the simulated GitHub). Used by `npm run demo` and the end-to-end tests.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:net";
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { run, type Server } from "probot";
import { createApp } from "../index.js";
import { JobQueue } from "../jobs/queue.js";
import { SimulatedGitHub, type SeedRepository } from "./simulated-github/index.js";

export const DEMO_SECRET = "redis-migrate-demo-secret";
export const DEMO_INSTALLATION_ID = 4711;
export const WEBHOOK_PATH = "/api/github/webhooks";

export interface LogRecord {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface DemoEnvironmentOptions {
  /** Repositories to seed; the installation (on the first owner, all repositories) covers them. */
  readonly repositories: readonly SeedRepository[];
  readonly installationId?: number;
  readonly secret?: string;
  /** Where the App's log lines go besides `logs` (e.g. stderr for `--verbose`); default: nowhere. */
  readonly logTo?: NodeJS.WritableStream;
  readonly logLevel?: "debug" | "info" | "warn" | "error";
}

export interface DemoEnvironment {
  readonly github: SimulatedGitHub;
  readonly installationId: number;
  readonly secret: string;
  /** http://127.0.0.1:<port> of the App's HTTP server. */
  readonly appUrl: string;
  readonly webhookUrl: string;
  /** The App's work queue: `idle()` once every queued job has finished. */
  readonly queue: JobQueue;
  /** The App's log records (JSON). */
  readonly logs: LogRecord[];
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (Probot's server treats port 0 as "use 3000"). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startDemoEnvironment(options: DemoEnvironmentOptions): Promise<DemoEnvironment> {
  const installationId = options.installationId ?? DEMO_INSTALLATION_ID;
  const secret = options.secret ?? DEMO_SECRET;
  const github = new SimulatedGitHub();
  for (const r of options.repositories) github.addRepository(r);
  github.addInstallation({ id: installationId, account: options.repositories[0]!.owner, repositories: "all" });
  await github.start();

  const logs: LogRecord[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        try {
          logs.push(JSON.parse(line) as LogRecord);
        } catch {
          // not JSON: ignore
        }
      }
      options.logTo?.write(chunk);
      done();
    },
  });
  const log: Logger = pino({ level: options.logLevel ?? "info", base: undefined }, sink);

  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const port = await freePort();
  const queue = new JobQueue(4, (error) => log.error({ error: String(error) }, "job failed"));
  let server: Server;
  try {
    server = await run(createApp({ queue }), {
      log,
      env: {
        APP_ID: String(github.app.id),
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: secret,
        HOST: "127.0.0.1",
        PORT: String(port),
        GHE_HOST: github.host,
        GHE_PROTOCOL: "http",
        LOG_LEVEL: options.logLevel ?? "info",
      },
    });
  } catch (error) {
    await github.stop();
    throw error;
  }
  // run() installs a SIGINT handler that exits the process; the demo stops its servers itself
  const appUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    github,
    installationId,
    secret,
    appUrl,
    webhookUrl: `${appUrl}${WEBHOOK_PATH}`,
    queue,
    logs,
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.race([queue.idle(), new Promise((r) => setTimeout(r, 5_000).unref())]);
      await server.stop();
      await github.stop();
    },
  };
}
