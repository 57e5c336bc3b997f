import { mod, v2, type Section } from "../snippets.js";

export const IMPORTS: Section = {
  section: "2",
  title: "Imports and module paths (aioredis 1.x)",
  rows: [
    {
      row: "`import aioredis`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
import aioredis
# <<<


async def main():
    r = await aioredis.create_redis_pool("redis://localhost")
    await r.set("k", "v")
`),
      expect: [{ kind: "auto", rule: "imports", contains: "import redis.asyncio as redis" }],
      fixture: "imports/module_alias",
      proof: "import aioredis",
    },
    {
      row: "`import aioredis as X`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
import aioredis as aior
# <<<


async def main():
    r = await aior.create_redis_pool("redis://localhost")
    await r.set("k", "v")
`),
      expect: [{ kind: "auto", rule: "imports", contains: "import redis.asyncio as aior" }],
      fixture: "imports/user_alias",
      proof: "import aioredis as",
    },
    {
      row: "`from aioredis import create_redis, create_redis_pool, …`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis import create_redis, create_redis_pool
# <<<


async def main():
    r = await create_redis_pool("redis://localhost")
    c = await create_redis("redis://localhost")
    await r.set("k", await c.get("k"))
`),
      expect: [{ kind: "auto", rule: "imports", contains: "from redis.asyncio import Redis" }],
      fixture: "client-creation/from_import_alias",
      proof: "from aioredis import",
    },
    {
      row: "`from aioredis import Redis` / `aioredis.Redis` (type hints)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis import Redis


async def count(r: Redis) -> int:
# <<<
    return await r.incr("n")
`),
      expect: [{ kind: "auto", rule: "imports", contains: "from redis.asyncio import Redis" }],
      fixture: "type-references/from_imports",
      proof: "from aioredis import",
    },
    {
      row: "`aioredis.RedisConnection`, `aioredis.abc.AbcConnection` (hints)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: mod(`import aioredis


# >>>
async def run(conn: aioredis.RedisConnection) -> None:
# <<<
    await conn.execute("PING")
`),
      expect: [
        { kind: "auto", rule: "type-references", contains: "conn: redis.Connection" },
        { kind: "manual", rule: "type-references", contains: "execute()" },
      ],
      fixture: "type-references/annotations_module_style",
    },
    {
      row: "`aioredis.ConnectionsPool`, `aioredis.abc.AbcPool`, `aioredis.pool.ConnectionsPool`",
      ref: "Auto+flag",
      handling: "auto",
      snippet: mod(`import aioredis


# >>>
async def size(pool: aioredis.ConnectionsPool) -> int:
# <<<
    return pool.size
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "pool: redis.ConnectionPool" }],
      fixture: "type-references/annotations_module_style",
      note: "The annotation itself needs no note; what differs is reported where the pool is used (`pool.size`, `freesize`, `acquire()`: `lifecycle`).",
    },
    {
      row: "`aioredis.Channel`, `aioredis.abc.AbcChannel`, `aioredis.pubsub.Channel`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis


# >>>
async def consume(ch: aioredis.Channel) -> None:
# <<<
    print(await ch.get())
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "PubSub" }],
      fixture: "type-references/manual_references",
    },
    {
      row: "`from aioredis.pubsub import Receiver`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis
from aioredis.pubsub import Receiver


async def main():
    r = await aioredis.create_redis_pool("redis://localhost")
# >>>
    mpsc = Receiver()
# <<<
    await r.subscribe(mpsc.channel("a"))
    async for sender, msg in mpsc.iter():
        print(sender, msg)
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "subscribe several channels on one `PubSub`" }],
      fixture: "pubsub-channels/receiver_and_many_channels",
    },
    {
      row: "`aioredis.errors` / `from aioredis.errors import X` / `from aioredis import ReplyError …`",
      ref: "Auto+flag",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis.errors import ReplyError, WatchVariableError
# <<<
import aioredis


async def main():
    # a single connection: a pool would get the pool-size step (its TODO names the old library)
    r = await aioredis.create_redis("redis://localhost")
    try:
        await r.incr("k")
    except ReplyError as e:
        print(e)
    except WatchVariableError:
        pass
`),
      expect: [{ kind: "auto", rule: "imports" }, { kind: "absent", contains: "aioredis" }],
      fixture: "exceptions/from_imports",
      note: "The references become `redis.ResponseError`/`redis.WatchError`; the lossy-mapping notes belong to the catch sites (rows 8-*).",
    },
    {
      row: "`aioredis.commands` (`Pipeline`, `MultiExec`, `ContextRedis`, `GeoPoint`, `GeoMember`, mixins)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: mod(`import aioredis.commands


# >>>
def queue(tr: aioredis.commands.MultiExec, ctx: aioredis.commands.ContextRedis) -> None:
# <<<
    tr.incr("n")
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "Pipeline" }],
      fixture: "type-references/annotations_module_style",
      note: "`GeoPoint`/`GeoMember` through `aioredis.commands` are the manual row 2-11.",
    },
    {
      row: "`from aioredis import GeoPoint, GeoMember`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`from aioredis import GeoPoint


# >>>
def lon(p: GeoPoint) -> float:
# <<<
    return p.longitude
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "namedtuple" }],
      fixture: "type-references/manual_references",
    },
    {
      row: "`aioredis.sentinel` (`create_sentinel`, `RedisSentinel`, `SentinelPool`, `create_sentinel_pool`)",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis.sentinel


async def main():
# >>>
    pool = await aioredis.sentinel.create_sentinel_pool([("localhost", 26379)])
# <<<
    print(pool)
`),
      expect: [{ kind: "manual", rule: "sentinel", contains: "master_for(name)" }],
      fixture: "sentinel/pools_and_types",
      proof: "create_sentinel_pool(",
      note: "`create_sentinel` itself: rows 3.1-05 and 9.1-01; `RedisSentinel`: 9.3-07; `SentinelPool`: 9.1-07.",
    },
    {
      row: "`aioredis.locks.Lock`",
      ref: "Manual",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis.locks import Lock
# <<<

lock = Lock()
`),
      expect: [{ kind: "auto", rule: "imports", contains: "lock = asyncio.Lock()" }],
      fixture: "type-references/v2_renames",
      note: "§9.2 settles it: a patched `asyncio.Lock`, so the rename is certain.",
    },
    {
      row: "`aioredis.util` (`_NOTSET`, `wait_ok`, `parse_url`, `decode`, …)",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`from aioredis.util import decode


def text(b: bytes) -> str:
# >>>
    return decode(b, "utf-8")
# <<<
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "private helper" }],
      fixture: "imports/wildcard_and_internals",
    },
    {
      row: "`aioredis.abc` (`AbcConnection`, `AbcPool`, `AbcChannel`)",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis.abc


# >>>
class MyPool(aioredis.abc.AbcPool):
# <<<
    pass
`),
      expect: [{ kind: "manual", rule: "type-references" }],
      fixture: "type-references/manual_references",
    },
    {
      row: "`aioredis.log` (`logger`)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import logging

from aioredis.log import logger

# >>>
logger.setLevel(logging.DEBUG)
# <<<
`),
      expect: [
        { kind: "auto", rule: "type-references", contains: 'logging.getLogger("redis").setLevel(logging.DEBUG)' },
        { kind: "absent", contains: "aioredis" },
      ],
      fixture: "type-references/module_values",
      proof: "from aioredis.log import logger",
      note: "Every reference (`logger`, `aioredis.log.logger`, an alias) becomes `logging.getLogger(\"redis\")`, the parent of redis-py's loggers; `import logging` is added unless the module already imports it. `sentinel_logger` is left to the generic step.",
    },
    {
      row: "`aioredis.parser.Reader` / `parser=`",
      ref: "Auto",
      handling: "manual",
      snippet: mod(`import aioredis.parser

# >>>
reader = aioredis.parser.Reader()
# <<<
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "parser_class" }],
      fixture: "type-references/manual_references",
    },
    {
      row: "`aioredis.__version__`",
      owner: "type-references",
      ref: "Auto",
      handling: "manual",
      snippet: mod(`import aioredis

# >>>
print(aioredis.__version__)
# <<<
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "import redis as redis_py\nprint(redis_py.__version__)" }],
      fixture: "type-references/module_values_name_taken",
      proof: "aioredis.__version__",
      gap: "Rewritten to `redis.__version__` (+ `import redis`) only where the name `redis` is free (`type-references/module_values`: `import aioredis as aior`). In a plain `import aioredis` module the NamePlan reserves `redis` for `import redis.asyncio as redis`, and elsewhere `redis` is usually a variable, so this is a manual step suggesting `import redis as redis_py`; automating it needs an aliased plain import in the NamePlan (src/migrate/plan.ts).",
    },
  ],
};

export const IMPORTS_2X: Section = {
  section: "2.x",
  title: "Imports and module paths (aioredis 2.x)",
  rows: [
    {
      row: "`import aioredis` (2.x)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
import aioredis
# <<<

r = aioredis.from_url("redis://localhost", decode_responses=True)
`),
      expect: [{ kind: "auto", rule: "imports", contains: "import redis.asyncio as redis" }],
      fixture: "type-references/v2_renames",
    },
    {
      row: "`aioredis.from_url(...)` / `aioredis.Redis.from_url(...)` / `aioredis.StrictRedis`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis

# >>>
a = aioredis.from_url("redis://localhost")
b = aioredis.Redis.from_url("redis://localhost")
c = aioredis.StrictRedis(host="localhost")
# <<<
`),
      expect: [
        { kind: "auto", rule: "type-references", contains: "a = redis.from_url(" },
        { kind: "auto", rule: "type-references", contains: "b = redis.Redis.from_url(" },
        { kind: "auto", rule: "type-references", contains: "c = redis.StrictRedis(" },
      ],
      fixture: "type-references/v2_renames",
    },
    {
      row: "`aioredis.ConnectionPool`, `BlockingConnectionPool`, `Connection`, `SSLConnection`, `UnixDomainSocketConnection`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis

# >>>
pool = aioredis.BlockingConnectionPool.from_url("redis://localhost", max_connections=10)
other = aioredis.ConnectionPool(connection_class=aioredis.SSLConnection)
# <<<
r = aioredis.Redis(connection_pool=pool)
`),
      expect: [
        { kind: "auto", rule: "type-references", contains: "redis.BlockingConnectionPool.from_url(" },
        { kind: "auto", rule: "type-references", contains: "redis.ConnectionPool(connection_class=redis.SSLConnection)" },
      ],
      fixture: "type-references/v2_renames",
    },
    {
      row: "`aioredis.client` (`Redis`, `Pipeline`, `PubSub`, `Monitor`)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis.client import PubSub
# <<<


async def read(ps: PubSub) -> None:
    print(await ps.get_message())
`),
      expect: [{ kind: "auto", rule: "imports", contains: "from redis.asyncio.client import PubSub" }],
      fixture: "type-references/v2_renames",
    },
    {
      row: "`aioredis.connection`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis

# >>>
pool = aioredis.ConnectionPool(parser_class=aioredis.connection.PythonParser)
# <<<
`),
      expect: [{ kind: "auto", rule: "type-references", contains: "PythonParser" }, { kind: "absent", contains: "aioredis" }],
      fixture: "type-references/v2_renames",
    },
    {
      row: "`aioredis.exceptions` (and the 13 top-level re-exports)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: mod(`import asyncio

import aioredis
from aioredis.exceptions import ResponseError


async def main():
    r = aioredis.from_url("redis://localhost")
    try:
        await r.blpop("q", timeout=1)
# >>>
    except (ResponseError, aioredis.exceptions.TimeoutError):
# <<<
        pass
`),
      expect: [
        { kind: "auto", rule: "exceptions", contains: "except (redis.ResponseError, redis.TimeoutError)" },
        { kind: "manual", rule: "exceptions", contains: "asyncio.TimeoutError" },
      ],
      fixture: "exceptions/v2_exceptions",
    },
    {
      row: "`aioredis.lock.Lock`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis.lock import Lock
# <<<


async def work(lock: Lock) -> None:
    async with lock:
        pass
`),
      expect: [{ kind: "auto", rule: "imports", contains: "from redis.asyncio.lock import Lock" }],
      fixture: "type-references/v2_renames",
    },
    {
      row: "`aioredis.sentinel` (`Sentinel`, `SentinelConnectionPool`, …) (2.x)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis.sentinel import Sentinel
# <<<

sentinel = Sentinel([("localhost", 26379)], socket_timeout=0.1)
`),
      expect: [{ kind: "auto", rule: "imports", contains: "from redis.asyncio.sentinel import Sentinel" }],
      fixture: "type-references/v2_renames",
    },
    {
      row: "`aioredis.utils` (`from_url`, `str_if_bytes`, `safe_str`)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`# >>>
from aioredis.utils import str_if_bytes
# <<<


def name(v) -> str:
    return str_if_bytes(v)
`),
      expect: [{ kind: "auto", rule: "imports", contains: "from redis.utils import str_if_bytes" }],
      fixture: "type-references/v2_renames",
    },
    {
      row: "`await client.close()` (2.x)",
      ref: "Auto",
      handling: "auto",
      snippet: v2(`await r.close()`),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "await r.aclose()" }],
      fixture: "lifecycle/aclose_v2",
    },
    {
      row: "`aioredis.compat`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`from aioredis.compat import Protocol


# >>>
class Store(Protocol):
# <<<
    pass
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "compat" }],
      fixture: "type-references/manual_references",
    },
  ],
};
