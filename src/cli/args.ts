/** Command-line arguments: parsing, validation and the help text. Pure. */
import { parseArgs } from "node:util";
import type { RedisTarget } from "../migrate/findings.js";

export class UsageError extends Error {}

export interface CliArgs {
  readonly path: string;
  readonly write: boolean;
  readonly json: boolean;
  /** Markdown report destination; `-` is stdout. */
  readonly report?: string;
  readonly target: RedisTarget;
  readonly todoComments: boolean;
  readonly quiet: boolean;
  /** `--color` / `--no-color`, whichever came last; undefined: decide from the terminal and NO_COLOR. */
  readonly color?: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export const HELP = `Usage: redis-migrate [options] [PATH]

Migrates Python code under PATH (default: .) from aioredis 1.x/2.x to redis-py's redis.asyncio.
Without --write nothing is changed: it prints the diff of every file it would change and a summary.

Options:
  --write                  apply the changes in place (each file keeps its encoding and permissions)
  --json                   print the findings as JSON on stdout, and nothing else
  --report FILE            write the Markdown report (the pull request body) to FILE; - for stdout
                           (the diff and summary then go to stderr)
  --redis-version VERSION  the lowest redis-py the code must run on (default 5.0.1):
                             5, 5.0, 5.0.1 or newer emit aclose(); 4.2 up to 5.0.0 emit close()
  --no-todo-comments       do not add "# TODO(redis-migrate): ..." above code that needs a person
  --quiet                  print no diff and no summary (errors, --json and --report - still print)
  --color, --no-color      force colours on or off (default: on for a terminal, off if NO_COLOR is set)
  -h, --help               show this help
  -v, --version            show the version

Exit status:
  0  nothing left to do: no change pending and no manual step
  1  work remains: changes pending (dry run), manual steps or "# TODO(redis-migrate)" comments, or
     files using aioredis that could not be migrated (syntax errors, encodings)
  2  usage error, or a file could not be read or written
`;

/**
 * The target for a redis-py version. Missing parts mean "that release line": 5 and 5.0 get aclose(); only
 * 5.0.0 itself lacks it. redis.asyncio first shipped in 4.2.
 */
export function parseRedisVersion(value: string): RedisTarget {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(value.trim());
  if (!m) throw new UsageError(`--redis-version: "${value}" is not a version number (e.g. 5.0.1 or 4.2)`);
  const [major, minor, patch] = [m[1], m[2], m[3]].map((p) => (p === undefined ? undefined : Number(p)));
  if (major! < 4 || (major === 4 && (minor === undefined || minor < 2))) {
    throw new UsageError(`--redis-version: redis.asyncio first shipped in redis-py 4.2, so "${value}" cannot be targeted (use 4.2 or later)`);
  }
  if (major === 4 || (major === 5 && minor === 0 && patch === 0)) return "4.2";
  return "5.0.1";
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        write: { type: "boolean" },
        json: { type: "boolean" },
        report: { type: "string" },
        "redis-version": { type: "string" },
        "no-todo-comments": { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals, tokens } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected one PATH, got ${positionals.length}: ${positionals.join(" ")}`);
  if (values.json && values.report === "-") throw new UsageError("--json and --report - both want stdout; write the report to a file");
  if (values.report === "") throw new UsageError("--report needs a file name (or - for stdout)");
  const lastColour = tokens.filter((t) => t.kind === "option" && (t.name === "color" || t.name === "no-color")).pop();
  return {
    path: positionals[0] ?? ".",
    write: values.write ?? false,
    json: values.json ?? false,
    report: values.report,
    target: values["redis-version"] === undefined ? "5.0.1" : parseRedisVersion(values["redis-version"]),
    todoComments: !values["no-todo-comments"],
    quiet: values.quiet ?? false,
    color: lastColour === undefined ? undefined : lastColour.kind === "option" && lastColour.name === "color",
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/** Colour on or off: the flag wins, then NO_COLOR (any value), FORCE_COLOR, TERM=dumb, then whether it is a terminal. */
export function useColour(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  if (env.TERM === "dumb") return false;
  return isTTY;
}
