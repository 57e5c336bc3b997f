import { mod, param, type RowSpec, type Section } from "../snippets.js";

/** A row whose signature and reply are the same in redis-py: the calls are left alone. */
function same(row: string, body: string, note?: string): RowSpec {
  return { row, ref: "Auto", handling: "unchanged", snippet: param(body), expect: "unchanged", note };
}

export const SORTED_SETS: Section = {
  section: "5.6",
  title: "Commands: sorted sets",
  rows: [
    {
      row: "`zadd(key, score, member, *pairs, exist=, changed=, incr=)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.zadd("z", 1, "a", 2.5, "b", exist=r.ZSET_IF_NOT_EXIST, changed=True)`),
      expect: [{ kind: "auto", rule: "zadd-mapping", contains: 'await r.zadd("z", {"a": 1, "b": 2.5}, nx=True, ch=True)' }],
      fixture: "zadd-mapping/pairs_and_flags",
      proof: "zadd(",
      note: "Also on clients held where the data flow does not follow them (`self.redis` set from a parameter, a parameter `r`, in a module that never imports aioredis: fixture held_clients), whatever the score expression: redis-py's third positional is `nx`, so a non-flag third argument means the 1.x shape. Once the repository uses aioredis, files (and top-level statements) containing `zadd(` are parsed (fixture only_zadd_module). Pairs from a `*` argument are reported.",
    },
    {
      row: "`zadd(..., incr=True)` → bytes (now float)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`score = await r.zadd("z", 3, "a", incr=True)
print(score.decode())`),
      expect: [
        { kind: "auto", rule: "zadd-mapping", contains: 'await r.zadd("z", {"a": 3}, incr=True)' },
        { kind: "manual", rule: "zadd-mapping" },
      ],
      fixture: "zadd-mapping/incr_result",
      proof: "incr=True",
    },
    {
      row: "`zrange(key, start=0, stop=-1, withscores=False, enc)` (bounds now required; 4th positional = `desc`)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`everything = await r.zrange("z")
top = await r.zrange("z", 0, 9, True)`),
      expect: [
        { kind: "auto", rule: "sorted-set-ranges", contains: 'everything = await r.zrange("z", 0, -1)' },
        { kind: "auto", rule: "sorted-set-ranges", contains: 'top = await r.zrange("z", 0, 9, withscores=True)' },
      ],
      fixture: "sorted-set-ranges/index_ranges",
      proof: "zrange(",
    },
    {
      row: "`zrange(..., withscores=True)` → `[(member, int_or_float)]` (now float)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`for member, score in await r.zrange("z", 0, -1, withscores=True):
    print(f"{member}: {score}")`),
      expect: [{ kind: "manual", rule: "sorted-set-scores", contains: "float" }],
      fixture: "sorted-set-scores/withscores_loops",
      proof: "withscores=True",
    },
    {
      row: "`zrevrange(key, start, stop, withscores=False, enc)` (scores float)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`top = await r.zrevrange("z", 0, 2, withscores=True)
print(top[0][1])`),
      expect: [{ kind: "manual", rule: "sorted-set-scores" }],
      fixture: "sorted-set-scores/scan_pages_and_indexes",
      proof: "[0][1]",
    },
    {
      row: "`zrangebyscore(key, min, max, withscores, offset, count, *, exclude, enc)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`page = await r.zrangebyscore("z", 0, 100, offset=10, count=5, exclude=r.ZSET_EXCLUDE_MIN)`),
      expect: [{ kind: "auto", rule: "sorted-set-ranges", contains: 'await r.zrangebyscore("z", "(0", 100, start=10, num=5)' }],
      fixture: "sorted-set-ranges/score_ranges",
      proof: "zrangebyscore(",
    },
    {
      row: "`zrevrangebyscore(key, max, min, *, exclude, withscores, offset, count, enc)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`page = await r.zrevrangebyscore("z", offset=0, count=3)`),
      expect: [{ kind: "auto", rule: "sorted-set-ranges", contains: 'await r.zrevrangebyscore("z", "+inf", "-inf", start=0, num=3)' }],
      fixture: "sorted-set-ranges/score_ranges",
      proof: "zrevrangebyscore(",
    },
    {
      row: "`zrangebylex(key, min, max, include_min, include_max, offset, count, enc)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`names = await r.zrangebylex("names", b"b", b"d", include_max=False)`),
      expect: [{ kind: "auto", rule: "sorted-set-ranges", contains: 'await r.zrangebylex("names", b"[b", b"(d")' }],
      fixture: "sorted-set-ranges/lex_ranges",
      proof: "zrangebylex(",
    },
    {
      row: "`zrevrangebylex(key, min, max, …)` — min first (now max first)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`names = await r.zrevrangebylex("names", b"b", b"d")`),
      expect: [{ kind: "auto", rule: "sorted-set-ranges", contains: 'await r.zrevrangebylex("names", b"[d", b"[b")' }],
      fixture: "sorted-set-ranges/reverse_lex",
      proof: "zrevrangebylex(",
    },
    {
      row: "`zlexcount(key, min, max, include_min, include_max)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`n = await r.zlexcount("names", b"a", b"c")`),
      expect: [{ kind: "auto", rule: "sorted-set-ranges", contains: 'await r.zlexcount("names", b"[a", b"[c")' }],
      fixture: "sorted-set-ranges/lex_ranges",
      proof: "zlexcount(",
    },
    {
      row: "`zremrangebylex(key, min, max, include_min, include_max)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`n = await r.zremrangebylex("names", b"a", b"c", include_min=False)`),
      expect: [{ kind: "auto", rule: "sorted-set-ranges", contains: 'await r.zremrangebylex("names", b"(a", b"[c")' }],
      fixture: "sorted-set-ranges/lex_ranges",
      proof: "zremrangebylex(",
    },
    {
      row: "`zcount(key, min=-inf, max=inf, *, exclude=None)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`n = await r.zcount("z", 0, 10, exclude=r.ZSET_EXCLUDE_BOTH)`),
      expect: [{ kind: "auto", rule: "sorted-set-ranges", contains: 'await r.zcount("z", "(0", "(10")' }],
      fixture: "sorted-set-ranges/score_ranges",
      proof: "zcount(",
    },
    {
      row: "`zremrangebyscore(key, min=-inf, max=inf, *, exclude=None)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`n = await r.zremrangebyscore("z", max=10)`),
      expect: [{ kind: "auto", rule: "sorted-set-ranges", contains: 'await r.zremrangebyscore("z", "-inf", max=10)' }],
      fixture: "sorted-set-ranges/score_ranges",
      proof: "zremrangebyscore(",
    },
    same("`zremrangebyrank(key, start, stop)`", `n = await r.zremrangebyrank("z", 0, 9)`),
    {
      row: "`zscore(key, member)` → int when integral (now float)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`score = await r.zscore("z", "a")
print("score=" + str(score))`),
      expect: [{ kind: "manual", rule: "sorted-set-scores" }],
      fixture: "sorted-set-scores/score_as_index",
      proof: "zscore(",
    },
    {
      row: "`zincrby(key, increment, member)` → int_or_float (now float)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`n = await r.zincrby("z", 1, "a")
items[n] = "x"`),
      expect: [{ kind: "manual", rule: "sorted-set-scores" }],
      fixture: "sorted-set-scores/score_as_index",
      proof: "zincrby(",
    },
    same("`zrank`, `zrevrank`, `zcard`, `zrem(key, member, *members)`", `i = await r.zrank("z", "a")
j = await r.zrevrank("z", "a")
n = await r.zcard("z")
await r.zrem("z", "a", "b")`),
    {
      row: "`zinterstore(destkey, key, *keys, with_weights=False, aggregate=None)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.zinterstore("dest", ("a", 2), ("b", 1), with_weights=True, aggregate=r.ZSET_AGGREGATE_MAX)`),
      expect: [{ kind: "auto", rule: "sorted-set-aggregates", contains: 'await r.zinterstore("dest", {"a": 2, "b": 1}, aggregate="MAX")' }],
      fixture: "sorted-set-aggregates/weighted",
      proof: "with_weights",
    },
    {
      row: "`zunionstore(...)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.zunionstore("dest", "a", "b")`),
      expect: [{ kind: "auto", rule: "sorted-set-aggregates", contains: 'await r.zunionstore("dest", ["a", "b"])' }],
      fixture: "sorted-set-aggregates/keys_as_list",
      proof: "zunionstore(",
    },
    {
      row: "`zpopmin(key, count=None, *, enc)` / `zpopmax` → flat raw list (now tuples)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`popped = await r.zpopmin("z")
member, score = popped[0], float(popped[1])`),
      expect: [{ kind: "manual", rule: "sorted-set-scores" }],
      fixture: "sorted-set-scores/pop_shapes",
      proof: "zpopmin(",
    },
    {
      row: "`bzpopmin(key, *keys, timeout=0, enc)` / `bzpopmax` → `[key, member, b'score']`",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`key, member, score = await r.bzpopmin("z1", "z2", timeout=5)
print(float(score.decode()))`),
      expect: [
        { kind: "auto", rule: "blocking-pops", contains: 'await r.bzpopmin(["z1", "z2"], timeout=5)' },
        { kind: "manual", rule: "blocking-pops" },
      ],
      fixture: "blocking-pops/bzpop_scores",
      proof: "bzpopmin(",
    },
    {
      row: "`zscan(key, cursor=0, match=None, count=None)` (scores float)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`cur, pairs = await r.zscan("z", 0)
for member, score in pairs:
    print(f"{member}={score}")`),
      expect: [{ kind: "manual", rule: "sorted-set-scores", contains: "is_integer()" }],
      fixture: "sorted-set-scores/scan_pages_and_indexes",
      proof: "zscan(",
    },
    {
      row: "`izscan(key, *, match=None, count=None)` (scores float)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`async for member, score in r.izscan("z"):
    print(f"{member}={score}")`),
      expect: [
        { kind: "auto", rule: "scan-iterators", contains: 'r.zscan_iter("z")' },
        { kind: "manual", rule: "scan-iterators", contains: "is_integer()" },
      ],
      fixture: "scan-iterators/izscan_scores",
      proof: "izscan(",
    },
  ],
};

export const HYPERLOGLOG: Section = {
  section: "5.7",
  title: "Commands: HyperLogLog",
  rows: [
    same("`pfadd(key, value, *values)`", `await r.pfadd("hll", "a", "b")`),
    same("`pfcount(key, *keys)`", `n = await r.pfcount("hll", "hll2")`),
    same("`pfmerge(destkey, sourcekey, *sourcekeys)`", `await r.pfmerge("dest", "hll", "hll2")`),
  ],
};

export const GEO: Section = {
  section: "5.8",
  title: "Commands: geo",
  rows: [
    {
      row: "`geoadd(key, longitude, latitude, member, *args)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.geoadd("places", 13.36, 38.11, "Palermo", 15.08, 37.50, "Catania")`),
      expect: [{ kind: "auto", rule: "geo-commands", contains: 'await r.geoadd("places", [13.36, 38.11, "Palermo", 15.08, 37.50, "Catania"])' }],
      fixture: "geo-commands/geoadd_triples",
      proof: "geoadd(",
    },
    {
      row: "`geopos(key, member, *members)` → `GeoPoint` (now tuples)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`pos = await r.geopos("places", "Palermo")
print(pos[0].longitude)`),
      expect: [{ kind: "manual", rule: "geo-commands", contains: "pos[0][0]" }],
      fixture: "geo-commands/geopos_points",
      proof: "geopos(",
    },
    same("`geodist(key, member1, member2, unit='m')`", `d = await r.geodist("places", "Palermo", "Catania", "km")`),
    {
      row: "`geohash(key, member, *members)` → bytes (now str)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`h = await r.geohash("places", "Palermo")
print(h[0].decode())`),
      expect: [{ kind: "manual", rule: "geo-commands" }],
      fixture: "geo-commands/geohash_strings",
      proof: "geohash(",
      note: "Reported: `.decode()`, comparisons with bytes or a list, and hashes printed, formatted or logged (`b'…'` becomes `'…'`; fixture printed_hashes), unless the client's creation or the call's `encoding=` decoded them in 1.x (fixture decoded_hashes).",
    },
    {
      row: "`georadius(key, lon, lat, radius, unit, *, with_dist, with_hash, with_coord, count, sort, enc)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`near = await r.georadius("places", 15, 37, 200, "km", with_dist=True, count=5)`),
      expect: [{ kind: "auto", rule: "geo-commands", contains: 'await r.georadius("places", 15, 37, 200, "km", withdist=True, count=5)' }],
      fixture: "geo-commands/radius_members",
      proof: "with_dist",
    },
    {
      row: "…its result with any `with_*` flag: `[GeoMember(member, dist, hash, coord)]`",
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`for m in await r.georadius("places", 15, 37, 200, "km", with_dist=True):
    print(m.member, m.dist)`),
      expect: [
        { kind: "auto", rule: "geo-commands", contains: "withdist=True" },
        { kind: "manual", rule: "geo-commands", contains: "m[0]" },
      ],
      fixture: "geo-commands/radius_members",
      proof: ".member",
    },
    {
      row: "`georadiusbymember(key, member, radius, unit, *, with_…, count, sort, enc)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`near = await r.georadiusbymember("places", "Palermo", 200, "km", with_coord=True, sort="ASC")`),
      expect: [{ kind: "auto", rule: "geo-commands", contains: 'await r.georadiusbymember("places", "Palermo", 200, "km", withcoord=True, sort="ASC")' }],
      fixture: "geo-commands/radius_members",
      proof: "georadiusbymember(",
    },
    {
      row: "`GeoPoint`, `GeoMember` namedtuples",
      ref: "Manual",
      handling: "manual",
      snippet: mod(`import aioredis


def describe(m) -> str:
# >>>
    if isinstance(m, aioredis.GeoMember):
# <<<
        return m.member
    return m
`),
      expect: [{ kind: "manual", rule: "type-references", contains: "namedtuple" }],
      fixture: "type-references/manual_references",
      proof: "GeoPoint",
    },
  ],
};

export const SCRIPTING: Section = {
  section: "5.9",
  title: "Commands: scripting",
  rows: [
    {
      row: "`eval(script, keys=[], args=[])`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`n = await r.eval(SCRIPT, keys=["a", "b"], args=[1])`),
      expect: [{ kind: "auto", rule: "eval-keys-args", contains: 'await r.eval(SCRIPT, 2, "a", "b", 1)' }],
      fixture: "eval-keys-args/literal_lists",
      proof: "keys=",
    },
    {
      row: "`evalsha(digest, keys=[], args=[])`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`n = await r.evalsha(sha, keys=keys, args=argv)`),
      expect: [{ kind: "auto", rule: "eval-keys-args", contains: "await r.evalsha(sha, len(keys), *keys, *argv)" }],
      fixture: "eval-keys-args/variables",
      proof: "evalsha(",
    },
    { row: "— (keys/args style kept: `register_script`)", ref: "—", handling: "info", expect: "unchanged" },
    {
      row: "`script_load(script)` → bytes sha (now str)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`sha = await r.script_load(SCRIPT)
print(sha.decode())`),
      expect: [{ kind: "manual", rule: "eval-keys-args", contains: "str" }],
      fixture: "eval-keys-args/script_cache",
      proof: "script_load(",
    },
    {
      row: "`script_exists(digest, *digests)` → `[1, 0]` (now bools)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`flags = await r.script_exists(sha)
if flags[0] is 1:
    print("cached")`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: "if flags[0] == 1:" }],
      fixture: "reply-shapes/script_flags",
      proof: "script_exists(",
      note: "The call needs no rewrite. Items compared with `is 1`/`is 0` or printed are reported by reply-shapes (`==` and truth tests give the same result); the printed list by eval-keys-args.",
    },
    same("`script_flush()`, `script_kill()`", `await r.script_flush()
await r.script_kill()`),
  ],
};

export const SERVER: Section = {
  section: "5.10",
  title: "Commands: server",
  rows: [
    {
      row: "`info(section='default')` → nested per section (now flat, parsed)",
      ref: "Manual",
      handling: "manual",
      snippet: param(`info = await r.info()
version = info["server"]["redis_version"]`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: 'info["redis_version"]' }],
      fixture: "reply-shapes/server_replies",
      proof: "info(",
    },
    same("`config_get(parameter='*')`", `cfg = await r.config_get("maxmemory")`),
    same("`config_set(parameter, value)`", `await r.config_set("maxmemory", "100mb")`),
    same("`config_rewrite()`, `config_resetstat()`", `await r.config_resetstat()
await r.config_rewrite()`),
    {
      row: "`client_list()` → `ClientInfo` namedtuples (now dicts)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`for c in await r.client_list():
    print(c.addr)`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: 'c["addr"]' }],
      fixture: "reply-shapes/clients_and_role",
      proof: "client_list(",
    },
    {
      row: "`client_getname(enc)` → bytes (now str)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`name = await r.client_getname()
print(name.decode())`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: "print(name)" }],
      fixture: "reply-shapes/server_introspection",
      proof: "client_getname()",
      note: "The call needs no rewrite (a per-call `encoding=` is removed by call-encoding). `.decode()`, bytes comparisons and bytes method arguments on the reply are reported.",
    },
    same("`client_setname(name)`", `await r.client_setname("worker-1")`),
    same("`client_pause(timeout)`", `await r.client_pause(100)`),
    { row: "`client_kill()`, `client_reply()`, `monitor()` → `NotImplementedError` (newly available)", ref: "—", handling: "info", expect: "unchanged" },
    same("`command()`, `command_count()`", `cmds = await r.command()
n = await r.command_count()`),
    {
      row: "`command_getkeys(command, *args, encoding='utf-8')` → str list (now bytes unless decoding)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`keys = await r.command_getkeys("SET", "a", "1")
print(", ".join(keys))
raw = await r.command_getkeys("SET", "a", "1", encoding=None)
if b"a" in raw:
    print("a is a key")`),
      expect: [
        { kind: "output", contains: 'keys = await r.command_getkeys("SET", "a", "1")\n    print(", ".join(keys))' },
        { kind: "auto", rule: "call-encoding", contains: 'raw = await r.command_getkeys("SET", "a", "1")\n' },
        { kind: "manual", rule: "call-encoding", contains: 'if "a" in raw:' },
      ],
      fixture: "call-encoding/always_str",
      proof: "encoding=None",
      note: "Verified with redis-py 4.3.4 against Redis 7.0 (and in 5.x's callbacks): `COMMAND GETKEYS` replies str on every client (`str_if_bytes`), so the default form (str in 1.x too) is left as is — the reference's \"bytes unless decoding\" does not hold. A per-call codec is removed; `encoding=None` (bytes in 1.x) is removed and bytes uses of the keys are reported.",
    },
    {
      row: "`command_info(command, *commands)`",
      ref: "Manual",
      handling: "manual",
      snippet: param(`info = await r.command_info("get")`),
      expect: [{ kind: "manual", rule: "renamed-commands", contains: 'await r.execute_command("COMMAND", "INFO", "get")' }],
      fixture: "renamed-commands/debug_and_command_info",
      proof: "command_info(name)",
      note: "Not rewritten: redis-py parses the raw COMMAND INFO reply into `{name: {\"arity\": …, \"flags\": […], …}}` where aioredis returned `[[name, arity, [flags], …]]` (verified with 4.3.4 on Redis 7.0), so the code that reads it must change.",
    },
    {
      row: "`dbsize()`, `lastsave()` (lastsave now a datetime)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`age = time.time() - await r.lastsave()`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: ".timestamp()" }],
      fixture: "reply-shapes/server_replies",
      proof: "lastsave(",
    },
    {
      row: "`time()` → float (now `(seconds, microseconds)`)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`now = await r.time()
print(now - 60)`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: "seconds + micros * 1e-6" }],
      fixture: "reply-shapes/server_replies",
      proof: "time(",
    },
    {
      row: "`role()` → namedtuples (now raw list)",
      ref: "Manual",
      handling: "manual",
      snippet: param(`role = await r.role()
print(role.role)`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: "role[0]" }],
      fixture: "reply-shapes/clients_and_role",
      proof: "role(",
    },
    {
      row: "`debug_object(key)` → raw bytes (now a parsed dict)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`raw = await r.debug_object("k")
print(raw.decode())`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: 'raw["encoding"]' }],
      fixture: "reply-shapes/server_introspection",
      proof: "debug_object(",
      note: "The call needs no rewrite; every use of the reply but a truth test is reported, with the dict keys to read (those the code parses out of the line, when it names them).",
    },
    {
      row: "`debug_sleep(timeout)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.debug_sleep(0.1)`),
      expect: [{ kind: "auto", rule: "renamed-commands", contains: 'await r.execute_command("DEBUG", "SLEEP", 0.1)' }],
      fixture: "renamed-commands/ping_and_debug",
      proof: "debug_sleep(",
    },
    {
      row: "`debug_segfault(key)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.debug_segfault("k")`),
      expect: [{ kind: "auto", rule: "renamed-commands", contains: 'await r.execute_command("DEBUG", "SEGFAULT")' }],
      fixture: "renamed-commands/debug_and_command_info",
      proof: "debug_segfault(",
      note: "Not `debug_segfault()` as the reference says: redis-py's `debug_segfault()` raises NotImplementedError (4.3.4 up to 8.x); aioredis ignored the key and sent DEBUG SEGFAULT, which the raw command does.",
    },
    {
      row: "`flushall(async_op=False)`, `flushdb(async_op=False)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.flushall(async_op=True)`),
      expect: [{ kind: "auto", rule: "keyword-renames", contains: "await r.flushall(asynchronous=True)" }],
      fixture: "keyword-renames/flush_and_counters",
      proof: "async_op",
    },
    {
      row: "`save()` → raw `b'OK'` (now True)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`if await r.save() == b"OK":
    print("saved")`),
      expect: [{ kind: "manual", rule: "reply-shapes", contains: "if await r.save():" }],
      fixture: "reply-shapes/status_ok",
      proof: "save()",
      note: "The call needs no rewrite; comparisons with the old status, `.decode()` and printing of the reply are reported (also when it is stored in an attribute).",
    },
    {
      row: "`bgsave()` → True (now sends `BGSAVE SCHEDULE` by default)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`await r.bgsave()`),
      expect: [{ kind: "auto", rule: "keyword-renames", contains: "await r.bgsave(schedule=False)" }],
      fixture: "keyword-renames/bitpos_and_bgsave",
      proof: "bgsave()",
      note: "`schedule=False` sends the plain BGSAVE aioredis sent (redis-py 4.3.4 has `bgsave(schedule=True, **kwargs)`); both reply True.",
    },
    same("`bgrewriteaof()`", `await r.bgrewriteaof()`),
    {
      row: "`shutdown(save=None | SHUTDOWN_SAVE | SHUTDOWN_NOSAVE)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.shutdown(save=r.SHUTDOWN_SAVE)`),
      expect: [{ kind: "auto", rule: "keyword-renames", contains: "await r.shutdown(save=True)" }],
      fixture: "keyword-renames/shutdown",
      proof: "SHUTDOWN_",
    },
    {
      row: "`slaveof(host, port=None)`; `slaveof(None)` → NO ONE",
      ref: "Auto",
      handling: "unchanged",
      snippet: param(`await r.slaveof(None)`),
      expect: "unchanged",
      note: "`slaveof(None)` sends `SLAVEOF NO ONE` in both libraries and `slaveof(host, port)` is positional in both; `slaveof(host)` without a port failed in both (TypeError / DataError).",
    },
    {
      row: "`slowlog_get(length=None)` → raw lists (now dicts)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`for entry in await r.slowlog_get(length=10):
    print(entry[0])`),
      expect: [
        { kind: "auto", rule: "keyword-renames", contains: "for entry in await r.slowlog_get(num=10):" },
        { kind: "manual", rule: "keyword-renames", contains: 'print(entry["id"])' },
      ],
      fixture: "keyword-renames/slowlog_entries",
      proof: "slowlog_get(length=limit)",
      note: "Entries read by position (`entry[2]`, `latest[0][2]`, `for id_, ts, *_ in …`) are reported with the dict key; other uses of the entries are not.",
    },
    same("`slowlog_len()`, `slowlog_reset()`, `sync()`", `n = await r.slowlog_len()
await r.slowlog_reset()`),
  ],
};

export const CLUSTER: Section = {
  section: "5.11",
  title: "Commands: cluster mixin",
  rows: [
    {
      row: "`cluster_add_slots`, `cluster_del_slots`, `cluster_keyslot`, `cluster_meet`, … (no such methods)",
      ref: "Manual",
      handling: "manual",
      snippet: param(`slot = await r.cluster_keyslot("user:1")`),
      expect: [{ kind: "manual", rule: "renamed-commands", contains: 'await r.execute_command("CLUSTER", "KEYSLOT", "user:1")' }],
      fixture: "renamed-commands/cluster_and_helpers",
      proof: "cluster_",
    },
    {
      row: "`cluster_info()`, `cluster_nodes()`, `cluster_slots()`, … (empty stubs in 1.3.1)",
      ref: "Auto",
      handling: "manual",
      snippet: param(`nodes = await r.cluster_nodes()`),
      expect: [{ kind: "manual", rule: "renamed-commands", contains: "None" }],
      fixture: "renamed-commands/cluster_and_helpers",
      proof: "cluster_",
    },
  ],
};

export const STREAMS: Section = {
  section: "5.12",
  title: "Commands: streams",
  rows: [
    {
      row: "`xadd(stream, fields, message_id=b'*', max_len=None, exact_len=False)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`mid = await r.xadd("events", {"a": 1}, max_len=1000, exact_len=True)`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.xadd("events", {"a": 1}, maxlen=1000, approximate=False)' }],
      fixture: "streams/xadd_and_trim",
      proof: "max_len",
    },
    {
      row: "`xrange(stream, start='-', stop='+', count=None)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`rows = await r.xrange("events", start="-", stop="+", count=10)`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.xrange("events", min="-", max="+", count=10)' }],
      fixture: "streams/ranges",
      proof: "xrange(",
    },
    {
      row: "`xrevrange(stream, start='+', stop='-', count=None)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`rows = await r.xrevrange("events", start="+", stop="-", count=10)`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.xrevrange("events", max="+", min="-", count=10)' }],
      fixture: "streams/ranges",
      proof: "xrevrange(",
    },
    {
      row: "`xread(streams, timeout=0, count=None, latest_ids=None)` → flat rows (now nested)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`for stream, mid, fields in await r.xread(["events"], timeout=1000, latest_ids=["0"]):
    print(mid, fields)`),
      expect: [
        { kind: "auto", rule: "streams", contains: 'await r.xread({"events": "0"}, block=1000)' },
        { kind: "manual", rule: "streams", contains: "xread" },
        { kind: "manual", rule: "streams", contains: 'for stream, messages in await r.xread({"events": "0"}, block=1000):' },
      ],
      fixture: "streams/xread_inline_loops",
      proof: "latest_ids",
    },
    {
      row: "`xread_group(group_name, consumer_name, streams, timeout, count, latest_ids, no_ack)`",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`rows = await r.xread_group("g", "c1", ["events"], timeout=1000, latest_ids=[">"], no_ack=True)`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.xreadgroup("g", "c1", {"events": ">"}, block=1000, noack=True)' }],
      fixture: "streams/consumer_group",
      proof: "xread_group(",
      note: "The result shape is flagged where rows are read (as for `xread`).",
    },
    {
      row: "`xgroup_create(stream, group_name, latest_id='$', mkstream=False)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.xgroup_create("events", "g", latest_id="0", mkstream=True)`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.xgroup_create("events", "g", id="0", mkstream=True)' }],
      fixture: "streams/consumer_group",
      proof: "xgroup_create(",
    },
    {
      row: "`xgroup_setid(stream, group_name, latest_id='$')` (id now required)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.xgroup_setid("events", "g")`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.xgroup_setid("events", "g", "$")' }],
      fixture: "streams/consumer_group",
      proof: "xgroup_setid(",
    },
    {
      row: "`xgroup_destroy(stream, group_name)` → False (now True)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`if not await r.xgroup_destroy("events", "g"):
    print("destroyed")`),
      expect: [{ kind: "manual", rule: "streams", contains: "xgroup_destroy" }],
      fixture: "streams/consumer_group",
      proof: "xgroup_destroy(",
    },
    same("`xgroup_delconsumer(stream, group_name, consumer_name)`", `n = await r.xgroup_delconsumer("events", "g", "c1")`),
    {
      row: "`xpending(stream, group_name)` → raw list (now a dict)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`info = await r.xpending("events", "g")
count = info[0]`),
      expect: [{ kind: "manual", rule: "streams", contains: "xpending" }],
      fixture: "streams/consumer_group",
      proof: "xpending(",
    },
    {
      row: "`xpending(stream, group_name, start, stop, count, consumer=None)` (now `xpending_range`)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`for mid, consumer, idle, n in await r.xpending("events", "g", "-", "+", 10):
    print(mid, idle)`),
      expect: [
        { kind: "auto", rule: "streams", contains: 'await r.xpending_range("events", "g", "-", "+", 10)' },
        { kind: "manual", rule: "streams" },
      ],
      fixture: "streams/consumer_group",
      proof: "xpending(",
    },
    {
      row: "`xclaim(stream, group_name, consumer_name, min_idle_time, id, *ids)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`rows = await r.xclaim("events", "g", "c2", 60000, "1-0", "2-0")`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.xclaim("events", "g", "c2", 60000, ["1-0", "2-0"])' }],
      fixture: "streams/consumer_group",
      proof: "xclaim(",
    },
    same("`xack(stream, group_name, id, *ids)`", `n = await r.xack("events", "g", "1-0", "2-0")`),
    same("`xdel(stream, id)`", `await r.xdel("events", "1-0")`),
    {
      row: "`xtrim(stream, max_len, exact_len=False)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.xtrim("events", 1000, exact_len=True)`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.xtrim("events", 1000, approximate=False)' }],
      fixture: "streams/xadd_and_trim",
      proof: "xtrim(",
    },
    same("`xlen(stream)`", `n = await r.xlen("events")`),
    {
      row: "`xinfo(stream)` / `xinfo_stream(stream)` → bytes keys (now str keys)",
      ref: "Auto+flag",
      handling: "auto+flag",
      snippet: param(`info = await r.xinfo("events")
print(info[b"length"])`),
      expect: [
        { kind: "auto", rule: "streams", contains: 'info = await r.xinfo_stream("events")' },
        { kind: "manual", rule: "streams", contains: "str keys" },
      ],
      fixture: "streams/xinfo_keys",
      proof: "xinfo(",
    },
    {
      row: "`xinfo_groups(stream)` / `xinfo_consumers(stream, group_name)` → bytes keys (now str keys)",
      ref: "Auto+flag",
      handling: "manual",
      snippet: param(`for g in await r.xinfo_groups("events"):
    print(g[b"name"])`),
      expect: [{ kind: "manual", rule: "streams", contains: "str keys" }],
      fixture: "streams/xinfo_keys",
      proof: "xinfo_groups(",
    },
    {
      row: "`xinfo_help()`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`lines = await r.xinfo_help()`),
      expect: [{ kind: "auto", rule: "streams", contains: 'await r.execute_command("XINFO", "HELP")' }],
      fixture: "streams/xinfo_keys",
      proof: "xinfo_help(",
    },
  ],
};

export const PUBSUB_COMMANDS: Section = {
  section: "5.13",
  title: "Commands: pub/sub commands on the client",
  rows: [
    same("`publish(channel, message)`", `n = await r.publish("news", "hello")`),
    {
      row: "`publish_json(channel, obj)`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`await r.publish_json("news", {"id": 1})`),
      expect: [{ kind: "auto", rule: "renamed-commands", contains: 'await r.publish("news", json.dumps({"id": 1}))' }],
      fixture: "renamed-commands/publish_json",
      proof: "publish_json(",
    },
    same("`pubsub_channels(pattern=None)`", `chans = await r.pubsub_channels("news.*")`),
    {
      row: "`pubsub_numsub(*channels)` → dict (now list of pairs)",
      ref: "Auto+flag",
      handling: "auto",
      snippet: param(`counts = await r.pubsub_numsub("news")`),
      expect: [{ kind: "auto", rule: "reply-shapes", contains: 'counts = dict(await r.pubsub_numsub("news"))' }],
      fixture: "reply-shapes/numsub",
      proof: "pubsub_numsub(",
      note: "`dict(...)` restores the 1.x reply, so there is nothing left to flag.",
    },
    same("`pubsub_numpat()`", `n = await r.pubsub_numpat()`),
    {
      row: "`subscribe`, `psubscribe`, `unsubscribe`, `punsubscribe` on the client; `.channels`, `.patterns`, `.in_pubsub`",
      ref: "Manual",
      handling: "auto",
      snippet: param(`ch, = await r.subscribe("news")
msg = await ch.get()`),
      expect: [{ kind: "auto", rule: "pubsub-channels", contains: "pubsub()" }],
      fixture: "pubsub-channels/single_get",
      proof: "subscribe(",
      note: "Simple consumers are rewritten to a `PubSub` object (see §7.1); the rest are manual steps there.",
    },
  ],
};

export const TRANSACTION_COMMANDS: Section = {
  section: "5.14",
  title: "Commands: transaction commands on the client",
  rows: [
    {
      row: "`pipeline()` (non-atomic batch)",
      ref: "Auto",
      handling: "auto",
      snippet: param(`pipe = r.pipeline()
pipe.incr("a")
await pipe.execute()`),
      expect: [{ kind: "auto", rule: "pipelines", contains: "pipe = r.pipeline(transaction=False)" }],
      fixture: "pipelines/plain_batch",
      proof: "pipeline()",
    },
    {
      row: "`multi_exec()`",
      ref: "Auto",
      handling: "auto",
      snippet: param(`tr = r.multi_exec()
tr.incr("a")
await tr.execute()`),
      expect: [{ kind: "auto", rule: "pipelines", contains: "r.pipeline(transaction=True)" }],
      fixture: "pipelines/sync_multi_exec",
      proof: "multi_exec()",
    },
    {
      row: "`watch(key, *keys)` / `unwatch()` on a pooled client",
      ref: "Manual",
      handling: "auto+flag",
      snippet: param(`await r.watch("balance")
tr = r.multi_exec()
tr.set("balance", 10)
await tr.execute()`),
      expect: [
        { kind: "auto", rule: "watch-transactions", contains: 'await tr.watch("balance")' },
        { kind: "manual", rule: "watch-transactions", contains: "retry loop is bounded" },
      ],
      fixture: "watch-transactions/watch_without_transaction",
      proof: "watch(",
    },
  ],
};
