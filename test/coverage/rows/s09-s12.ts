import { manifest, mod, v2, type Section } from "../snippets.js";

/** A sentinel made by `create_sentinel` in `main()`, then `body`. */
function sentinel(body: string): ReturnType<typeof mod> {
  const lines = body.split("\n").map((l) => (l ? "    " + l : l));
  return mod(`import aioredis


async def main():
    s = await aioredis.create_sentinel([("localhost", 26379)])
# >>>
${lines.join("\n")}
# <<<
`);
}

export const SENTINEL: Section = {
  section: "9.1",
  title: "Sentinel",
  rows: [
    {
      row: "`s = await aioredis.create_sentinel([...], db=, password=, encoding=, minsize=, maxsize=, ssl=, timeout=)`",
      ref: "Manual",
      handling: "auto+flag",
      snippet: mod(`import aioredis


async def main():
# >>>
    s = await aioredis.create_sentinel([("localhost", 26379)], db=1, password="pw", encoding="utf-8", minsize=2, maxsize=20, timeout=0.5)
# <<<
    r = s.master_for("mymaster")
    await r.set("k", "v")
`),
      expect: [
        {
          kind: "auto",
          rule: "sentinel",
          contains: 's = Sentinel([("localhost", 26379)], db=1, password="pw", encoding="utf-8", decode_responses=True, max_connections=20, socket_connect_timeout=0.5, sentinel_kwargs={"socket_timeout": 0.5})',
        },
        { kind: "manual", rule: "sentinel", contains: "3.11" },
      ],
      fixture: "sentinel/create_sentinel_keywords",
      proof: "create_sentinel(",
    },
    {
      row: '`s.master_for("name")` → `Redis`',
      ref: "Auto",
      handling: "unchanged",
      snippet: sentinel(`r = s.master_for("mymaster")`),
      expect: "unchanged",
      fixture: "sentinel/master_and_slave",
      proof: "master_for(",
    },
    {
      row: '`s.slave_for("name")`',
      ref: "Auto",
      handling: "unchanged",
      snippet: sentinel(`ro = s.slave_for("mymaster")`),
      expect: "unchanged",
      fixture: "sentinel/master_and_slave",
      proof: "slave_for(",
    },
    {
      row: '`await s.master_address("name")` (now `discover_master`)',
      ref: "Auto",
      handling: "auto",
      snippet: sentinel(`host, port = await s.master_address("mymaster")`),
      expect: [{ kind: "auto", rule: "sentinel", contains: 'host, port = await s.discover_master("mymaster")' }],
      fixture: "sentinel/master_and_slave",
      proof: "master_address(",
    },
    {
      row: "`s.masters()`, `s.master(name)`, `s.slaves(name)`, … (now `sentinel_*` on a sentinel connection)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: sentinel(`masters = await s.masters()`),
      expect: [{ kind: "manual", rule: "sentinel", contains: "s.sentinels[0].sentinel_masters()" }],
      fixture: "sentinel/admin_commands",
      proof: "masters()",
    },
    {
      row: "`s.close(); await s.wait_closed()`",
      ref: "Manual",
      handling: "manual",
      snippet: sentinel(`s.close()
await s.wait_closed()`),
      expect: [{ kind: "manual", rule: "sentinel", contains: "master_for" }, { kind: "absent", contains: "s.aclose(" }],
      fixture: "sentinel/close_and_wait",
      proof: "wait_closed()",
      note: "`lifecycle` leaves the pair of a name assigned from `create_sentinel` (or the `Sentinel` it became) to the sentinel rule: a `Sentinel` has no `aclose()` (fixture `lifecycle/sentinel_not_a_client`).",
    },
    {
      row: "`aioredis.sentinel.SentinelPool`, `ManagedPool`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis.sentinel


# >>>
def pool_of(p: aioredis.sentinel.SentinelPool):
# <<<
    return p
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "SentinelConnectionPool" }],
      fixture: "type-references/manual_references",
    },
  ],
};

export const LOCKS: Section = {
  section: "9.2",
  title: "Locks",
  rows: [
    {
      row: "`from aioredis.locks import Lock` (a patched `asyncio.Lock`)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis.locks import Lock
# <<<

_guard = Lock()
`),
      expect: [{ kind: "auto", rule: "imports", contains: "_guard = asyncio.Lock()" }],
      fixture: "type-references/manual_references",
      proof: "aioredis.locks",
    },
    {
      row: "third-party `aioredis_lock` / hand-written SET NX + Lua locks (now `r.lock(...)`)",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis
from aioredis_lock import RedisLock, LockTimeoutError


async def job(r: aioredis.Redis):
# >>>
    async with RedisLock(r, key="job", timeout=30, wait_timeout=5):
# <<<
        await r.incr("runs")
`),
      expect: [
        { kind: "manual", rule: "imports", contains: '    async with r.lock("job", timeout=30, blocking_timeout=5):' },
        { kind: "output", contains: "from aioredis_lock import RedisLock, LockTimeoutError" },
      ],
      fixture: "imports/aioredis_lock_mutex",
      proof: "from aioredis_lock import RedisLock, LockTimeoutError",
      gap: "Hand-written SET NX + Lua locks are not recognised (no shape tells them apart reliably); only the `aioredis_lock` package is reported.",
    },
    {
      row: "aioredis 2.x `aioredis.lock.Lock` / `redis.lock()`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis

r = aioredis.from_url("redis://localhost")
# >>>
lock: aioredis.lock.Lock = r.lock("job", timeout=30)
# <<<
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "lock: Lock = r.lock(" }, { kind: "output", contains: "from redis.asyncio.lock import Lock" }],
      fixture: "type-references/v2_renames",
      proof: "aioredis.lock.Lock",
    },
  ],
};

export const TYPES: Section = {
  section: "9.3",
  title: "Types used in annotations",
  rows: [
    {
      row: "`aioredis.Redis`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis


# >>>
async def get(r: aioredis.Redis) -> bytes:
# <<<
    return await r.get("k")
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "async def get(r: redis.Redis) -> bytes:" }],
      fixture: "type-references/annotations_module_style",
      proof: "aioredis.Redis",
    },
    {
      row: "`aioredis.ConnectionsPool` / `aioredis.abc.AbcPool`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis


# >>>
def size(pool: aioredis.ConnectionsPool) -> int:
# <<<
    return 1
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "pool: redis.ConnectionPool" }],
      fixture: "type-references/isinstance_and_bases",
      proof: "ConnectionsPool",
    },
    {
      row: "`aioredis.RedisConnection` / `aioredis.abc.AbcConnection`",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: mod(`import aioredis


# >>>
def use(conn: aioredis.abc.AbcConnection) -> None:
# <<<
    pass
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "conn: redis.Connection" }, { kind: "manual", rule: "type-references" }],
      fixture: "type-references/from_imports",
      proof: "RedisConnection",
    },
    {
      row: "`aioredis.Channel` / `aioredis.abc.AbcChannel`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis.abc


# >>>
async def read(ch: aioredis.abc.AbcChannel) -> bytes:
# <<<
    return await ch.get()
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "PubSub" }],
      fixture: "type-references/manual_references",
    },
    {
      row: "`aioredis.commands.Pipeline` / `MultiExec`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis


# >>>
def queue(pipe: aioredis.commands.Pipeline) -> None:
# <<<
    pipe.incr("n")
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "pipe: Pipeline" }, { kind: "output", contains: "from redis.asyncio.client import Pipeline" }],
      fixture: "type-references/annotations_module_style",
      proof: "aioredis.commands.Pipeline",
    },
    {
      row: "`aioredis.commands.ContextRedis`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis


# >>>
async def bump(conn: aioredis.commands.ContextRedis) -> None:
# <<<
    await conn.incr("n")
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "conn: redis.Redis" }],
      fixture: "type-references/context_redis",
      proof: "aioredis.commands.ContextRedis",
    },
    {
      row: "`aioredis.RedisSentinel`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis


# >>>
def primary(s: aioredis.RedisSentinel):
# <<<
    return s.master_for("mymaster")
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "s: Sentinel" }, { kind: "output", contains: "from redis.asyncio.sentinel import Sentinel" }],
      fixture: "sentinel/pools_and_types",
      proof: "RedisSentinel",
    },
  ],
};

export const DEPENDENCIES: Section = {
  section: "10",
  title: "Dependency pins",
  rows: [
    {
      row: "`requirements*.txt`: `aioredis==1.3.1`, `aioredis>=1.3,<2`, `aioredis`",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("requirements.txt", "aioredis==1.3.1 ; python_version >= \"3.8\"  # cache\n"),
      expect: [{ kind: "auto", rule: "manifests", contains: 'redis>=5.0.1 ; python_version >= "3.8"  # cache' }],
      fixture: "manifests/requirements/pinned-markers-comments",
      proof: "aioredis",
    },
    {
      row: "`requirements*.txt`: `aioredis[hiredis]==2.0.1`",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("requirements.txt", "aioredis[hiredis]==2.0.1\n"),
      expect: [{ kind: "auto", rule: "manifests", contains: "redis[hiredis]>=5.0.1" }],
      fixture: "manifests/requirements/continuation-crlf",
      proof: "aioredis[hiredis]",
    },
    {
      row: "any file, 1.x: `aioredis` (1.3.1 pulled `hiredis` implicitly)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: manifest("requirements.txt", "aioredis>=1.3,<2\n"),
      expect: [{ kind: "auto", rule: "manifests", contains: "redis>=5.0.1" }, { kind: "absent", contains: "[hiredis]" }],
      fixture: "manifests/requirements/pinned-markers-comments",
      proof: "aioredis",
      note: "Deliberately plain `redis` (src/migrate/manifests/README.md: the extra is not added unasked); the change's reason says hiredis is no longer pulled in and how to keep it.",
    },
    {
      row: "`hiredis==x` pinned next to aioredis (redis-py 5.2+ asks for `hiredis>=3.0.0`)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: manifest("requirements.txt", "aioredis==1.3.1\nhiredis==1.1.0\n"),
      expect: [
        { kind: "auto", rule: "manifests", contains: "redis>=5.0.1" },
        { kind: "manual", rule: "manifests", contains: "hiredis>=3.0.0" },
        { kind: "output", contains: "hiredis==1.1.0" },
      ],
      fixture: "manifests/requirements/pinned-markers-comments",
      proof: "hiredis==2.0.0",
      note: "The pin is kept and reported when the redis requirement admits 5.1 or later (the `[hiredis]` extra of redis-py v5.1.1 already requires `hiredis>=3.0.0`, and 5.1.0 refuses older hiredis); the suggestion raises it, the step also offers capping redis below 5.1. Not reported when redis is capped below 5.1 (`redis>=4.2,<5`).",
    },
    {
      row: "`pyproject.toml` PEP 621 `dependencies` / `optional-dependencies`",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("pyproject.toml", '[project]\nname = "app"\ndependencies = ["aioredis>=1.3", "httpx"]\n'),
      expect: [{ kind: "auto", rule: "manifests", contains: 'dependencies = ["redis>=5.0.1", "httpx"]' }],
      fixture: "manifests/pyproject/pep621-multiline",
      proof: "aioredis",
    },
    {
      row: "`pyproject.toml` Poetry",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("pyproject.toml", '[tool.poetry.dependencies]\npython = "^3.10"\naioredis = {version = "^2.0", extras = ["hiredis"]}\n'),
      expect: [{ kind: "auto", rule: "manifests", contains: 'redis = {version = ">=5.0.1", extras = ["hiredis"]}' }],
      fixture: "manifests/pyproject/poetry-classic",
      proof: "aioredis",
    },
    {
      row: "`setup.py` `install_requires`",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("setup.py", 'from setuptools import setup\n\nsetup(name="app", install_requires=["aioredis>=1.3"])\n'),
      expect: [{ kind: "auto", rule: "manifests", contains: 'install_requires=["redis>=5.0.1"]' }],
      fixture: "manifests/setup-py/literal-install-requires",
      proof: "aioredis",
    },
    {
      row: "`setup.cfg` `install_requires`",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("setup.cfg", "[options]\ninstall_requires =\n    aioredis>=1.3\n"),
      expect: [{ kind: "auto", rule: "manifests", contains: "    redis>=5.0.1" }],
      fixture: "manifests/setup-cfg/multiline-install-requires",
      proof: "aioredis",
    },
    {
      row: "`Pipfile`",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("Pipfile", '[packages]\naioredis = "==1.3.1"\n'),
      expect: [{ kind: "auto", rule: "manifests", contains: 'redis = ">=5.0.1"' }],
      fixture: "manifests/pipfile/basic-pinned",
      proof: "aioredis",
    },
    {
      row: "conda `environment.yml` (`redis-py` on conda-forge; PyPI name under `pip:`)",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("environment.yml", "dependencies:\n  - python=3.11\n  - aioredis=1.3.1\n"),
      expect: [{ kind: "auto", rule: "manifests", contains: "redis-py>=5.0.1" }],
      fixture: "manifests/conda/channel-pins",
      proof: "aioredis",
    },
    {
      row: "lock files (`poetry.lock`, `Pipfile.lock`, `uv.lock`, `requirements.lock`)",
      ref: "Manual",
      handling: "manual",
      snippet: manifest("poetry.lock", '[[package]]\nname = "aioredis"\nversion = "1.3.1"\n'),
      expect: [{ kind: "manual", rule: "manifests", contains: "poetry lock" }],
      fixture: "manifests/lock/poetry",
      proof: "aioredis",
    },
    {
      row: "stub packages (`types-redis`, any aioredis stubs): remove when the floor is ≥5.0",
      ref: "Auto+flag",
      handling: "auto",
      snippet: manifest("requirements.txt", "aioredis==1.3.1\ntypes-redis==4.6.0.20241004\n"),
      expect: [{ kind: "auto", rule: "manifests" }, { kind: "absent", contains: "types-redis" }],
      fixture: "manifests/requirements/stub-packages",
      proof: "types-redis",
    },
    {
      row: "`async-timeout` (an aioredis dependency; keep only if imported)",
      ref: "Manual",
      handling: "manual",
      snippet: manifest("requirements.txt", "aioredis==1.3.1\nasync-timeout==3.0.1\n"),
      expect: [
        { kind: "manual", rule: "manifests", contains: "drop it unless the code imports `async_timeout`" },
        { kind: "output", contains: "async-timeout==3.0.1" },
      ],
      fixture: "manifests/pyproject/poetry-caret-python-companions",
      proof: 'async-timeout = "^3.0.1"',
      note: "A pin below 4.0.2 also conflicts with redis-py (the step suggests raising it). `migrateManifest` takes an optional `ManifestContext.importsAsyncTimeout` (`pythonImportsAsyncTimeout(sources)`) that makes the step say \"drop it\" or disappear; the report assembly does not pass it yet, so the step is the conditional one.",
    },
    {
      row: "Python floor (aioredis 1.3.1 ≥3.5; redis 4.2–4.3: 3.6; 4.4–5.0: 3.7; ≥7.1: 3.10)",
      ref: "Manual",
      handling: "manual",
      snippet: manifest("setup.py", 'from setuptools import setup\n\nsetup(name="app", python_requires=">=3.6", install_requires=["aioredis>=1.3"])\n'),
      expect: [
        { kind: "manual", rule: "manifests", contains: 'python_requires=">=3.7", install_requires=["redis>=5.0.1"]' },
        { kind: "output", contains: 'python_requires=">=3.6"' },
      ],
      fixture: "manifests/setup-py/one-line-setup-target-4-2",
      proof: 'python_requires=">=3.5"',
      note: "`python_requires` (setup.py, setup.cfg), `requires-python`, Poetry's `python`, Pipfile's `python_version` and a conda environment's `python` below the target's minimum (3.7 for 5.0.1, 3.6 for 4.2) get a step whose suggestion raises the line; tox `envlist` environments on such a Python (`py36`) are reported too. No upper Python bound is checked: pip picks the newest redis-py the interpreter supports.",
    },
  ],
};

export const V2_DELTA: Section = {
  section: "12",
  title: "aioredis 2.x → redis.asyncio (delta only)",
  rows: [
    {
      row: "module paths (§2 second table)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis.client import Pipeline
# <<<


async def run(pipe: Pipeline) -> list:
    return await pipe.execute()
`),
      expect: [{ kind: "auto", rule: "imports", contains: "from redis.asyncio.client import Pipeline" }],
      fixture: "type-references/v2_renames",
      proof: "aioredis.client",
    },
    {
      row: "`await r.close()` (4.x) / `await r.aclose()` (≥5.0.1)",
      ref: "Auto",
      handling: "auto",
      snippet: v2(`await r.close()`),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "await r.aclose()" }],
      fixture: "lifecycle/aclose_v2",
      proof: "close()",
    },
    {
      row: "`await pubsub.close()` / `await pubsub.reset()`",
      ref: "Auto",
      handling: "auto",
      snippet: v2(`ps = r.pubsub()
await ps.subscribe("news")
await ps.close()`),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "await ps.aclose()" }],
      fixture: "lifecycle/pubsub_aclose_v2",
      proof: "await ps.close()",
      note: "A PubSub is a name assigned only from `<client>.pubsub(...)` (or `None`) or bound by `async with <client>.pubsub() as …`. `reset()` becomes `aclose()` too: both are deprecated aliases of it since redis-py 5.0.1. With `--redis-version 4.2` both stay.",
    },
    {
      row: "`await pool.disconnect()` (≥5.0.1 also `aclose()`)",
      ref: "Auto",
      handling: "unchanged",
      snippet: mod(`import aioredis

pool = aioredis.ConnectionPool.from_url("redis://localhost")


async def shutdown():
# >>>
    await pool.disconnect()
# <<<
`),
      expect: "unchanged",
    },
    {
      row: "`except asyncio.TimeoutError` meant to catch `aioredis.exceptions.TimeoutError`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import asyncio

import aioredis

r = aioredis.from_url("redis://localhost")


async def pop():
    try:
        return await r.blpop("q", timeout=1)
# >>>
    except asyncio.TimeoutError:
# <<<
        return None
`),
      expect: [{ kind: "manual", rule: "exceptions", contains: "except redis.TimeoutError:" }],
      fixture: "exceptions/v2_timeouts",
      proof: "except asyncio.TimeoutError:",
      note: "Also builtin `TimeoutError` and nested `try`s; reported when the `try` awaits only Redis commands (not `asyncio.wait_for(…)` or other coroutines, whose timeouts are still asyncio's).",
    },
    {
      row: '`aioredis.from_url(..., encoding="utf-8", decode_responses=True)` (identical keywords)',
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis

# >>>
r = aioredis.from_url("redis://localhost", encoding="utf-8", decode_responses=True)
# <<<
`),
      expect: [{ kind: "auto", rule: "type-references", contains: 'r = redis.from_url("redis://localhost", encoding="utf-8", decode_responses=True)' }],
      fixture: "type-references/v2_renames",
      proof: "from_url(",
    },
    {
      row: "`aioredis[hiredis]` → `redis[hiredis]`",
      ref: "Auto",
      handling: "auto",
      snippet: manifest("requirements.txt", "aioredis[hiredis]>=2.0\n"),
      expect: [{ kind: "auto", rule: "manifests", contains: "redis[hiredis]>=5.0.1" }],
      fixture: "manifests/requirements/continuation-crlf",
      proof: "aioredis[hiredis]",
    },
    {
      row: "`Redis.from_url` + `close()` leaves the pool open (redis 4.x)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: v2(`await r.close()`, { target: "4.2" }),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "await r.close(close_connection_pool=True)" }],
      fixture: "lifecycle/from_url_close_target_42",
      proof: "from_url(",
      note: "With `--redis-version 4.2`, a name assigned only from aioredis 2.x `from_url` (`aioredis.from_url`, `Redis.from_url`, `StrictRedis.from_url`) or `None` closes its pool explicitly, so nothing is left to flag. A `Redis(host=...)` client owns its pool and keeps `close()`; a `Redis(connection_pool=...)` client shares a pool the code manages. On 5.0.1 `aclose()` closes a `from_url` client's pool by itself.",
    },
  ],
};


