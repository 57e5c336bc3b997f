import { mod, param, type RowSpec, type Section } from "../snippets.js";

const info = (row: string): RowSpec => ({ row, ref: "—", handling: "info", expect: "unchanged" });

export const PIPELINES: Section = {
  section: "6.1",
  title: "Pipelines and transactions: semantics",
  rows: [
    {
      row: "Command on a pipeline returns a Future (now the pipeline itself)",
      ref: "Manual",
      handling: "auto",
      snippet: param(`pipe = r.pipeline()
fut = pipe.incr("hits")
await pipe.execute()
print(await fut)`),
      expect: [{ kind: "auto", rule: "pipelines", contains: "results = await pipe.execute()" }],
      fixture: "pipelines/futures_awaited_after_execute",
      proof: "await tr.execute()",
    },
    {
      row: "`fut = pipe.incr(k); await pipe.execute(); x = await fut`",
      ref: "Manual",
      handling: "auto",
      snippet: param(`pipe = r.pipeline()
a = pipe.incr("a")
b = pipe.incr("b")
await pipe.execute()
x = await a
y = await b`),
      expect: [
        { kind: "auto", rule: "pipelines", contains: "x = results[0]" },
        { kind: "output", contains: "y = results[1]" },
      ],
      fixture: "pipelines/futures_awaited_after_execute",
      proof: "await tr.execute()",
    },
    info("Awaiting a queued command before `execute()`"),
    {
      row: "`await asyncio.gather(f1, f2)` after execute",
      ref: "Manual",
      handling: "auto",
      snippet: param(`tr = r.multi_exec()
f1 = tr.incr("a")
f2 = tr.incr("b")
await tr.execute()
a, b = await asyncio.gather(f1, f2)`),
      expect: [{ kind: "auto", rule: "pipelines", contains: "a, b = [results[0], results[1]]" }],
      fixture: "pipelines/futures_in_list",
      proof: "gather(",
    },
    {
      row: "`execute()` result (list of replies, in order)",
      ref: "Auto",
      handling: "unchanged",
      snippet: mod(`import aioredis


async def handler(r: aioredis.Redis):
    pipe = r.pipeline()
    pipe.incr("a")
# >>>
    a, = await pipe.execute()
# <<<
`),
      expect: "unchanged",
    },
    info("Chaining (`r.pipeline(transaction=False).incr(k).incr(k).execute()`)"),
    {
      row: "One command fails, non-transactional: `PipelineError` (now the first `ResponseError`)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`pipe = r.pipeline()
pipe.incr("a")
try:
    await pipe.execute()
except aioredis.PipelineError as e:
    print(e.args[1])`),
      expect: [
        { kind: "auto", rule: "exceptions", contains: "except redis.ResponseError as e:" },
        { kind: "manual", rule: "exceptions", contains: "errors = [r for r in results if isinstance(r, redis.ResponseError)]\nif errors:\n    print(errors)" },
      ],
      fixture: "exceptions/lossy_errors",
      proof: "except aioredis.PipelineError as exc:",
      note: "The suggestion runs the handler's body on the error replies of `execute(raise_on_error=False)`, with `e.args[1]` (aioredis's list of errors) replaced by that list.",
    },
    {
      row: "Return errors instead of raising: `execute(return_exceptions=True)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`pipe = r.pipeline()
pipe.incr("a")
results = await pipe.execute(return_exceptions=True)`),
      expect: [{ kind: "auto", rule: "pipelines", contains: "results = await pipe.execute(raise_on_error=False)" }],
      fixture: "pipelines/futures_awaited_after_execute",
      proof: "return_exceptions",
    },
    {
      row: "Runtime error inside MULTI/EXEC: `MultiExecError` (now the first `ResponseError`)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`tr = r.multi_exec()
tr.incr("a")
try:
    await tr.execute()
except aioredis.MultiExecError:
    pass`),
      expect: [
        { kind: "auto", rule: "exceptions", contains: "except (redis.WatchError, redis.ResponseError):" },
        { kind: "manual", rule: "exceptions", contains: "MultiExecError" },
      ],
      fixture: "exceptions/handlers_and_tuples",
      proof: "MultiExecError",
    },
    info("Queue-time error (unknown command / bad arity)"),
    info("Unretrieved failing futures"),
    info("`MultiExecError` hierarchy"),
  ],
};

export const WATCH: Section = {
  section: "6.2",
  title: "Pipelines and transactions: WATCH / optimistic locking",
  rows: [
    {
      row: "`with await pool as conn: await conn.watch(k); tr = conn.multi_exec(); …; await tr.execute()`",
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`with await r as conn:
    await conn.watch("balance")
    balance = int(await conn.get("balance"))
    tr = conn.multi_exec()
    tr.set("balance", balance + 10)
    await tr.execute()`),
      expect: [
        { kind: "auto", rule: "watch-transactions", contains: "tr.multi()" },
        { kind: "manual", rule: "watch-transactions", contains: "await tr.watch(\"balance\")" },
        { kind: "manual", rule: "lifecycle", contains: "use `r.pipeline(transaction=True)` and drop `async with r.client() as conn:`" },
      ],
      fixture: "watch-transactions/pooled_connection",
      proof: "with await",
    },
    {
      row: "`await redis.watch(k)` directly on a pooled `Redis`",
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`await r.watch("stock")
left = int(await r.get("stock"))
tr = r.multi_exec()
tr.set("stock", left - 1)
await tr.execute()`),
      expect: [
        { kind: "auto", rule: "watch-transactions", contains: "left = int(await tr.get(\"stock\"))" },
        { kind: "manual", rule: "watch-transactions" },
      ],
      fixture: "watch-transactions/watch_without_transaction",
      proof: ".watch(",
    },
    {
      row: "Conflict signal: `MultiExecError` holding `WatchVariableError` (now `WatchError`)",
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`while True:
    await r.watch("stock")
    left = int(await r.get("stock"))
    tr = r.multi_exec()
    tr.set("stock", left - 1)
    try:
        await tr.execute()
        break
    except aioredis.WatchVariableError:
        continue`),
      expect: [
        { kind: "auto", rule: "watch-transactions", contains: "except redis.WatchError:" },
        { kind: "manual", rule: "watch-transactions", contains: "retry loop is bounded" },
      ],
      fixture: "watch-transactions/retry_loop",
      proof: "WatchVariableError",
    },
    {
      row: "`unwatch()`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.watch("k")
v = await r.get("k")
if v is None:
    await r.unwatch()
    return
tr = r.multi_exec()
tr.set("k", int(v) + 1)
await tr.execute()`),
      expect: [{ kind: "auto", rule: "watch-transactions", contains: "await tr.unwatch()" }],
      fixture: "watch-transactions/bounded_for_loop",
      proof: "unwatch()",
      note: "A lone `await r.unwatch()` on a client outside a recognised WATCH block (a helper, an error path) is reported by `connection-state` (`connection-state/unwatch_in_helpers`): redis-py's client `unwatch()` sends nothing, it only warns \"Call UNWATCH from a Pipeline object\".",
    },
    {
      row: "Retry helper: none in 1.x (`r.transaction(func, *watches)`)",
      ref: "Manual",
      handling: "manual",
      snippet: param(`for _ in range(5):
    await r.watch("stock")
    left = int(await r.get("stock"))
    tr = r.multi_exec()
    tr.set("stock", left - 1)
    try:
        await tr.execute()
        break
    except aioredis.MultiExecError:
        continue`),
      expect: [{ kind: "manual", rule: "watch-transactions", contains: "WATCH" }],
      fixture: "watch-transactions/bounded_for_loop",
      proof: "for ",
      note: "The step explains what to check around the rewritten loop; `r.transaction()` itself is not suggested.",
    },
  ],
};

export const PUBSUB: Section = {
  section: "7.1",
  title: "Pub/Sub",
  rows: [
    {
      row: '`ch, = await r.subscribe("chan")` → list of `Channel`',
      ref: "Manual",
      handling: "auto",
      snippet: param(`ch, = await r.subscribe("news")
print(await ch.get())`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: 'ch = r.pubsub()\n    await ch.subscribe("news")' }],
      fixture: "pubsub-channels/single_get",
      proof: "subscribe(",
    },
    {
      row: "subscribing switched the whole connection into pub/sub mode (now a separate `PubSub` connection)",
      ref: "Auto",
      handling: "unchanged",
      snippet: param(`await r.publish("news", "hi")`),
      expect: "unchanged",
      note: "Nothing to rewrite: redis-py's `PubSub` takes its own connection, so the client keeps working.",
    },
    {
      row: "`await ch.get()` → payload only (now a message dict)",
      ref: "Manual",
      handling: "auto",
      snippet: param(`[ready] = await r.subscribe("ready")
signal = await ready.get()`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: 'signal = message["data"]' }],
      fixture: "pubsub-channels/single_get",
      proof: ".get()",
      note: "aioredis Channels gave bytes even on a client created with `encoding=`; when the module creates the subscribing client that way (now `decode_responses=True`), the payload and a pattern message's channel are encoded back: `message[\"data\"].encode(\"utf-8\")` (fixture pubsub-channels/encoded_client_payloads). A client from elsewhere is not followed.",
    },
    {
      row: "first message after subscribing is a confirmation (unless `ignore_subscribe_messages=True`)",
      ref: "Manual",
      handling: "auto",
      snippet: param(`ch, = await r.subscribe("news")
first = await ch.get()`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: "ignore_subscribe_messages=True" }],
      fixture: "pubsub-channels/single_get",
      proof: ".get()",
    },
    {
      row: "`get_message()` before any subscribe raises RuntimeError (no 1.x equivalent)",
      ref: "Manual",
      handling: "auto",
      snippet: param(`ch, = await r.subscribe("news")
first = await ch.get()`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: 'await ch.subscribe("news")\n    while True:\n        message = await ch.get_message(' }],
      fixture: "pubsub-channels/single_get",
      proof: ".get()",
      note: "No 1.x code to detect; the generated consumers always subscribe before reading.",
    },
    {
      row: '`await ch.get(encoding="utf-8")` (now `decode_responses=True` on the client)',
      ref: "Manual",
      handling: "auto",
      snippet: param(`ch, = await r.subscribe("news")
text = await ch.get(encoding="utf-8")`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: '.decode("utf-8")' }],
      fixture: "pubsub-channels/encoded_get",
      proof: 'get(encoding="utf-8")',
    },
    {
      row: "`await ch.get_json()` (now `json.loads(msg[\"data\"])`)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`ch, = await r.subscribe("events")
event = await ch.get_json()`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: 'event = json.loads(message["data"])' }],
      fixture: "pubsub-channels/reader_task",
      proof: "get_json()",
    },
    {
      row: "`async for m in ch.iter(encoding=…)` (now `ps.listen()`, filtered on `type == \"message\"`)",
      ref: "Manual",
      handling: "auto",
      snippet: param(`channel, = await r.subscribe("notifications")
async for text in channel.iter(encoding="utf-8"):
    print(text)`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: 'if message["type"] != "message":' }],
      fixture: "pubsub-channels/iter_with_encoding",
      proof: ".iter(",
    },
    {
      row: "`while await ch.wait_message(): msg = await ch.get()`",
      ref: "Manual",
      handling: "auto",
      snippet: param(`ch, = await r.subscribe("jobs")
while await ch.wait_message():
    msg = await ch.get()
    print(msg)`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: "async for message in ch.listen():" }],
      fixture: "pubsub-channels/consumer_module",
      proof: "wait_message()",
    },
    {
      row: '`pch, = await r.psubscribe("ch*")`; `await pch.get()` → `(channel, payload)`',
      ref: "Manual",
      handling: "auto",
      snippet: param(`pch, = await r.psubscribe("events:*")
async for name, payload in pch.iter():
    print(name, payload)`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: "psubscribe(" }],
      fixture: "pubsub-channels/pattern_iter",
      proof: "psubscribe(",
    },
    {
      row: "`ch.is_active`",
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`ch, = await r.subscribe("jobs")
while ch.is_active:
    print(await ch.get())`),
      expect: [
        { kind: "auto", rule: "pubsub-channels", contains: "while ch.subscribed:" },
        { kind: "manual", rule: "pubsub-channels", contains: "print(message[\"data\"])" },
      ],
      fixture: "pubsub-channels/is_active_loop",
      proof: "while ch.is_active:",
      note: "`is_active` → `subscribed` (the PubSub holds only that channel), `is_pattern` → `bool(ps.patterns)`. Every other Channel method or attribute left on a converted channel (`get()`/`get_json()` outside the rewritten shapes, `wait_message()`, `iter()`, `name`, `put_nowait()`), also in a module function the channel is passed to, is a manual step with suggested code (for a read: the `get_message` loop, then the statement with `message[\"data\"]`). A converted channel returned, stored on an object or passed to a function outside the module is reported where it leaves (fixture pubsub-channels/channel_leaves_function).",
    },
    {
      row: "after `unsubscribe`, `ch.get()` raises `ChannelClosedError`",
      ref: "Manual",
      handling: "manual",
      snippet: param(`ch, = await r.subscribe("jobs")
try:
    msg = await ch.get()
except aioredis.ChannelClosedError:
    pass`),
      expect: [{ kind: "manual", rule: "exceptions", contains: "ChannelClosedError" }],
      fixture: "exceptions/busygroup_and_channel_closed",
      proof: "ChannelClosedError",
    },
    {
      row: "`Receiver()` + `r.subscribe(mpsc.channel(\"a\"), …)` + `await mpsc.get()`",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis
from aioredis.pubsub import Receiver


async def fan_in(r: aioredis.Redis):
    mpsc = Receiver()
# >>>
    await r.subscribe(mpsc.channel("a"), mpsc.channel("b"))
# <<<
    return mpsc
`),
      expect: [{ kind: "manual", rule: "pubsub-channels", contains: "Channel objects" }],
      fixture: "pubsub-channels/receiver_and_many_channels",
      proof: "Receiver()",
    },
    info("(new) callback style: `ps.subscribe(**{\"chan\": handler})`, `ps.run()`"),
    {
      row: '`await r.unsubscribe("chan")`, `punsubscribe` (now on the `PubSub` object)',
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`[ready] = await r.subscribe("ready")
signal = await ready.get()
await r.unsubscribe("ready")`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: 'await ready.unsubscribe("ready")' }],
      fixture: "pubsub-channels/single_get",
      proof: "unsubscribe(",
    },
    {
      row: "channel cleanup (`await ps.close()` / `aclose()`)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`ch, = await r.subscribe("jobs")
msg = await ch.get()
ch.close()`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: "    await ch.aclose()\n" }],
      fixture: "pubsub-channels/pattern_consumer_task",
      proof: "events.close()",
      note: "1.x `ch.close()` (sync) on a channel turned `PubSub` → `await ch.aclose()` (`await ch.close()` with `--redis-version 4.2`, fixture pubsub-channels/close_on_shutdown); outside an `async def` it is a manual step.",
    },
    {
      row: "`publish_json` (see 5.13-02)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.publish_json("news", payload)`),
      expect: [{ kind: "auto", rule: "renamed-commands", contains: 'await r.publish("news", json.dumps(payload))' }],
      fixture: "renamed-commands/publish_json",
      proof: "publish_json(",
    },
  ],
};

/** `except aioredis.<cls>` around a command. */
function handler(cls: string): ReturnType<typeof param> {
  return param(`try:
    await r.incr("hits")
except aioredis.${cls} as e:
    print(e)`);
}

export const EXCEPTIONS: Section = {
  section: "8",
  title: "Exceptions",
  rows: [
    { row: "`RedisError`", ref: "Auto", handling: "auto", snippet: handler("RedisError"), expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.RedisError as e:" }], fixture: "exceptions/raise_and_bases", proof: "RedisError" },
    { row: "`ProtocolError` (now `InvalidResponse`)", ref: "Auto", handling: "auto", snippet: handler("ProtocolError"), expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.InvalidResponse as e:" }], fixture: "imports/crlf_file", proof: "ProtocolError" },
    {
      row: "`ReplyError` (now `ResponseError`; message loses `ERR `)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: handler("ReplyError"),
      expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.ResponseError as e:" }],
      fixture: "exceptions/handlers_and_tuples",
      proof: "ReplyError",
      note: "The message change is flagged only where the handler matches on the text (row 5.0-07).",
    },
    {
      row: "`MaxClientsError` (now `ConnectionError`)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: handler("MaxClientsError"),
      expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.ConnectionError as e:" }, { kind: "manual", rule: "exceptions" }],
      fixture: "exceptions/lossy_errors",
      proof: "except aioredis.MaxClientsError:",
      note: "Around a client creation the handler is also reported as no longer seeing the connection failure (redis-py connects at the first command).",
    },
    {
      row: "`AuthError` (now `AuthenticationError`, a `ConnectionError`)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`try:
    await r.incr("hits")
except aioredis.ConnectionClosedError:
    pass
except aioredis.AuthError as e:
    print(e)`),
      expect: [
        { kind: "auto", rule: "exceptions", contains: "except redis.AuthenticationError as e:" },
        { kind: "manual", rule: "exceptions", contains: "in redis-py `AuthenticationError` is a `ConnectionError`" },
      ],
      fixture: "exceptions/hierarchy_and_watch",
      proof: "except aioredis.AuthError:",
      note: "Flagged where an earlier handler of the same `try` now catches it (`ConnectionError`, `RedisError`); a lone handler is renamed silently. Redis 7's `WRONGPASS` reply is a `ReplyError` in aioredis and an `AuthenticationError` from redis-py 4.4.0 on (a `ResponseError` in 4.2–4.3), so the default target catches more than before, not less.",
    },
    {
      row: "`BusyGroupError` (now a plain `ResponseError`)",
      ref: "Manual",
      handling: "auto+flag",
      snippet: mod(`import aioredis.errors


async def ensure_group(r: aioredis.Redis):
    try:
        await r.xgroup_create("events", "g")
# >>>
    except aioredis.errors.BusyGroupError:
# <<<
        pass
`),
      expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.ResponseError" }, { kind: "manual", rule: "exceptions", contains: "BUSYGROUP" }],
      fixture: "exceptions/busygroup_and_channel_closed",
      proof: "BusyGroupError",
    },
    {
      row: "`PipelineError` (`args = (msg, [errors])`; now the first error only)",
      ref: "Manual",
      handling: "auto+flag",
      snippet: handler("PipelineError"),
      expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.ResponseError as e:" }, { kind: "manual", rule: "exceptions", contains: "raise_on_error=False" }],
      fixture: "exceptions/lossy_errors",
      proof: "except aioredis.PipelineError as exc:",
    },
    {
      row: "`MultiExecError` (command failure, WATCH conflict, EXECABORT)",
      ref: "Manual",
      handling: "auto+flag",
      snippet: handler("MultiExecError"),
      expect: [{ kind: "auto", rule: "exceptions" }, { kind: "manual", rule: "exceptions", contains: "WatchError" }],
      fixture: "exceptions/handlers_and_tuples",
      proof: "MultiExecError",
    },
    {
      row: "`WatchVariableError` (now `WatchError`; never matched around `execute()` in 1.x)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`tr = r.multi_exec()
tr.incr("a")
try:
    await tr.execute()
except aioredis.WatchVariableError:
    pass`),
      expect: [
        { kind: "auto", rule: "exceptions", contains: "except redis.WatchError:" },
        { kind: "manual", rule: "exceptions", contains: "this handler now runs on every conflict" },
      ],
      fixture: "exceptions/hierarchy_and_watch",
      proof: "except Conflict:",
      note: "Flagged where the `try` awaits `execute()` and no handler of it catches `MultiExecError`/`PipelineError` (which took the conflict before and still does).",
    },
    {
      row: "`ChannelClosedError` (no equivalent)",
      ref: "Manual",
      handling: "manual",
      snippet: handler("ChannelClosedError"),
      expect: [{ kind: "manual", rule: "exceptions", contains: "ChannelClosedError" }],
      fixture: "exceptions/busygroup_and_channel_closed",
      proof: "ChannelClosedError",
    },
    {
      row: "`ConnectionClosedError` (now `ConnectionError`)",
      ref: "Auto",
      handling: "auto+flag",
      snippet: handler("ConnectionClosedError"),
      expect: [
        { kind: "auto", rule: "exceptions", contains: "except redis.ConnectionError as e:" },
        { kind: "manual", rule: "exceptions", contains: "a redis-py client reconnects and runs the command, so this handler no longer runs for a client used after `close()`" },
      ],
      fixture: "exceptions/closed_client_handlers",
      proof: "redis_errors.ConnectionClosedError",
      note: "Every handler (and `isinstance` check) is flagged once: aioredis 1.x raised it for a command on a closed client, redis-py reconnects instead (verified with 1.3.1 / 4.3.4; differential program 85). The suggestion checks an application-kept closed flag before the command and does what the handler did.",
    },
    {
      row: "`ConnectionForcedCloseError` (now `ConnectionError`, lossy)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: handler("ConnectionForcedCloseError"),
      expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.ConnectionError as e:" }, { kind: "manual", rule: "exceptions" }],
      fixture: "exceptions/lossy_errors",
      proof: "except aioredis.ConnectionForcedCloseError:",
    },
    {
      row: "`PoolClosedError` (now `ConnectionError`, lossy)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: handler("PoolClosedError"),
      expect: [
        { kind: "auto", rule: "exceptions", contains: "except redis.ConnectionError as e:" },
        { kind: "manual", rule: "exceptions", contains: "no longer runs for a client used after `close()`. It now catches `ConnectionError`, which also covers every other connection failure (`PoolClosedError` did not)" },
      ],
      fixture: "exceptions/closed_client_handlers",
      proof: "except aioredis.PoolClosedError:",
      note: "One step per handler: aioredis 1.x raised it for every command on a closed pool; a redis-py client reconnects, so the handler (and a loop it ends) no longer runs after `close()`, and `ConnectionError` is broader. Suggested: an application-kept closed flag checked before the command (differential program 85).",
    },
    { row: "`ReadOnlyError` (now a `ResponseError` subclass)", ref: "Auto", handling: "auto", snippet: handler("ReadOnlyError"), expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.ReadOnlyError as e:" }], fixture: "exceptions/read_only_failover", proof: "ReadOnlyError" },
    {
      row: "`MasterNotFoundError` (now `redis.asyncio.sentinel.MasterNotFoundError`)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: handler("MasterNotFoundError"),
      expect: [{ kind: "auto", rule: "exceptions", contains: "MasterNotFoundError as e:" }, { kind: "output", contains: "redis.asyncio.sentinel" }],
      fixture: "exceptions/sentinel_errors",
      proof: "MasterNotFoundError",
    },
    {
      row: "`SlaveNotFoundError` (now `redis.asyncio.sentinel.SlaveNotFoundError`)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: handler("SlaveNotFoundError"),
      expect: [{ kind: "auto", rule: "exceptions", contains: "SlaveNotFoundError as e:" }, { kind: "output", contains: "redis.asyncio.sentinel" }],
      fixture: "exceptions/sentinel_errors",
      proof: "SlaveNotFoundError",
    },
    {
      row: "`MasterReplyError` / `SlaveReplyError` (now `ResponseError`, lossy)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: handler("MasterReplyError"),
      expect: [{ kind: "auto", rule: "exceptions", contains: "except redis.ResponseError as e:" }, { kind: "manual", rule: "exceptions" }],
      fixture: "exceptions/lossy_errors",
      proof: "except (MasterReplyError, SlaveReplyError) as exc:",
    },
    {
      row: "builtin `ConnectionRefusedError` / `OSError` from a factory (now `ConnectionError` at the first command)",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis


async def main():
    try:
        r = await aioredis.create_redis_pool("redis://localhost")
# >>>
    except ConnectionRefusedError:
# <<<
        raise SystemExit(1)
    await r.set("k", "v")
`),
      expect: [{ kind: "manual", rule: "exceptions", contains: "await r.ping()\nexcept redis.ConnectionError:" }],
      fixture: "exceptions/connect_errors",
      proof: "except OSError as exc:",
      note: "Also in tuples, with `return await …`, around `asyncio.wait_for(…)`; a handler that also catches `RedisError` around a later command on the client is left alone.",
    },
    {
      row: "`asyncio.TimeoutError` from `create_*(timeout=…)` (now `redis.exceptions.TimeoutError`)",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import asyncio

import aioredis


async def main():
    try:
        r = await aioredis.create_redis_pool("redis://localhost", timeout=1)
# >>>
    except asyncio.TimeoutError:
# <<<
        raise SystemExit(1)
    await r.set("k", "v")
`),
      expect: [{ kind: "manual", rule: "exceptions", contains: "await r.ping()\nexcept redis.TimeoutError:" }],
      fixture: "exceptions/connect_timeout",
      proof: "except (AsyncTimeout, ConnectionRefusedError):",
      note: "Also `from asyncio import TimeoutError`, builtin `TimeoutError`, and `asyncio.wait_for(create_*(…), n)` (the suggested `ping()` runs inside the same `wait_for`). A single-connection client awaited inside `wait_for` still connects there and is left alone.",
    },
    {
      row: "builtin `TypeError` / `ValueError` from client-side validation (now mostly `DataError`)",
      ref: "Manual",
      handling: "manual",
      snippet: param(`try:
    await r.zrangebylex("z", "a", "c")
except TypeError:
    pass`),
      expect: [{ kind: "manual", rule: "exceptions", contains: "except (TypeError, redis.DataError):" }],
      fixture: "exceptions/argument_checks",
      proof: "except (TypeError, aioredis.ReplyError) as exc:",
      note: "Reported only when the `try` body is nothing but Redis commands with plain arguments, so the class cannot come from other code (`int(await r.get(k))`, `a, b = await r.blpop(…)` are left alone).",
    },
    info("— new classes (`DataError`, `NoScriptError`, `LockError`, …)"),
  ],
};
