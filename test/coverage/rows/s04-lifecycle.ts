import { mod, param, pool, type Section } from "../snippets.js";

export const LIFECYCLE: Section = {
  section: "4",
  title: "Lifecycle",
  rows: [
    {
      row: "`redis.close()` (sync) + `await redis.wait_closed()`",
      ref: "Auto",
      handling: "auto",
      snippet: pool(`r.close()
await r.wait_closed()`),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "await r.aclose(close_connection_pool=True)" }],
      fixture: "lifecycle/pair_with_comment",
      proof: "wait_closed()",
    },
    {
      row: "closing a client made by `Redis.from_url(...)` (4.2–4.6)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: pool(`r.close()
await r.wait_closed()`, { target: "4.2" }),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "await r.close(close_connection_pool=True)" }],
      fixture: "lifecycle/try_finally_target_42",
      proof: "wait_closed()",
      note: "`close_connection_pool=True` disconnects the pool on 4.2–4.6 as well, so nothing is left to flag.",
    },
    {
      row: "`pool.close()` + `await pool.wait_closed()` (ConnectionsPool)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis


async def main():
    pool = await aioredis.create_pool("redis://localhost")
# >>>
    pool.close()
    await pool.wait_closed()
# <<<
`),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "await pool.aclose(close_connection_pool=True)" }],
      fixture: "lifecycle/run_until_complete_and_gather",
      proof: "wait_closed",
    },
    {
      row: "`await pool.clear()` (close idle connections)",
      ref: "Auto",
      handling: "auto",
      snippet: mod(`import aioredis


async def main():
    pool = await aioredis.create_pool("redis://localhost")
# >>>
    await pool.clear()
# <<<
`),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "await pool.connection_pool.disconnect(inuse_connections=False)" }],
      fixture: "lifecycle/properties",
      proof: ".clear()",
    },
    {
      row: "`redis.closed` / `pool.closed` / `conn.closed`",
      ref: "Manual",
      handling: "manual",
      snippet: param(`if r.closed:
    return`),
      expect: [{ kind: "manual", rule: "lifecycle", contains: "closed" }],
      fixture: "lifecycle/properties",
      proof: ".closed",
    },
    {
      row: "`redis.connection` (the pool or connection)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`pool = r.connection`),
      expect: [{ kind: "manual", rule: "lifecycle", contains: "pool = r.connection_pool" }],
      note: "Reported with the replacement as suggested code rather than rewritten (`r.connection` still exists in redis-py with another meaning).",
      fixture: "lifecycle/properties",
      proof: ".connection",
    },
    {
      row: "`redis.db`, `redis.encoding`, `redis.address`",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`print(r.db, r.encoding)
host, port = r.address`),
      expect: [
        { kind: "manual", rule: "lifecycle", contains: 'connection_kwargs.get("db", 0)' },
        { kind: "manual", rule: "lifecycle", contains: "get_encoder()" },
        { kind: "manual", rule: "lifecycle", contains: 'connection_kwargs.get("host")' },
      ],
      note: "Reported with the replacement expression as suggested code rather than rewritten.",
      fixture: "lifecycle/properties",
      proof: ".address",
    },
    {
      row: "`redis.in_transaction`, `redis.in_pubsub`, `redis.channels`, `redis.patterns`",
      ref: "Manual",
      handling: "manual",
      snippet: param(`busy = r.in_transaction or r.in_pubsub`),
      expect: [{ kind: "manual", rule: "lifecycle" }],
      fixture: "lifecycle/properties",
      proof: "in_pubsub",
    },
    {
      row: "`with await pool as conn:` (ConnectionsPool → raw `RedisConnection`)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`with await r as conn:
    await conn.execute("SET", "a", 1)`),
      expect: [
        { kind: "auto", rule: "lifecycle", contains: "async with r.client() as conn:" },
        { kind: "auto", rule: "execute-command", contains: 'await conn.execute_command("SET", "a", 1)' },
      ],
      fixture: "lifecycle/with_await_connections",
      proof: "with await pool as conn",
    },
    {
      row: "`with await redis as r2:` (`ContextRedis` bound to one connection)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`with await r as r2:
    await r2.incr("counter")`),
      expect: [{ kind: "auto", rule: "lifecycle", contains: "async with r.client() as r2:" }],
      fixture: "lifecycle/with_await_connections",
      proof: "with (await redis) as r2",
      note: "A `pipeline()`/`multi_exec()` on the borrowed connection inside the block is reported (`lifecycle/with_await_pipelines`, differential program 84): in 1.x it ran on that connection, redis-py's pipeline takes a second one from the pool, so concurrent callers on a bounded pool deadlock; the suggestion creates the pipeline on the client.",
    },
    {
      row: "`async with pool.get() as conn:`",
      ref: "Auto+flag",
      handling: "auto",
      snippet: mod(`import aioredis


async def main():
    pool = await aioredis.create_pool("redis://localhost")
# >>>
    async with pool.get() as conn:
        await conn.execute("DEL", "a")
# <<<
`),
      expect: [{ kind: "auto", rule: "lifecycle", contains: ".client() as conn:" }],
      fixture: "lifecycle/with_await_connections",
      proof: "pool.get()",
    },
    {
      row: "`conn = await pool.acquire()` … `pool.release(conn)`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis


async def main():
    pool = await aioredis.create_pool("redis://localhost")
# >>>
    conn = await pool.acquire()
    try:
        await conn.execute("PING")
    finally:
        pool.release(conn)
# <<<
`),
      expect: [{ kind: "manual", rule: "lifecycle", contains: "client()" }],
      fixture: "lifecycle/acquire_release",
      proof: "acquire()",
    },
    { row: "`async with` on a client (not in 1.x)", ref: "—", handling: "info", expect: "unchanged" },
  ],
};
