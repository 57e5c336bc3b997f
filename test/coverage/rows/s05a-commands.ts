import { param, type RowSpec, type Section } from "../snippets.js";

/** A row whose signature and reply are the same in redis-py: the calls are left alone. */
function same(row: string, body: string, note?: string): RowSpec {
  return { row, ref: "Auto", handling: "unchanged", snippet: param(body), expect: "unchanged", note };
}

export const CROSS_CUTTING: Section = {
  section: "5.0",
  title: "Commands: cross-cutting rules",
  rows: [
    {
      row: '`await r.get(k, encoding="utf-8")` and every other `encoding=` keyword',
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`names = await r.keys("user:*", encoding="utf-8")
return [n.upper() for n in names]`),
      expect: [
        { kind: "auto", rule: "call-encoding", contains: 'names = await r.keys("user:*")' },
        { kind: "manual", rule: "call-encoding", contains: "decode" },
      ],
      fixture: "call-encoding/kwargs_methods",
      proof: "encoding=",
    },
    {
      row: "unknown leftover keyword on a `**kwargs` method",
      ref: "Manual",
      handling: "auto",
      snippet: param(`await r.flushdb(async_op=True)`),
      expect: [{ kind: "auto", rule: "keyword-renames", contains: "await r.flushdb(asynchronous=True)" }],
      fixture: "keyword-renames/flush_and_counters",
      proof: "async_op=",
      note: "The known leftovers (`encoding=`, `async_op=`) are rewritten; a keyword no rule knows is not reported.",
    },
    {
      row: '`r.execute("CMD", *args, encoding=...)`',
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`pong = await r.execute("PING")
if pong == b"PONG":
    print("up")`),
      expect: [
        { kind: "auto", rule: "execute-command", contains: 'pong = await r.execute_command("PING")' },
        { kind: "manual", rule: "execute-command", contains: "PING" },
      ],
      fixture: "execute-command/converted_replies",
      proof: "execute(",
    },
    {
      row: "`None` as an argument (`TypeError` → `DataError`)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`try:
    await r.set("k", None)
except TypeError:
    pass`),
      expect: [{ kind: "manual", rule: "exceptions", contains: "except (TypeError, redis.DataError):" }],
      fixture: "exceptions/argument_checks",
      proof: "except (TypeError, aioredis.ReplyError) as exc:",
      note: "A call that passes None outside such a handler is not reported: it fails either way (`DataError` instead of `TypeError`).",
    },
    {
      row: "keyword names `key`, `field`, `member` … (`name`, `key`, `value(s)`, `amount`)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.hincrby("h", field="visits", increment=2)
await r.zincrby("z", increment=2, member="a")
await r.sadd(key="online", member="alice")
await r.get(key="k")`),
      expect: [
        { kind: "auto", rule: "keyword-renames", contains: 'await r.hincrby("h", key="visits", amount=2)' },
        { kind: "auto", rule: "keyword-renames", contains: 'await r.zincrby("z", amount=2, value="a")' },
        { kind: "auto", rule: "keyword-renames", contains: 'await r.sadd("online", "alice")' },
        { kind: "auto", rule: "keyword-renames", contains: 'await r.get(name="k")' },
      ],
      fixture: "keyword-renames/hash_fields_by_keyword",
      proof: "field=page, increment=1",
      note: "A table of the 1.x parameter names of the 108 methods both libraries have (keyword-renames/signatures.ts, generated from the 1.3.1 and 4.3.4 signatures): keywords are renamed, or passed by position where redis-py takes `*args` (`sadd(name, *values)`, `delete(*names)`); keywords in another order than redis-py's positions, and calls with `*`/`**` arguments, are reported. Methods whose own rule rebuilds the call (zadd, z*range*, sort, geoadd, streams, blocking pops, eval) rename their keywords there. `get`/`set`/`delete`/… keywords are renamed only on clients the data flow knows or receivers named after redis (not `cache.get(key=…)`, which may be aiocache).",
    },
    {
      row: "`r.SET_IF_EXIST`, `r.ZSET_EXCLUDE_MIN`, `r.ZSET_AGGREGATE_SUM`, `r.SHUTDOWN_SAVE` … class constants",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.set("lock", "1", exist=r.SET_IF_NOT_EXIST)
await r.shutdown(save=r.SHUTDOWN_NOSAVE)`),
      expect: [
        { kind: "auto", rule: "set-options", contains: 'await r.set("lock", "1", nx=True)' },
        { kind: "auto", rule: "keyword-renames", contains: "await r.shutdown(nosave=True)" },
      ],
      fixture: "sorted-set-constants/standalone_reads",
      proof: "ZSET_",
    },
    {
      row: '`ReplyError` text such as `"ERR value is not…"`',
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`try:
    await r.incr("name")
except aioredis.ReplyError as e:
    if str(e).startswith("ERR value is not"):
        pass`),
      expect: [
        { kind: "auto", rule: "exceptions", contains: "except redis.ResponseError as e:" },
        { kind: "manual", rule: "exceptions", contains: 'str(e).startswith("value is not")' },
      ],
      fixture: "exceptions/handlers_and_tuples",
      proof: "ERR ",
    },
  ],
};

export const GENERIC: Section = {
  section: "5.1",
  title: "Commands: generic / keyspace",
  rows: [
    same("`delete(key, *keys)`", `n = await r.delete("a", "b")`),
    same("`exists(key, *keys)`", `n = await r.exists("a", "a", "nope")`),
    same("`unlink(key, *keys)`", `await r.unlink("a", "b")`),
    same("`touch(key, *keys)`", `await r.touch("a", "b")`),
    same("`dump(key)`", `blob = await r.dump("a")`),
    same("`restore(key, ttl, value)`", `await r.restore("b", 0, blob)`),
    {
      row: "`expire(key, timeout)`; a float is sent as PEXPIRE ms",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`await r.expire("a", 1.5)
await r.expire("b", ttl)`),
      expect: [
        { kind: "auto", rule: "set-options", contains: 'await r.pexpire("a", 1500)' },
        { kind: "output", contains: 'await r.expire("b", ttl)' },
        { kind: "manual", rule: "set-options", contains: 'await r.pexpire("b", int(ttl * 1000))' },
      ],
      fixture: "set-options/variable_ttls",
      proof: "expire(",
      note: "Float literals and visibly float expressions are rewritten to the millisecond command; a TTL whose data flow shows no int (a parameter without an `int` annotation, an attribute, a call result) is reported with that rewrite as the suggestion. Module constants, `int(...)`, `int`-annotated parameters and `self.x` assigned only ints in its class are left alone.",
    },
    {
      row: "`expireat(key, timestamp)` (float → PEXPIREAT ms)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`await r.expireat("a", time.time() + 60)`),
      expect: [{ kind: "auto", rule: "set-options", contains: 'await r.pexpireat("a", int((time.time() + 60) * 1000))' }],
      fixture: "set-options/float_ttls",
      proof: "expireat(",
    },
    same("`pexpire(key, timeout)`, `pexpireat(key, timestamp)`", `await r.pexpire("a", 1500)
await r.pexpireat("a", 1700000000000)`),
    same("`persist(key)`", `await r.persist("a")`),
    same("`ttl(key)`, `pttl(key)`", `left = await r.ttl("a"), await r.pttl("a")`),
    {
      row: "`keys(pattern, *, enc)`",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`for k in await r.keys("user:*", encoding="utf-8"):
    print(k.upper())`),
      expect: [
        { kind: "auto", rule: "call-encoding", contains: 'await r.keys("user:*")' },
        { kind: "manual", rule: "call-encoding" },
      ],
      fixture: "call-encoding/kwargs_methods",
      proof: "keys(",
    },
    same("`randomkey(*, enc)`", `k = await r.randomkey()`),
    {
      row: "`rename(key, newkey)`; raised `ValueError` locally if `key == newkey`",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`try:
    await r.rename(src, dst)
except ValueError:
    pass`),
      expect: [{ kind: "manual", rule: "exceptions", contains: "redis-py sends `RENAME` even when the key and the new key are the same" }],
      fixture: "exceptions/argument_checks",
      proof: "await self.redis.rename(old, new)",
      note: "The call itself is unchanged; only a `ValueError` handler around it is reported.",
    },
    same("`renamenx(key, newkey)`", `ok = await r.renamenx("a", "b")`),
    same("`move(key, db)`", `ok = await r.move("a", 1)`),
    same("`type(key)`", `t = await r.type("a")`),
    {
      row: "`object_refcount(key)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`n = await r.object_refcount("a")`),
      expect: [{ kind: "auto", rule: "renamed-commands", contains: 'n = await r.object("refcount", "a")' }],
      fixture: "renamed-commands/bitop_object",
      proof: "object_refcount",
    },
    {
      row: "`object_encoding(key)` → str (now bytes)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`enc = await r.object_encoding("a")
if enc == "embstr":
    print(enc)`),
      expect: [
        { kind: "auto", rule: "renamed-commands", contains: 'enc = await r.object("encoding", "a")' },
        { kind: "manual", rule: "renamed-commands" },
      ],
      fixture: "renamed-commands/bitop_object",
      proof: "object_encoding",
    },
    {
      row: "`object_idletime(key)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`idle = await r.object_idletime("a")`),
      expect: [{ kind: "auto", rule: "renamed-commands", contains: 'idle = await r.object("idletime", "a")' }],
      fixture: "renamed-commands/bitop_object",
      proof: "object_idletime",
    },
    {
      row: "`migrate(host, port, key, dest_db, timeout, *, copy, replace)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.migrate("10.0.0.2", 6379, "a", dest_db=0, timeout=1000, copy=True)`),
      expect: [{ kind: "auto", rule: "keyword-renames", contains: "destination_db=0" }],
      fixture: "keyword-renames/sets_and_migrate",
      proof: "dest_db",
    },
    {
      row: "`migrate_keys(host, port, keys, dest_db, timeout, *, copy, replace)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.migrate_keys("10.0.0.2", 6379, ["a", "b"], 0, 1000)`),
      expect: [{ kind: "auto", rule: "keyword-renames", contains: 'await r.migrate("10.0.0.2", 6379, ["a", "b"], 0, 1000)' }],
      fixture: "keyword-renames/sets_and_migrate",
      proof: "migrate_keys",
    },
    {
      row: "`sort(key, *get_patterns, by, offset, count, asc, alpha, store)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`ids = await r.sort("ids", "user:*->name", by="w_*", offset=0, count=10, asc=False)`),
      expect: [{ kind: "auto", rule: "sort-arguments", contains: 'get=["user:*->name"]' }],
      fixture: "sort-arguments/patterns_and_limits",
      proof: "sort(",
    },
    same("`scan(cursor=0, match=None, count=None)`", `cur, keys = await r.scan(0, match="user:*", count=100)`),
    {
      row: "`iscan(*, match=None, count=None)` (async iterator)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`async for key in r.iscan(match="user:*"):
    print(key)`),
      expect: [{ kind: "auto", rule: "scan-iterators", contains: 'r.scan_iter(match="user:*")' }],
      fixture: "scan-iterators/iterators",
      proof: "iscan(",
    },
    same("`wait(numslaves, timeout)`", `acked = await r.wait(1, 100)`),
    same("`echo(message, *, enc)`", `v = await r.echo("hello")`),
    {
      row: "`ping(message=_NOTSET, *, enc)` → `b'PONG'` (now True)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`if await r.ping() != b"PONG":
    raise RuntimeError("down")
hi = await r.ping("hi")`),
      expect: [
        { kind: "manual", rule: "reply-shapes", contains: "ping()" },
        { kind: "auto", rule: "renamed-commands", contains: 'hi = await r.echo("hi")' },
      ],
      fixture: "renamed-commands/ping_and_debug",
      proof: "ping(",
    },
    same("`quit()`", `await r.quit()`),
    {
      row: "`select(db)` (per connection)",
      ref: "Manual",
      handling: "manual",
      snippet: param(`await r.select(3)`),
      expect: [{ kind: "manual", rule: "connection-state", contains: "db=" }],
      fixture: "connection-state/select_on_pool",
      proof: ".select(",
    },
    same("`swapdb(from_index, to_index)`", `await r.swapdb(0, 1)`),
    {
      row: "`auth(password)` (per connection)",
      ref: "Manual",
      handling: "manual",
      snippet: param(`await r.auth(password)`),
      expect: [{ kind: "manual", rule: "connection-state", contains: "password=" }],
      fixture: "connection-state/auth_after_connect",
      proof: ".auth(",
    },
  ],
};

export const STRINGS: Section = {
  section: "5.2",
  title: "Commands: strings",
  rows: [
    {
      row: "`set(key, value, *, expire=0, pexpire=0, exist=None)` → True / False (now None)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`ok = await r.set("lock", "1", expire=30, exist=r.SET_IF_NOT_EXIST)
if ok is False:
    return`),
      expect: [
        { kind: "auto", rule: "set-options", contains: 'ok = await r.set("lock", "1", ex=30, nx=True)' },
        { kind: "manual", rule: "set-options", contains: "None" },
      ],
      fixture: "set-options/exist_flags",
      proof: "SET_IF_NOT_EXIST",
    },
    {
      row: "`set(..., expire=0)` / `expire=ttl` where ttl may be 0",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`await r.set("k", "v", expire=ttl)`),
      expect: [{ kind: "auto", rule: "set-options", contains: "ex=ttl or None" }],
      fixture: "set-options/odd_ttls",
      proof: "expire=",
    },
    {
      row: "`set(..., expire=1.5)` (TypeError in both)",
      ref: "Auto",
      handling: "auto+flag",
      snippet: param(`await r.set("k", "v", expire=1.5)`),
      expect: [
        { kind: "auto", rule: "set-options", contains: 'await r.set("k", "v", ex=1.5)' },
        { kind: "manual", rule: "set-options", contains: "px=1500" },
      ],
      fixture: "set-options/odd_ttls",
      proof: "expire=",
    },
    {
      row: "`setex(key, seconds, value)`; float seconds → PSETEX ms",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`await r.setex("k", 0.5, "v")`),
      expect: [{ kind: "auto", rule: "set-options", contains: 'await r.psetex("k", 500, "v")' }],
      fixture: "set-options/float_ttls",
      proof: "setex(",
    },
    same("`psetex(key, milliseconds, value)`", `await r.psetex("k", 1500, "v")`),
    same("`setnx(key, value)`", `ok = await r.setnx("k", "v")`),
    {
      row: "`get(key, *, enc)`",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`name = await r.get("user:1:name", encoding="utf-8")`),
      expect: [
        { kind: "auto", rule: "call-encoding", contains: 'name = await r.get("user:1:name")' },
        { kind: "manual", rule: "call-encoding", contains: 'name.decode("utf-8")' },
      ],
      fixture: "call-encoding/bytes_client",
      proof: "encoding=",
    },
    same("`getset(key, value, *, enc)`", `old = await r.getset("k", "v")`),
    same("`getrange(key, start, end, *, enc)`", `part = await r.getrange("k", 0, 3)`),
    same("`setrange(key, offset, value)`", `n = await r.setrange("k", 2, "xy")`),
    {
      row: "`mset(k1, v1, k2, v2, ...)` (pairs) or `mset({...})`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.mset("a", 1, "b", 2)`),
      expect: [{ kind: "auto", rule: "mset-mapping", contains: 'await r.mset({"a": 1, "b": 2})' }],
      fixture: "mset-mapping/pairs",
      proof: "mset(",
    },
    {
      row: "`msetnx(key, value, *pairs)` → int 0/1 (now bool)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`won = await r.msetnx("a", 1, "b", 2)
print("reserved", won)`),
      expect: [
        { kind: "auto", rule: "mset-mapping", contains: 'await r.msetnx({"a": 1, "b": 2})' },
        { kind: "manual", rule: "mset-mapping" },
      ],
      fixture: "mset-mapping/msetnx_reply",
      proof: "msetnx(",
    },
    same("`mget(key, *keys, enc)`", `a, b = await r.mget("a", "b")`),
    same("`incr(key)`, `decr(key)`", `await r.incr("n")
await r.decr("n")`),
    {
      row: "`incrby(key, increment)`, `decrby(key, decrement)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.incrby("n", increment=5)
await r.decrby("n", decrement=2)`),
      expect: [
        { kind: "auto", rule: "keyword-renames", contains: 'await r.incrby("n", amount=5)' },
        { kind: "auto", rule: "keyword-renames", contains: 'await r.decrby("n", amount=2)' },
      ],
      fixture: "keyword-renames/flush_and_counters",
      proof: "increment=",
    },
    same("`incrbyfloat(key, increment)`", `x = await r.incrbyfloat("f", 0.5)`),
    same("`append`, `strlen`, `getbit`, `setbit(key, offset, value)`", `await r.append("k", "x")
n = await r.strlen("k")
await r.setbit("bits", 7, 1)
b = await r.getbit("bits", 7)`),
    same("`bitcount(key, start=None, end=None)`", `n = await r.bitcount("bits", 0, 1)`),
    {
      row: "`bitpos(key, bit, start=None, end=None)` (1.x filled `start=0` when only `end` was given)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`pos = await r.bitpos("bits", 1, end=10)`),
      expect: [{ kind: "auto", rule: "keyword-renames", contains: 'pos = await r.bitpos("bits", 1, start=0, end=10)' }],
      fixture: "keyword-renames/bitpos_and_bgsave",
      proof: "1, end=last_byte",
      note: "A literal `None` start (`bitpos(k, 1, None, 5)`, `start=None`) becomes `0`; a start held in a variable that may be None at run time is left alone.",
    },
    {
      row: "`bitop_and(dest, key, *keys)` / `bitop_or` / `bitop_xor` / `bitop_not(dest, key)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.bitop_and("dest", "a", "b")
await r.bitop_not("inv", "a")`),
      expect: [
        { kind: "auto", rule: "renamed-commands", contains: 'await r.bitop("AND", "dest", "a", "b")' },
        { kind: "auto", rule: "renamed-commands", contains: 'await r.bitop("NOT", "inv", "a")' },
      ],
      fixture: "renamed-commands/bitop_object",
      proof: "bitop_",
    },
    { row: "`bitfield()` → `NotImplementedError` (newly available)", ref: "—", handling: "info", expect: "unchanged" },
  ],
};

export const HASHES: Section = {
  section: "5.3",
  title: "Commands: hashes",
  rows: [
    same("`hset(key, field, value)`", `await r.hset("h", "f", "v")`),
    {
      row: "`hmset(key, field, value, *pairs)` → True (now `hset(mapping=)` → int)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`await r.hmset("user:1", "name", "ann", "age", 31)`),
      expect: [{ kind: "auto", rule: "hash-mapping", contains: 'await r.hset("user:1", mapping={"name": "ann", "age": 31})' }],
      fixture: "hash-mapping/hmset_pairs",
      proof: "hmset(",
      note: "The reply change (True → number of fields added) is flagged where the reply is used (`hash-mapping/reply_used`).",
    },
    {
      row: "`hmset_dict(key, {…}, **kwargs)` → True (now int)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`if await r.hmset_dict("user:1", profile, active=1):
    print("saved")`),
      expect: [
        { kind: "auto", rule: "hash-mapping", contains: 'r.hset("user:1", mapping={**profile, "active": 1})' },
        { kind: "manual", rule: "hash-mapping" },
      ],
      fixture: "hash-mapping/reply_used",
      proof: "hmset_dict(",
    },
    same("`hget(key, field, *, enc)`", `v = await r.hget("h", "f")`),
    same("`hgetall(key, *, enc)`", `d = await r.hgetall("h")`),
    same("`hmget(key, field, *fields, enc)`", `a, b = await r.hmget("h", "a", "b")`),
    same("`hkeys`, `hvals`, `hlen`, `hstrlen`, `hexists`, `hdel(key, field, *fields)`", `ks = await r.hkeys("h")
vs = await r.hvals("h")
n = await r.hlen("h") + await r.hstrlen("h", "f")
if await r.hexists("h", "f"):
    await r.hdel("h", "f", "g")`),
    same("`hsetnx(key, field, value)`", `await r.hsetnx("h", "f", "v")`),
    {
      row: "`hincrby(key, field, increment=1)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.hincrby("h", "visits", increment=5)`),
      expect: [{ kind: "auto", rule: "hash-mapping", contains: 'await r.hincrby("h", "visits", amount=5)' }],
      fixture: "hash-mapping/increments",
      proof: "hincrby(",
    },
    {
      row: "`hincrbyfloat(key, field, increment=1.0)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.hincrbyfloat("h", "score", increment=0.5)`),
      expect: [{ kind: "auto", rule: "hash-mapping", contains: 'await r.hincrbyfloat("h", "score", amount=0.5)' }],
      fixture: "hash-mapping/increments",
      proof: "hincrbyfloat(",
    },
    {
      row: "`hscan(key, cursor=0, match=None, count=None)` → pairs (now a dict)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`cur, pairs = await r.hscan("h", 0)
for field, value in pairs:
    print(field, value)`),
      expect: [{ kind: "manual", rule: "scan-iterators", contains: ".items()" }],
      fixture: "scan-iterators/hscan_pages",
      proof: "hscan(",
    },
    {
      row: "`ihscan(key, *, match=None, count=None)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`async for field, value in r.ihscan("h", match="a*"):
    print(field, value)`),
      expect: [{ kind: "auto", rule: "scan-iterators", contains: 'r.hscan_iter("h", match="a*")' }],
      fixture: "scan-iterators/iterators",
      proof: "ihscan(",
    },
  ],
};

export const LISTS: Section = {
  section: "5.4",
  title: "Commands: lists",
  rows: [
    {
      row: "`blpop(key, *keys, timeout=0, enc)` → list (now tuple)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`item = await r.blpop("q1", "q2", timeout=5)
if item == [b"q1", b"x"]:
    pass`),
      expect: [
        { kind: "auto", rule: "blocking-pops", contains: 'await r.blpop(["q1", "q2"], timeout=5)' },
        { kind: "manual", rule: "blocking-pops", contains: "tuple" },
      ],
      fixture: "blocking-pops/result_as_list",
      proof: "blpop(",
    },
    {
      row: "`brpop(key, *keys, timeout=0, enc)`",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`key, value = await r.brpop("q1", "q2", timeout=5)`),
      expect: [{ kind: "auto", rule: "blocking-pops", contains: 'await r.brpop(["q1", "q2"], timeout=5)' }],
      fixture: "blocking-pops/multi_key_queues",
      proof: "brpop(",
      note: "Unpacking works on the tuple as it did on the list, so nothing is flagged here; list-only uses are (`blocking-pops/result_as_list`).",
    },
    {
      row: "`brpoplpush(sourcekey, destkey, timeout=0, enc)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`v = await r.brpoplpush(sourcekey="q", destkey="work", timeout=2)`),
      expect: [{ kind: "auto", rule: "blocking-pops", contains: 'r.brpoplpush(src="q", dst="work", timeout=2)' }],
      fixture: "blocking-pops/brpoplpush_keywords",
      proof: "brpoplpush(",
    },
    same("`lpop(key, *, enc)`, `rpop(key, *, enc)`", `a = await r.lpop("q")
b = await r.rpop("q")`),
    same("`lpush(key, value, *values)`, `rpush(...)`", `await r.lpush("q", "a", "b")
await r.rpush("q", "c")`),
    same("`lpushx(key, value)`, `rpushx(key, value)`", `await r.lpushx("q", "a")
await r.rpushx("q", "b")`),
    same("`lrange(key, start, stop, *, enc)`", `items = await r.lrange("q", 0, -1)`),
    same("`lrem(key, count, value)` (same order)", `await r.lrem("q", 0, "a")`),
    {
      row: "`linsert(key, pivot, value, before=False)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.linsert("q", "b", "a", before=True)`),
      expect: [{ kind: "auto", rule: "linsert-where", contains: 'await r.linsert("q", "BEFORE", "b", "a")' }],
      fixture: "linsert-where/positions",
      proof: "linsert(",
    },
    same("`lindex(key, index, *, enc)`", `first = await r.lindex("q", 0)`),
    {
      row: "`lset(key, index, value)` → `b'OK'` (now True)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`if await r.lset("q", 0, "x") == b"OK":
    print("ok")`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: 'if await r.lset("q", 0, "x"):' }],
      fixture: "reply-shapes/status_ok",
      proof: "lset(",
      note: "The call needs no rewrite; comparisons with the old status, `.decode()` and printing of the reply are reported (also when it is stored in an attribute).",
    },
    same("`ltrim(key, start, stop)`", `await r.ltrim("q", 0, 99)`),
    same("`llen(key)`", `n = await r.llen("q")`),
    same("`rpoplpush(sourcekey, destkey, *, enc)`", `v = await r.rpoplpush("q", "work")`),
  ],
};

export const SETS: Section = {
  section: "5.5",
  title: "Commands: sets",
  rows: [
    {
      row: "`smembers(key, *, enc)` → list (now set)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`tags = await r.smembers("tags")
first = tags[0]`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: "sorted(tags)[0]" }],
      fixture: "reply-shapes/set_replies",
      proof: "smembers(",
      note: "The call itself needs no change; the step is left at the use that depends on a list: indexing, list methods, `+`, JSON, a comparison with a list (`== [...]` is always False now), and printed, formatted or logged replies (a set prints `{…}` in another order); the suggestion is `sorted(...)`.",
    },
    {
      row: "`sinter/sunion/sdiff(key, *keys)` → list (now set)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`common = await r.sinter("a", "b")
print("common", common)`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: 'print("common", sorted(common))' }],
      fixture: "reply-shapes/printed_set_replies",
      proof: "sinter(",
    },
    same("`sinterstore/sunionstore/sdiffstore(destkey, key, *keys)`", `n = await r.sunionstore("dest", "a", "b")`),
    {
      row: "`sismember(key, member)` → int (now bool)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`print("member:", await r.sismember("tags", "x"))`),
      expect: [{ kind: "manual", rule: "reply-shapes" }],
      fixture: "reply-shapes/set_replies",
      proof: "sismember(",
    },
    {
      row: "`smove(sourcekey, destkey, member)` → int (now bool)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`moved = await r.smove("a", "b", "x")
if moved is 1:
    print("moved")`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: "True/False" }],
      fixture: "reply-shapes/smove_claims",
      proof: "smove(",
    },
    same("`sadd(key, member, *members)`, `srem(...)`, `scard`", `await r.sadd("s", "a", "b")
await r.srem("s", "a")
n = await r.scard("s")`),
    same("`spop(key, count=None, *, enc)`", `v = await r.spop("s")`),
    {
      row: "`srandmember(key, count=None, *, enc)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`picks = await r.srandmember("s", count=3)`),
      expect: [{ kind: "auto", rule: "keyword-renames", contains: 'await r.srandmember("s", number=3)' }],
      fixture: "keyword-renames/sets_and_migrate",
      proof: "srandmember(",
    },
    same("`sscan(key, cursor=0, match=None, count=None)`", `cur, members = await r.sscan("s", 0, match="a*")`),
    {
      row: "`isscan(key, *, match=None, count=None)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`async for m in r.isscan("s"):
    print(m)`),
      expect: [{ kind: "auto", rule: "scan-iterators", contains: 'r.sscan_iter("s")' }],
      fixture: "scan-iterators/iterators",
      proof: "isscan(",
    },
  ],
};


