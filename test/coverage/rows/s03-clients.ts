import { mod, param, pool, type Section } from "../snippets.js";

/** A 1.x client created in `main()`, with `call` as the factory call (one line). */
function create(call: string): ReturnType<typeof mod> {
  return mod(`import aioredis


async def main():
# >>>
    r = ${call}
# <<<
    await r.set("k", "v")
`);
}

export const FACTORIES: Section = {
  section: "3.1",
  title: "Creating clients: factories",
  rows: [
    {
      row: "`await aioredis.create_redis(address, *, db, password, ssl, encoding, …)`",
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis("redis://localhost/1", password="s3cret")`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'r = redis.Redis.from_url("redis://localhost/1", password="s3cret", single_connection_client=True)' }],
      fixture: "client-creation/module_constants",
      proof: "create_redis(",
    },
    {
      row: "`await aioredis.create_redis_pool(address, *, …, minsize=1, maxsize=10, …)`",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", minsize=2, maxsize=20)`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: 'r = redis.Redis(connection_pool=redis.BlockingConnectionPool.from_url("redis://localhost", max_connections=20, timeout=None))' },
        { kind: "manual", rule: "client-creation", contains: "await r.ping()" },
      ],
      note: "`maxsize` keeps aioredis' waiting through `BlockingConnectionPool` (row 3.3-03); the pool differences that remain get one step per call: `minsize` (sockets now open on the first command, row 3.2-13) and a pool without `maxsize` (now unbounded, row 3.3-04).",
      fixture: "client-creation/pool_sizing",
      proof: "create_redis_pool(",
    },
    {
      row: "`await aioredis.create_connection(address, …)` → `RedisConnection` (`.execute()` only)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: mod(`import aioredis


async def main():
# >>>
    conn = await aioredis.create_connection(("localhost", 6379))
    print(await conn.execute("GET", "k"))
# <<<
`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: 'conn = redis.Redis(host="localhost", port=6379, single_connection_client=True)' },
        { kind: "auto", rule: "execute-command", contains: 'await conn.execute_command("GET", "k")' },
      ],
      fixture: "client-creation/tuple_address_from_import",
      proof: "create_connection(",
      note: "The reply-shape change of `execute_command` is flagged by `execute-command` where the command's reply callback converts (row 5.0-03).",
    },
    {
      row: "`await aioredis.create_pool(address, *, …, create_connection_timeout=None, …)` → `ConnectionsPool`",
      ref: "Auto+flag",
      handling: "auto",
      snippet: mod(`import aioredis


async def main():
# >>>
    pool = await aioredis.create_pool("redis://localhost", maxsize=5)
# <<<
    await pool.execute("SET", "k", "v")
`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'pool = redis.Redis(connection_pool=redis.BlockingConnectionPool.from_url("redis://localhost", max_connections=5, timeout=None))' }],
      note: "A 1.x pool is only used through `execute()`/`with await pool`, so it becomes a client (`execute_command`, `client()`), not a bare `ConnectionPool`.",
      fixture: "client-creation/redis_wrapper",
      proof: "create_pool(",
    },
    {
      row: "`await aioredis.create_sentinel(sentinels, *, db, password, encoding, minsize, maxsize, ssl, timeout, loop)`",
      ref: "Manual",
      handling: "auto+flag",
      snippet: mod(`import aioredis


async def main():
# >>>
    sentinel = await aioredis.create_sentinel([("localhost", 26379)], timeout=0.5, encoding="utf-8")
# <<<
    r = sentinel.master_for("mymaster")
    await r.set("k", "v")
`),
      expect: [
        { kind: "auto", rule: "sentinel", contains: 'sentinel = Sentinel([("localhost", 26379)], socket_connect_timeout=0.5, encoding="utf-8", decode_responses=True, sentinel_kwargs={"socket_timeout": 0.5})' },
        { kind: "manual", rule: "sentinel", contains: "3.11" },
      ],
      fixture: "sentinel/create_sentinel_keywords",
      proof: "create_sentinel(",
      note: "`timeout` bounded discovery in 1.x, so it goes to `sentinel_kwargs` (the sentinels' connections) and `socket_connect_timeout`, not to `socket_timeout=` among the connection keywords (redis-py would apply that to every read of the `master_for()` clients).",
    },
    {
      row: "`aioredis.Redis(pool_or_conn)`",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis


async def main():
    pool = await aioredis.create_pool("redis://localhost")
# >>>
    r = aioredis.Redis(pool)
# <<<
    await r.set("k", "v")
`),
      expect: [{ kind: "auto", rule: "client-creation", contains: "r = redis.Redis(connection_pool=pool.connection_pool)" }],
      note: "`pool` (from `create_pool`) is a redis-py client now, so the wrapper shares its pool.",
      fixture: "client-creation/redis_wrapper",
      proof: "aioredis.Redis(",
    },
    {
      row: "`commands_factory=MyRedis`",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: mod(`import aioredis


class MyRedis(aioredis.Redis):
    pass


async def main():
# >>>
    r = await aioredis.create_redis_pool("redis://localhost", commands_factory=MyRedis)
# <<<
    await r.set("k", "v")
`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: 'r = MyRedis.from_url("redis://localhost")' },
        { kind: "manual", rule: "client-creation", contains: "class MyRedis(redis.asyncio.Redis):" },
      ],
      fixture: "client-creation/custom_class_and_splat",
      proof: "commands_factory=",
    },
    {
      row: "`aioredis.create_redis(...)` called once per request / per function",
      ref: "Manual",
      handling: "auto+flag",
      snippet: mod(`import aioredis


async def get_user(user_id):
# >>>
    r = await aioredis.create_redis("redis://localhost")
# <<<
    return await r.get(f"user:{user_id}")
`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: 'r = redis.Redis.from_url("redis://localhost", single_connection_client=True)' },
        { kind: "manual", rule: "client-creation", contains: "Create this client once at startup and share it" },
      ],
      fixture: "client-creation/per_request",
      proof: "async def get_user",
      note: "The same for aioredis 2.x / `redis.asyncio` clients and pools (`from_url`, `Redis(...)`, `ConnectionPool(...)`) built per call or in a loop, and for 1.x factories in loops: `repeated-clients` (fixtures `repeated-clients/per_request_handlers`, `repeated-clients/loops`).",
    },
    {
      row: "`aioredis.create_redis(..., loop=loop)`",
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis("redis://localhost", loop=loop)`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: 'r = redis.Redis.from_url("redis://localhost", single_connection_client=True)' },
        { kind: "absent", contains: "loop=" },
      ],
      fixture: "client-creation/create_redis_loop",
      proof: "loop=self.loop",
    },
  ],
};

export const KEYWORDS: Section = {
  section: "3.2",
  title: "Creating clients: keyword / address mapping",
  rows: [
    {
      row: 'address `"redis://…?db=&password=&encoding=&ssl=true&timeout="`',
      ref: "Auto+flag",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost/0?ssl=true&timeout=5")`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'from_url("rediss://localhost/0?socket_connect_timeout=5")' }],
      fixture: "client-creation/ssl_forms",
      proof: "?ssl=true",
      note: "URLs only known at run time (environment, settings) get a manual step to check their options (`client-creation/env_urls`).",
    },
    {
      row: 'address `"rediss://…"`',
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("rediss://cache.internal:6380")`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'redis.Redis.from_url("rediss://cache.internal:6380")' }],
      fixture: "client-creation/ssl_forms",
      proof: "rediss://",
    },
    {
      row: 'address `"unix:///path?db=1"` / bare path `"/tmp/redis.sock"`',
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("/tmp/redis.sock", db=1)`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'redis.Redis(unix_socket_path="/tmp/redis.sock", db=1)' }],
      fixture: "client-creation/unix_socket",
      proof: ".sock",
    },
    {
      row: 'address `("host", port)` tuple/list',
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool(("cache.internal", 6380))`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'redis.Redis(host="cache.internal", port=6380)' }],
      fixture: "client-creation/tuple_address_from_import",
      proof: '("',
    },
    {
      row: "`db=N`",
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", db=2)`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'redis.Redis.from_url("redis://localhost", db=2)' }],
      fixture: "client-creation/module_constants",
      proof: "db=",
    },
    {
      row: '`password="..."`',
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", password="s3cret")`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'redis.Redis.from_url("redis://localhost", password="s3cret")' }],
      fixture: "client-creation/tuple_address_from_import",
      proof: "password=",
    },
    {
      row: "`ssl=True`",
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool(("cache.internal", 6380), ssl=True)`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'redis.Redis(host="cache.internal", port=6380, ssl=True)' }],
      fixture: "client-creation/ssl_forms",
      proof: "ssl=True",
    },
    {
      row: "`ssl=<ssl.SSLContext>`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import ssl

import aioredis


async def main():
    ctx = ssl.create_default_context(cafile="/etc/ca.pem")
# >>>
    r = await aioredis.create_redis_pool(("cache.internal", 6380), ssl=ctx)
# <<<
    await r.set("k", "v")
`),
      expect: [{ kind: "manual", rule: "client-creation", contains: "ssl_ca_certs" }],
      fixture: "client-creation/ssl_forms",
      proof: "ssl=ctx",
    },
    {
      row: '`encoding="utf-8"`',
      ref: "Auto+flag",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", encoding="utf-8")`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'from_url("redis://localhost", encoding="utf-8", decode_responses=True)' }],
      fixture: "client-creation/pool_url_multiline",
      proof: "encoding=",
      note: "`decode_responses=True` keeps what the code saw (str replies); nothing left to flag for UTF-8.",
    },
    {
      row: "per-call `encoding=...` on commands",
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`v = await r.get("k", encoding="utf-8")`),
      expect: [
        { kind: "auto", rule: "call-encoding", contains: 'v = await r.get("k")' },
        { kind: "manual", rule: "call-encoding", contains: 'v.decode("utf-8")' },
      ],
      fixture: "call-encoding/bytes_client",
      proof: "encoding=",
    },
    {
      row: "`timeout=` (create_redis / create_redis_pool / create_connection)",
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", timeout=3)`),
      expect: [{ kind: "auto", rule: "client-creation", contains: "socket_connect_timeout=3" }],
      fixture: "client-creation/module_constants",
      proof: "timeout=",
    },
    {
      row: "`create_connection_timeout=` (create_pool)",
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_pool("redis://localhost", create_connection_timeout=3)`),
      expect: [{ kind: "auto", rule: "client-creation", contains: "socket_connect_timeout=3" }, { kind: "absent", contains: "create_connection_timeout" }],
      fixture: "client-creation/create_pool_connect_timeout",
      proof: "create_connection_timeout=timeout",
    },
    {
      row: "`minsize=`",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", minsize=5)`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: 'r = redis.Redis.from_url("redis://localhost")' },
        { kind: "manual", rule: "client-creation", contains: 'max_connections=10, timeout=None))\nawait r.ping()' },
      ],
      note: "Dropped, with one step per factory call (together with the pool size, row 3.3-04): add `await r.ping()` if startup must fail when Redis is down. Not for `minsize=0`, nor in a `try` body, where the `exceptions` rule reports the handlers (row 3.3-02).",
      fixture: "client-creation/pool_sizing",
      proof: "minsize=",
    },
    {
      row: "`maxsize=N`",
      ref: "Auto+flag",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", maxsize=20)`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'BlockingConnectionPool.from_url("redis://localhost", max_connections=20, timeout=None)' }],
      note: "A `BlockingConnectionPool` with `timeout=None` keeps aioredis' wait for a free connection, so nothing is left to flag.",
      fixture: "client-creation/pool_url_multiline",
      proof: "maxsize=",
    },
    {
      row: "`parser=X`",
      ref: "Auto+flag",
      handling: "manual",
      snippet: mod(`import aioredis
from myapp.parsers import FastReader


async def main():
# >>>
    r = await aioredis.create_redis_pool("redis://localhost", parser=FastReader)
# <<<
    await r.set("k", "v")
`),
      expect: [{ kind: "manual", rule: "client-creation", contains: "parser_class" }],
      fixture: "client-creation/custom_class_and_splat",
      proof: "parser=",
    },
    {
      row: "`connection_cls=X`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis
from myapp.conn import TracingConnection


async def main():
# >>>
    r = await aioredis.create_redis_pool("redis://localhost", connection_cls=TracingConnection)
# <<<
    await r.set("k", "v")
`),
      expect: [{ kind: "manual", rule: "client-creation", contains: "connection_class" }],
      fixture: "client-creation/custom_class_and_splat",
      proof: "connection_cls=",
    },
    {
      row: "`pool_cls=X`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis
from myapp.pools import MyPool


async def main():
# >>>
    r = await aioredis.create_redis_pool("redis://localhost", pool_cls=MyPool)
# <<<
    await r.set("k", "v")
`),
      expect: [{ kind: "manual", rule: "client-creation", contains: "connection_pool" }],
      fixture: "client-creation/custom_class_and_splat",
      proof: "pool_cls=",
    },
    {
      row: "`commands_factory=`",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: mod(`import aioredis
from myapp.client import TracingRedis


async def main():
# >>>
    r = await aioredis.create_redis("redis://localhost", commands_factory=TracingRedis)
# <<<
    await r.set("k", "v")
`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: "TracingRedis.from_url(" },
        { kind: "manual", rule: "client-creation", contains: "class TracingRedis(redis.asyncio.Redis):" },
      ],
      fixture: "client-creation/custom_class_and_splat",
      proof: "commands_factory=",
    },
    {
      row: "`loop=`",
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", loop=asyncio.get_event_loop())`),
      expect: [{ kind: "auto", rule: "client-creation" }, { kind: "absent", contains: "loop=" }],
      fixture: "client-creation/loop_keyword",
      proof: "loop=loop",
    },
    {
      row: "`name=`",
      ref: "Auto",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", name="worker")`),
      expect: [{ kind: "auto", rule: "client-creation", contains: 'client_name="worker"' }],
      note: "aioredis 1.3.1 rejects `name=` (`TypeError`): it reached the 1.x branch after that release and was never published, so only code run against that branch passes it. Renamed to `client_name=`, which names every connection of the pool.",
      fixture: "client-creation/client_name",
      proof: "name=WORKER_NAME",
    },
    { row: "— (`socket_timeout=`, `retry_on_timeout=`, `health_check_interval=`, `max_connections=`: new knobs)", ref: "—", handling: "info", expect: "unchanged" },
  ],
};

export const POOL_SEMANTICS: Section = {
  section: "3.3",
  title: "Creating clients: pool semantics",
  rows: [
    {
      row: "When sockets open (eager `minsize` vs lazy)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: create(`await aioredis.create_pool("redis://localhost", minsize=3)`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: 'r = redis.Redis.from_url("redis://localhost")' },
        { kind: "manual", rule: "client-creation", contains: "connects on the first command" },
      ],
      note: "Flagged where `minsize=` was given (row 3.2-13). A factory without it also connected eagerly (`minsize=1`, `create_redis`); that matters where a handler expects the factory to fail, which the `exceptions` rule reports (row 3.3-02).",
      fixture: "client-creation/pool_sizing",
      proof: "minsize=",
    },
    {
      row: "Error for an unreachable server (`ConnectionRefusedError`/`OSError` from the factory)",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis


async def main():
    try:
        r = await aioredis.create_redis_pool("redis://localhost")
# >>>
    except (ConnectionRefusedError, OSError):
# <<<
        raise SystemExit("redis is down")
    await r.set("k", "v")
`),
      expect: [
        { kind: "manual", rule: "exceptions", contains: "await r.ping()\nexcept redis.ConnectionError:" },
        { kind: "output", contains: "except (ConnectionRefusedError, OSError):" },
      ],
      fixture: "exceptions/connect_errors",
      proof: "except (ConnectionRefusedError, OSError):",
    },
    {
      row: "Pool exhausted (`maxsize` reached: waits vs raises)",
      ref: "Manual",
      handling: "auto",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost", maxsize=2)`),
      expect: [{ kind: "auto", rule: "client-creation", contains: "BlockingConnectionPool.from_url(\"redis://localhost\", max_connections=2, timeout=None)" }],
      note: "Automatic rather than manual: `BlockingConnectionPool(..., timeout=None)` waits for a free connection as aioredis did.",
      fixture: "client-creation/pool_url_multiline",
      proof: "maxsize=",
    },
    {
      row: "Default size (`maxsize=10` vs unbounded)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: create(`await aioredis.create_redis_pool("redis://localhost")`),
      expect: [
        { kind: "auto", rule: "client-creation", contains: 'r = redis.Redis.from_url("redis://localhost")' },
        { kind: "manual", rule: "client-creation", contains: 'r = redis.Redis(connection_pool=redis.BlockingConnectionPool.from_url("redis://localhost", max_connections=10, timeout=None))' },
      ],
      note: "Kept unbounded and flagged (one step per `create_redis_pool`/`create_pool` call without `maxsize`, suggesting the form an explicit `maxsize=10` gets), not rewritten to that form: in redis-py a pipeline, a PubSub and a `client()` block each take a pool connection of their own, so a bounded pool that waits forever can deadlock code that aioredis ran with 10 connections; the rewrite would also have changed the client line of nearly every migrated program. A pool built per call gets the per-call step instead.",
      fixture: "client-creation/pool_sizing",
      proof: "make_pool(REDIS_URL, minsize=0)",
    },
    {
      row: "`select(db)` on a pooled client",
      ref: "Manual",
      handling: "manual",
      snippet: pool(`await r.select(2)`),
      expect: [{ kind: "manual", rule: "connection-state", contains: "db=" }],
      fixture: "connection-state/select_on_pool",
      proof: ".select(",
    },
    {
      row: "`auth(password)` on a pooled client",
      ref: "Manual",
      handling: "manual",
      snippet: pool(`await r.auth("s3cret")`),
      expect: [{ kind: "manual", rule: "connection-state", contains: "password=" }],
      fixture: "connection-state/auth_after_connect",
      proof: ".auth(",
    },
  ],
};
