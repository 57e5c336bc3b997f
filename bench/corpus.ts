/**
 * Deterministic generator of a real-looking Python code base for the benchmark (no network, no files needed).
 *
 * Every module is assembled from templates: module docstring, imports, constants, dataclasses, enums, classes with
 * properties and class methods, async functions with `async with` / `async for`, decorators, f-strings, type hints,
 * comprehensions, try/except/finally, comments and non-ASCII strings. A few files use CRLF line endings or tabs.
 * Modules that "use aioredis" get one to several aioredis 1.x idioms woven between the ordinary code:
 * `create_redis_pool`, `create_redis`, `set(..., expire=)`, `hmset_dict`, `multi_exec`, pipelines,
 * `with await pool as conn`, `close()` + `wait_closed()`, exceptions, pub/sub channels, `iscan`. Some ordinary modules
 * contain names the prefilter also looks for once a repository uses aioredis, as real code does: asyncio streams'
 * `writer.wait_closed()` and `asyncio.gather(..., return_exceptions=True)`.
 */

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  "user", "order", "session", "invoice", "product", "account", "event", "message", "job", "task", "token", "cart",
  "profile", "report", "metric", "payment", "shipment", "customer", "review", "comment", "notification",
  "subscription", "feed", "article", "tag", "device", "sensor", "reading", "booking", "ticket", "upload", "record",
  "batch", "quota", "tenant", "webhook", "schedule", "snapshot", "coupon", "warehouse", "route", "listing",
];
const VERBS = [
  "get", "fetch", "load", "save", "update", "delete", "create", "process", "handle", "validate", "compute", "render",
  "sync", "refresh", "schedule", "parse", "serialize", "export", "archive", "notify", "resolve", "build", "apply",
  "collect", "merge", "normalize", "check", "record", "dispatch", "prepare",
];
const ADJECTIVES = ["active", "pending", "recent", "stale", "primary", "default", "cached", "remote", "local", "expired"];
const TYPES = ["int", "str", "float", "bool", "bytes", "dict", "list", "Optional[str]", "List[int]", "Dict[str, Any]",
  "Optional[Dict[str, Any]]", "Sequence[str]", "datetime", "timedelta", "list[str] | None", "tuple[int, ...]"];
const NON_ASCII = ["café", "naïve résumé", "Größe", "東京", "данные", "🚀 launched", "señor", "Ünïcödé ✓", "日本語のテキスト", "emoji 🎉🎉"];
const WORDS = [
  "the", "value", "is", "stored", "for", "a", "short", "while", "before", "it", "expires", "and", "we", "retry",
  "request", "when", "upstream", "service", "returns", "an", "error", "this", "keeps", "handler", "simple", "fast",
  "data", "cache", "lookup", "fallback", "current", "state", "of", "every", "item", "in", "batch", "queue",
];

/** Builds one module's lines with a PRNG; every helper returns lines (without newline characters). */
class ModuleWriter {
  private readonly used = new Set<string>();
  /** Imports the module needs, in insertion order. */
  readonly imports = new Set<string>();

  constructor(private readonly r: () => number) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  sentence(min = 4, max = 12): string {
    const n = this.int(min, max);
    const words = Array.from({ length: n }, () => this.pick(WORDS));
    const s = words.join(" ");
    return s[0]!.toUpperCase() + s.slice(1) + ".";
  }
  /** A fresh snake_case name built from a verb and a noun. */
  fnName(): string {
    for (;;) {
      const n = `${this.pick(VERBS)}_${this.chance(0.4) ? this.pick(ADJECTIVES) + "_" : ""}${this.pick(NOUNS)}${this.chance(0.3) ? "s" : ""}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
  className(suffix: string): string {
    for (;;) {
      const noun = this.pick(NOUNS);
      const n = noun[0]!.toUpperCase() + noun.slice(1) + (this.chance(0.5) ? this.pick(["", "Batch", "Record"]) : "") + suffix;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
  param(): string {
    return `${this.pick(NOUNS)}_${this.pick(["id", "name", "count", "data", "key", "limit", "items"])}`;
  }

  comment(indent: string): string {
    return `${indent}# ${this.sentence(3, 10)}`;
  }

  docstring(indent: string, summary?: string): string[] {
    const first = summary ?? this.sentence(4, 9);
    if (this.chance(0.5)) return [`${indent}"""${first}"""`];
    const lines = [`${indent}"""${first}`, ""];
    for (let i = this.int(1, 3); i > 0; i--) lines.push(`${indent}${this.sentence(6, 14)}`);
    if (this.chance(0.5)) {
      lines.push("", `${indent}Args:`);
      for (let i = this.int(1, 3); i > 0; i--) lines.push(`${indent}    ${this.param()}: ${this.sentence(3, 7)}`);
    }
    lines.push(`${indent}"""`);
    return lines;
  }

  /** A simple expression. */
  expr(vars: readonly string[]): string {
    const v = vars.length > 0 ? this.pick(vars) : "settings";
    switch (this.int(0, 9)) {
      case 0: return `${v} + ${this.int(1, 99)}`;
      case 1: return `len(${v}) if ${v} else 0`;
      case 2: return `f"{${v}!r}-${this.pick(NOUNS)}-{${this.int(0, 9)}:02d}"`;
      case 3: return `[x for x in ${v} if x is not None]`;
      case 4: return `{k: v for k, v in sorted(${v}.items())}`;
      case 5: return `"${this.pick(NON_ASCII)}"`;
      case 6: return `max(${v}, key=lambda item: item.${this.pick(NOUNS)}_id, default=None)`;
      case 7: return `str(${v}).strip().lower()`;
      case 8: return `datetime.now(timezone.utc) - timedelta(seconds=${this.int(1, 3600)})`;
      default: return `getattr(${v}, "${this.pick(NOUNS)}", None)`;
    }
  }

  /** A block of ordinary statements at `indent`; `depth` limits nesting. `isAsync` allows `await`. */
  statements(indent: string, vars: string[], depth: number, isAsync: boolean, count: number): string[] {
    const out: string[] = [];
    const inner = indent + "    ";
    for (let i = 0; i < count; i++) {
      if (this.chance(0.15)) out.push(this.comment(indent));
      const kind = this.int(0, depth > 0 ? 13 : 6);
      const name = `${this.pick(NOUNS)}_${this.pick(["value", "result", "total", "items", "payload", "state"])}`;
      switch (kind) {
        case 0:
        case 1:
          out.push(`${indent}${name} = ${this.expr(vars)}${this.chance(0.2) ? `  # ${this.sentence(2, 5)}` : ""}`);
          vars.push(name);
          break;
        case 2:
          out.push(`${indent}logger.${this.pick(["debug", "info", "warning"])}("${this.sentence(2, 6).slice(0, -1)}: %s", ${vars.length ? this.pick(vars) : "None"})`);
          break;
        case 3:
          out.push(`${indent}${name}: ${this.pick(TYPES)} = ${this.pick(["None", "[]", "{}", "0", '""'])}`);
          vars.push(name);
          break;
        case 4:
          out.push(`${indent}${name} = {`);
          for (let k = this.int(2, 5); k > 0; k--) out.push(`${inner}"${this.pick(NOUNS)}_${k}": ${this.expr(vars)},`);
          out.push(`${indent}}`);
          vars.push(name);
          break;
        case 5:
          if (isAsync) out.push(`${indent}await asyncio.sleep(${this.pick(["0", "0.1", "DEFAULT_TIMEOUT / 10"])})`);
          else out.push(`${indent}assert ${vars.length ? this.pick(vars) : "True"} is not None, "${this.sentence(2, 5)}"`);
          break;
        case 6:
          out.push(`${indent}${name} = "${this.pick(NON_ASCII)}" if ${vars.length ? this.pick(vars) : "True"} else f"{${vars.length ? this.pick(vars) : "0"}}"`);
          vars.push(name);
          break;
        case 7:
          out.push(`${indent}if ${vars.length ? this.pick(vars) : "True"} is None:`);
          out.push(...this.statements(inner, [...vars], depth - 1, isAsync, this.int(1, 2)));
          if (this.chance(0.5)) {
            out.push(`${indent}elif ${this.expr(vars)}:`, `${inner}${name} = ${this.int(0, 9)}`);
            vars.push(name);
          }
          if (this.chance(0.5)) {
            out.push(`${indent}else:`);
            out.push(...this.statements(inner, [...vars], depth - 1, isAsync, this.int(1, 3)));
          }
          break;
        case 8: {
          const item = this.pick(NOUNS);
          out.push(`${indent}for ${item} in ${vars.length ? this.pick(vars) : "range(10)"}:`);
          out.push(...this.statements(inner, [...vars, item], depth - 1, isAsync, this.int(1, 3)));
          break;
        }
        case 9:
          out.push(`${indent}try:`);
          out.push(...this.statements(inner, [...vars], depth - 1, isAsync, this.int(1, 3)));
          out.push(`${indent}except (${this.pick(["KeyError", "ValueError", "TypeError"])}, ${this.pick(["OSError", "LookupError"])}) as exc:`);
          out.push(`${inner}logger.exception("${this.sentence(2, 5).slice(0, -1)}")`);
          out.push(`${inner}raise ${this.pick(["RuntimeError", "ValueError"])}(f"failed for {exc}") from exc`);
          if (this.chance(0.3)) out.push(`${indent}finally:`, `${inner}${this.pick(NOUNS)}_done = True`);
          break;
        case 10:
          if (isAsync) {
            out.push(`${indent}async with self.session.get(f"{self.base_url}/${this.pick(NOUNS)}s/{${vars.length ? this.pick(vars) : "0"}}") as resp:`);
            out.push(`${inner}resp.raise_for_status()`, `${inner}${name} = await resp.json()`);
          } else {
            out.push(`${indent}with open(os.path.join(BASE_DIR, "${this.pick(NOUNS)}.json"), encoding="utf-8") as fh:`);
            out.push(`${inner}${name} = json.load(fh)`);
          }
          vars.push(name);
          break;
        case 11:
          out.push(`${indent}${name}_attempts = 0`);
          out.push(`${indent}while ${vars.length ? this.pick(vars) : "False"} and ${name}_attempts < ${this.int(2, 5)}:`);
          out.push(`${inner}${name}_attempts += 1`);
          out.push(...this.statements(inner, [...vars], depth - 1, isAsync, 1));
          break;
        case 12:
          out.push(`${indent}if (${name} := ${this.expr(vars)}) is not None:`);
          out.push(`${inner}return ${name}`);
          break;
        default: {
          const each = this.pick(NOUNS);
          out.push(`${indent}${name} = sorted(`);
          out.push(`${inner}(${each} for ${each} in ${vars.length ? this.pick(vars) : "[]"}),`);
          out.push(`${inner}key=lambda entry: (entry is None, str(entry)),`);
          out.push(`${indent})`);
          vars.push(name);
        }
      }
    }
    return out;
  }

  decorators(indent: string): string[] {
    if (!this.chance(0.35)) return [];
    return [
      `${indent}${this.pick([
        `@router.get("/${this.pick(NOUNS)}s/{item_id}")`,
        "@functools.lru_cache(maxsize=128)",
        "@retry(attempts=3, backoff=0.5)",
        "@pytest.mark.asyncio",
        `@app.route("/api/${this.pick(NOUNS)}", methods=["GET", "POST"])`,
        "@log_calls",
      ])}`,
    ];
  }

  fn(indent: string, opts: { method?: boolean; async?: boolean } = {}): string[] {
    const isAsync = opts.async ?? this.chance(0.45);
    const name = this.fnName();
    const params: string[] = opts.method ? ["self"] : [];
    const vars: string[] = [];
    for (let i = this.int(0, 3); i > 0; i--) {
      const p = this.param();
      if (params.some((q) => q.startsWith(p))) continue;
      params.push(this.chance(0.7) ? `${p}: ${this.pick(TYPES)}` : p);
      vars.push(p);
    }
    if (this.chance(0.3)) params.push(`timeout: float = ${this.int(1, 30)}.0`);
    const ret = this.chance(0.7) ? ` -> ${this.pick(TYPES)}` : "";
    const inner = indent + "    ";
    const head = `${indent}${isAsync ? "async " : ""}def ${name}(${params.join(", ")})${ret}:`;
    const lines = [...this.decorators(indent), head];
    if (this.chance(0.7)) lines.push(...this.docstring(inner));
    if (vars.length === 0) {
      lines.push(`${inner}settings = get_settings()`);
      vars.push("settings");
    }
    lines.push(...this.statements(inner, vars, 2, isAsync, this.int(2, 7)));
    lines.push(`${inner}return ${vars.length ? this.pick(vars) : "None"}`);
    return lines;
  }

  cls(): string[] {
    const kind = this.int(0, 3);
    if (kind === 0) {
      const name = this.className("");
      const lines = ["@dataclass" + (this.chance(0.4) ? "(frozen=True)" : ""), `class ${name}:`, ...this.docstring("    ")];
      for (let i = this.int(2, 6); i > 0; i--) lines.push(`    ${this.param()}_${i}: ${this.pick(TYPES)}${this.chance(0.3) ? " = None" : ""}`);
      lines.push(`    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))`);
      return lines;
    }
    if (kind === 1) {
      const name = this.className("Status");
      const lines = [`class ${name}(str, Enum):`, ...this.docstring("    ")];
      for (const a of new Set(Array.from({ length: this.int(2, 5) }, () => this.pick(ADJECTIVES)))) lines.push(`    ${a.toUpperCase()} = "${a}"`);
      return lines;
    }
    if (kind === 2) {
      const name = this.className("Error");
      return [`class ${name}(${this.pick(["Exception", "RuntimeError", "ValueError"])}):`, ...this.docstring("    ", `Raised when ${this.sentence(3, 6).toLowerCase()}`)];
    }
    const name = this.className(this.pick(["Service", "Manager", "Client", "Repository", "Handler"]));
    const lines = [`class ${name}:`, ...this.docstring("    ")];
    lines.push("", `    def __init__(self, session: "ClientSession", base_url: str = "https://api.example.com") -> None:`);
    lines.push("        self.session = session", "        self.base_url = base_url.rstrip(\"/\")", "        self.interval = 0.5");
    if (this.chance(0.5)) {
      lines.push("", "    def __repr__(self) -> str:", `        return f"<${name} {self.base_url!r}>"`);
    }
    if (this.chance(0.4)) {
      lines.push("", "    @property", `    def ${this.pick(NOUNS)}_count(self) -> int:`, `        return len(self.__dict__)`);
    }
    for (let i = this.int(2, 5); i > 0; i--) lines.push("", ...this.fn("    ", { method: true }));
    return lines;
  }
}

/** How a module spells aioredis names: `aioredis.X` after `import aioredis`, or `X` after `from aioredis import X`. */
class AioredisStyle {
  readonly froms = new Set<string>();
  constructor(readonly moduleStyle: boolean) {}
  n(name: string): string {
    if (this.moduleStyle) return `aioredis.${name}`;
    this.froms.add(name);
    return name;
  }
  importLines(): string[] {
    if (this.moduleStyle) return ["import aioredis"];
    // a module that only receives clients still imports the class for its type hints
    if (this.froms.size === 0) return ["from aioredis import Redis", "", "RedisClient = Redis"];
    return [`from aioredis import ${[...this.froms].sort().join(", ")}`];
  }
}

/** aioredis 1.x idioms, each a top-level definition (a function or a class). */
function aioredisFragment(w: ModuleWriter, a: AioredisStyle, k: number): string[] {
  const noun = w.pick(NOUNS);
  const ttl = w.int(10, 3600);
  switch (k % 11) {
    case 0:
      return [
        "async def init_redis(app: web.Application) -> None:",
        `    """Create the Redis pool shared by the request handlers."""`,
        `    app["redis"] = await ${a.n("create_redis_pool")}(`,
        `        app["config"]["redis_url"],`,
        `        minsize=${w.int(1, 5)},`,
        `        maxsize=${w.int(10, 50)},`,
        ...(w.chance(0.5) ? [`        encoding="utf-8",`] : []),
        "    )",
        "",
        "",
        "async def close_redis(app: web.Application) -> None:",
        "    # the pool must be drained before the loop stops",
        `    app["redis"].close()`,
        `    await app["redis"].wait_closed()`,
      ];
    case 1: {
      const cls = `${noun[0]!.toUpperCase()}${noun.slice(1)}Cache`;
      return [
        `class ${cls}:`,
        `    """Caches ${noun}s in Redis for ${ttl} seconds."""`,
        "",
        `    def __init__(self, redis: ${a.n("Redis")}, ttl: int = ${ttl}) -> None:`,
        "        self.redis = redis",
        "        self.ttl = ttl",
        "",
        `    async def get(self, ${noun}_id: int) -> Optional[dict]:`,
        `        raw = await self.redis.get(f"${noun}:{${noun}_id}", encoding="utf-8")`,
        "        if raw is None:",
        "            return None",
        "        return json.loads(raw)",
        "",
        `    async def put(self, ${noun}_id: int, ${noun}: dict) -> None:`,
        `        await self.redis.set(f"${noun}:{${noun}_id}", json.dumps(${noun}), expire=self.ttl)`,
        "",
        `    async def put_many(self, ${noun}s: Dict[int, dict]) -> None:`,
        `        await self.redis.hmset_dict("${noun}s", {str(k): json.dumps(v) for k, v in ${noun}s.items()})`,
        "",
        `    async def all(self) -> Dict[str, str]:`,
        `        return await self.redis.hgetall("${noun}s", encoding="utf-8")`,
      ];
    }
    case 2:
      return [
        `async def transfer_${noun}_points(redis, src: str, dst: str, amount: int) -> list:`,
        `    """Move points between two ${noun}s atomically."""`,
        "    tr = redis.multi_exec()",
        `    tr.decrby(f"points:{src}", amount)`,
        `    tr.incrby(f"points:{dst}", amount)`,
        "    try:",
        "        return await tr.execute()",
        `    except ${a.n("MultiExecError")} as exc:`,
        `        logger.warning("transfer failed: %s", exc)`,
        "        raise",
      ];
    case 3:
      return [
        `async def load_${noun}_counters(redis: ${a.n("Redis")}, names: List[str]) -> Dict[str, int]:`,
        "    pipe = redis.pipeline()",
        `    futures = [pipe.get(f"counter:${noun}:{name}") for name in names]`,
        "    await pipe.execute()",
        "    return {name: int(await fut or 0) for name, fut in zip(names, futures)}",
      ];
    case 4:
      return [
        "async def ping(pool) -> bool:",
        "    with await pool as conn:",
        `        reply = await conn.execute("PING")`,
        `    return reply == b"PONG"`,
      ];
    case 5:
      return [
        `async def listen_${noun}s(redis, handler) -> None:`,
        `    channel, = await redis.subscribe("${noun}-events")`,
        "    try:",
        "        while await channel.wait_message():",
        "            message = await channel.get_json()",
        "            await handler(message)",
        "    finally:",
        `        await redis.unsubscribe("${noun}-events")`,
        "",
        "",
        `async def announce_${noun}(redis, ${noun}_id: int) -> int:`,
        `    return await redis.publish_json("${noun}-events", {"type": "created", "id": ${noun}_id, "note": "${w.pick(NON_ASCII)}"})`,
      ];
    case 6:
      return [
        "async def main() -> None:",
        `    redis = await ${a.n("create_redis")}("redis://localhost:6379/${w.int(0, 15)}")`,
        "    try:",
        `        await redis.set("greeting", "${w.pick(NON_ASCII)}", expire=${ttl})`,
        `        value = await redis.get("greeting", encoding="utf-8")`,
        `        print(f"value: {value}")`,
        "    finally:",
        "        redis.close()",
        "        await redis.wait_closed()",
      ];
    case 7:
      return [
        `async def safe_${noun}_lookup(redis, key: str) -> Optional[bytes]:`,
        "    try:",
        "        return await redis.get(key)",
        a.moduleStyle
          ? "    except (aioredis.ConnectionClosedError, aioredis.errors.ReplyError) as exc:"
          : `    except (${a.n("ConnectionClosedError")}, ${a.n("ReplyError")}) as exc:`,
        `        logger.error("redis lookup of %s failed: %s", key, exc)`,
        "        return None",
      ];
    case 8:
      return [
        `async def purge_${noun}s(redis, prefix: str = "${noun}") -> int:`,
        "    removed = 0",
        `    async for key in redis.iscan(match=f"{prefix}:*"):`,
        "        removed += await redis.delete(key)",
        "    return removed",
      ];
    case 9:
      return [
        `async def acquire_${noun}_lock(redis, name: str, ttl: int = ${ttl}) -> bool:`,
        "    # SET NX with an expiry: the classic single-instance lock",
        `    ok = await redis.set(f"lock:{name}", "1", expire=ttl, exist=redis.SET_IF_NOT_EXIST)`,
        "    return bool(ok)",
      ];
    default:
      return [
        `async def connect_${noun}_store(url: str):`,
        `    conn = await ${a.n("create_connection")}(url, db=${w.int(0, 3)})`,
        `    await conn.execute("SELECT", ${w.int(0, 3)})`,
        "    return conn",
      ];
  }
}

/** Asyncio stream code: no aioredis, but it calls `wait_closed()` (a 1.x-only name for the prefilter). */
function streamFragment(w: ModuleWriter): string[] {
  const noun = w.pick(NOUNS);
  return [
    `async def send_${noun}(host: str, port: int, payload: bytes) -> bytes:`,
    "    reader, writer = await asyncio.open_connection(host, port)",
    "    try:",
    "        writer.write(payload)",
    "        await writer.drain()",
    "        return await reader.read(65536)",
    "    finally:",
    "        writer.close()",
    "        await writer.wait_closed()",
  ];
}

/** `asyncio.gather(..., return_exceptions=True)`: no aioredis, but a keyword the prefilter looks for. */
function gatherFragment(w: ModuleWriter): string[] {
  const noun = w.pick(NOUNS);
  return [
    `async def refresh_all_${noun}s(ids: Sequence[int]) -> list:`,
    `    """Refresh every ${noun}; one failure must not cancel the others."""`,
    `    results = await asyncio.gather(*(refresh_${noun}(i) for i in ids), return_exceptions=True)`,
    "    for i, result in zip(ids, results):",
    "        if isinstance(result, Exception):",
    `            logger.warning("refreshing ${noun} %s failed: %s", i, result)`,
    "    return [r for r in results if not isinstance(r, Exception)]",
  ];
}

const BASE_IMPORTS = [
  "import asyncio",
  "import functools",
  "import json",
  "import logging",
  "import os",
  "from dataclasses import dataclass, field",
  "from datetime import datetime, timedelta, timezone",
  "from enum import Enum",
  "from typing import Any, Dict, List, Optional, Sequence",
];

export interface ModuleSpec {
  /** Number of aioredis idioms (0: an ordinary module). */
  readonly aioredisFragments: number;
  /** Include asyncio stream code calling `wait_closed()`. */
  readonly streams: boolean;
  /** Include `asyncio.gather(..., return_exceptions=True)`. */
  readonly gather: boolean;
  readonly crlf: boolean;
  readonly tabs: boolean;
  readonly bom: boolean;
  /** Approximate size in characters. */
  readonly size: number;
}

export function generateModule(r: () => number, spec: ModuleSpec): string {
  const w = new ModuleWriter(r);
  const a = new AioredisStyle(r() < 0.75);
  const body: string[][] = [];
  let size = 0;
  const items: (() => string[])[] = [() => w.fn(""), () => w.fn(""), () => w.cls(), () => w.cls(), () => [w.comment(""), ...w.fn("", { async: true })]];
  // Ordinary definitions until the size is reached, then the aioredis idioms at random positions.
  while (size < spec.size) {
    const item = w.pick(items)();
    size += item.reduce((n, l) => n + l.length + 1, 0);
    body.push(item);
  }
  for (let i = 0; i < spec.aioredisFragments; i++) {
    body.splice(w.int(0, body.length), 0, aioredisFragment(w, a, w.int(0, 10)));
  }
  if (spec.streams) body.splice(w.int(0, body.length), 0, streamFragment(w));
  if (spec.gather) body.splice(w.int(0, body.length), 0, gatherFragment(w));
  const lines: string[] = [];
  lines.push(...w.docstring(""), "");
  lines.push(...BASE_IMPORTS);
  if (spec.aioredisFragments > 0) {
    lines.push("", "from aiohttp import web");
    lines.push(...a.importLines());
  }
  lines.push("", "logger = logging.getLogger(__name__)", `BASE_DIR = os.path.dirname(os.path.abspath(__file__))`);
  lines.push(`DEFAULT_TIMEOUT = ${w.int(1, 60)}  # seconds`, "");
  for (const item of body) lines.push("", ...item, "");
  if (w.chance(0.2)) lines.push("", 'if __name__ == "__main__":', "    asyncio.run(main())" );
  let text = lines.join("\n").replace(/\n{3,}(?=\S)/g, "\n\n\n") + "\n";
  if (spec.tabs) text = text.replace(/^( {4})+/gm, (m) => "\t".repeat(m.length / 4));
  if (spec.crlf) text = text.replace(/\n/g, "\r\n");
  if (spec.bom) text = "\uFEFF" + text;
  return text;
}

export interface CorpusFile {
  readonly path: string;
  readonly text: string;
}

export interface CorpusOptions {
  readonly seed: number;
  /** Minimum total size in UTF-16 code units (≈ bytes for this mostly-ASCII corpus). */
  readonly minChars: number;
  /** Share of modules that use aioredis (1 = every module). */
  readonly aioredisShare: number;
  /** Share of modules with asyncio stream code (`wait_closed()` without aioredis). */
  readonly streamShare: number;
  /** Share of modules calling `asyncio.gather(..., return_exceptions=True)` (default 0.03). */
  readonly gatherShare?: number;
}

/** A whole tree of modules; same options, same files. */
export function generateCorpus(opts: CorpusOptions): CorpusFile[] {
  const r = prng(opts.seed);
  const files: CorpusFile[] = [];
  let total = 0;
  const packages = ["api", "services", "models", "workers", "utils", "tasks", "handlers", "storage"];
  let aioredisFiles = 0;
  for (let i = 0; total < opts.minChars; i++) {
    // Spread aioredis modules evenly (error diffusion), so even a small share shows up at every size.
    const wantAioredis = Math.floor((i + 1) * opts.aioredisShare) > aioredisFiles;
    if (wantAioredis) aioredisFiles++;
    const spec: ModuleSpec = {
      aioredisFragments: wantAioredis ? 1 + Math.floor(r() * 3) : 0,
      streams: r() < opts.streamShare,
      gather: r() < (opts.gatherShare ?? 0.03),
      crlf: r() < 0.04,
      tabs: r() < 0.03,
      bom: r() < 0.01,
      size: 2000 + Math.floor(r() * r() * 24000),
    };
    const text = generateModule(r, spec);
    const pkg = packages[i % packages.length]!;
    files.push({ path: `${pkg}/module_${String(i).padStart(5, "0")}.py`, text });
    total += text.length;
  }
  return files;
}
