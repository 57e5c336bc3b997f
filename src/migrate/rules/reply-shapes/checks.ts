import { elementUses, type Use } from "../../command-calls/uses.js";
import { enclosingStatement } from "../../syntax.js";
import { escapeRegExp } from "../../text.js";
import { bytesUses, strSuggestion } from "./bytes-uses.js";
import { inStatement } from "./statement.js";

/**
 * Replies whose type changed between aioredis 1.x and redis-py (reference §5.1, 5.5, 5.10, §11.7), and which uses
 * of them visibly depend on the old type. Each check picks the uses worth a manual step and suggests the new code.
 */
export interface ReplyCheck {
  readonly what: string;
  /** The uses of the reply (or of its elements) that depend on the old shape. */
  select(uses: readonly Use[]): Use[];
  /** Suggested code for one use; `reply` is the migrated call expression (`await r.time()`). */
  suggest(use: Use, reply: string): string;
}

const PRINTING = /^(print|str|repr|json\.dumps|\w+\.(info|debug|warning|error|write))$/;
const INFO_SECTIONS = /^["'](server|clients|memory|persistence|stats|replication|cpu|modules|errorstats|cluster|keyspace|commandstats|latencystats|default|all|everything)["']$/i;

const printed = (u: Use): boolean => u.kind === "format" || (u.kind === "call-arg" && PRINTING.test(u.detail));
/** The value is held in a name, attribute or item (rather than being the awaited call itself). */
const named = (u: Use): boolean => ["identifier", "attribute", "subscript"].includes(u.node.type);
const rewriteSite = (u: Use, text: string): string => inStatement(u.node, text);

/** aioredis' role namedtuple fields → position in the raw ROLE reply (and whether 1.x decoded it to str). */
const ROLE_FIELDS: Record<string, { index: number; text: boolean }> = {
  role: { index: 0, text: true },
  replication_offset: { index: 1, text: false },
  slaves: { index: 2, text: false },
  master_host: { index: 1, text: true },
  master_port: { index: 2, text: false },
  state: { index: 3, text: true },
  received: { index: 4, text: false },
  masters: { index: 1, text: false },
};

/** `ping`, `lset`, `save`: a constant status (`b'PONG'`, `b'OK'`) → True. Comparisons with it, `.decode()` and printing change. */
function constantReply(command: string, status: string): ReplyCheck {
  const word = new RegExp(`\\b${status}\\b`, "i");
  return {
    what: `\`${command}()\` replies True in redis-py (aioredis replied b'${status}'): this comparison, \`.decode()\` or printed value changes.`,
    select: (uses) => uses.filter((u) => (u.kind === "compare" && word.test(u.site.text.replace(u.node.text, ""))) || (u.kind === "method" && u.detail === "decode") || printed(u)),
    suggest: (u, reply) => {
      // the command raises on failure, so the status was always this one: `.decode()` gave its text
      if (u.kind === "method") return inStatement(u.site, `"${status}"`);
      if (u.kind !== "compare") return rewriteSite(u, `(b"${status}" if ${named(u) ? u.node.text : reply} else None)`);
      const negated = /!=|is not|not in/.test(u.site.text.replace(u.node.text, ""));
      return inStatement(u.site, `${negated ? "not " : ""}${named(u) ? u.node.text : reply}`);
    },
  };
}

export const CHECKS: Record<string, ReplyCheck> = {
  ping: constantReply("ping", "PONG"),
  lset: constantReply("lset", "OK"),
  save: constantReply("save", "OK"),
  time: {
    what: "`time()` replies a `(seconds, microseconds)` tuple in redis-py (aioredis replied a float): compute the float from it.",
    select: (uses) => [...uses],
    // a stored reply is reported once, at the assignment (see index.ts); here the reply is used directly
    suggest: (u, reply) => `seconds, micros = ${reply}\n${rewriteSite(u, "(seconds + micros * 1e-6)")}`,
  },
  lastsave: {
    what: "`lastsave()` replies a datetime in redis-py (aioredis replied a Unix timestamp int): convert it where a number is needed.",
    select: (uses) => uses.filter((u) => u.kind !== "truth" && !(u.kind === "call-arg" && u.detail === "bool")),
    suggest: (u, reply) => rewriteSite(u, `int(${named(u) ? u.node.text : `(${reply})`}.timestamp())`),
  },
  info: {
    what: "`info()` replies one flat dict in redis-py, where aioredis nested it by section (`info[\"server\"][\"redis_version\"]` is now `info[\"redis_version\"]`) and numbers are parsed now: read the keys directly.",
    select: (uses) => uses.filter((u) => (u.kind === "index" && INFO_SECTIONS.test(u.detail)) || (u.kind === "compare" && /\bin\b/.test(u.site.text)) || u.kind === "iterate" || (u.kind === "method" && /^(items|keys|values|get)$/.test(u.detail))),
    suggest: (u) => {
      // `info["server"]["redis_version"]` → `info["redis_version"]`
      const outer = u.site.parent;
      if (u.kind === "index" && outer?.type === "subscript" && outer.childForFieldName("value")?.id === u.site.id)
        return inStatement(outer, `${u.node.text}[${outer.childForFieldName("subscript")!.text}]`);
      return inStatement(u.site, u.site.text);
    },
  },
  client_list: {
    what: "`client_list()` replies dicts in redis-py, where aioredis replied ClientInfo namedtuples: read fields by key (`c[\"addr\"]`, `c[\"qbuf-free\"]`).",
    select: (uses) => elementUses(uses).filter((u) => u.kind === "attribute" || u.kind === "method"),
    suggest: (u) => {
      // every `client.field` of the statement: aioredis turned `-` in field names into `_`
      const stmt = inStatement(u.node, u.node.text);
      const name = escapeRegExp(u.node.text);
      return stmt
        .replace(new RegExp(`\\b${name}\\._asdict\\(\\)`, "g"), u.node.text)
        .replace(new RegExp(`\\b${name}\\.([a-z]\\w*)\\b`, "g"), (_m, f: string) => `${u.node.text}["${f.replace(/_/g, "-")}"]`);
    },
  },
  role: {
    what: "`role()` replies the raw list in redis-py (`[b'master', offset, replicas]`), where aioredis replied MasterInfo/SlaveInfo/SentinelInfo namedtuples with str fields: read it by position.",
    select: (uses) => [...uses],
    suggest: (u) => {
      const field = u.kind === "attribute" ? ROLE_FIELDS[u.detail] : undefined;
      if (!field) return inStatement(u.site, u.site.text);
      return inStatement(u.site, `${u.node.text}[${field.index}]${field.text ? ".decode()" : ""}`);
    },
  },
};

/**
 * `smembers`/`sinter`/`sunion`/`sdiff`: list → set. Indexing, list methods, `+` and JSON need a list; a printed
 * reply shows `{…}` in another order, and `== [...]` is always False now.
 */
export const SET_REPLY: ReplyCheck = {
  what: "This set command replies a Python set in redis-py (aioredis replied a list): indexing, list methods, `+`, JSON, comparisons with a list and printed text need `sorted(...)` or `list(...)`.",
  select: (uses) => uses.filter((u) =>
    u.kind === "index" || u.kind === "slice" || u.kind === "concat" || printed(u) ||
    (u.kind === "method" && /^(append|sort|index|count|extend|insert|reverse)$/.test(u.detail)) ||
    (u.kind === "call-arg" && /^json\.dumps?$/.test(u.detail)) ||
    (u.kind === "compare" && /\[/.test(u.site.text.replace(u.node.text, "")))),
  suggest: (u, reply) => {
    if (u.kind === "method" && named(u)) return `${u.node.text} = ${u.detail === "sort" ? "sorted" : "list"}(${u.node.text})`;
    return rewriteSite(u, `sorted(${named(u) ? u.node.text : reply})`);
  },
};

/** `sismember`/`smove`: 1/0 → True/False. Equal under `==` and truth tests; different under `is` and when printed. */
export const BOOL_REPLY: ReplyCheck = {
  what: "This command replies True/False in redis-py where aioredis replied 1/0: identity checks and printed values change.",
  select: (uses) => uses.filter((u) => printed(u) || (u.kind === "compare" && /\bis\b/.test(u.site.text) && /\b[01]\b/.test(u.site.text.replace(u.node.text, "")))),
  suggest: (u, reply) => (u.kind === "compare"
    ? inStatement(u.site, u.site.text.replace(/\bis not\b/, "!=").replace(/\bis\b/, "=="))
    : rewriteSite(u, `int(${named(u) ? u.node.text : reply})`)),
};


/** `script_exists`: `[1, 0]` → `[True, False]`. Each flag is checked like BOOL_REPLY (eval-keys-args reports the printed list). */
export const EXISTS_REPLY: ReplyCheck = {
  what: "`script_exists` replies a list of True/False in redis-py where aioredis replied 1/0: identity checks and printed values of its items change.",
  select: (uses) => BOOL_REPLY.select(elementUses(uses)),
  suggest: (u, reply) => BOOL_REPLY.suggest(u, reply),
};

/** `client_getname`: bytes → str in redis-py whatever the client decodes. */
export const NAME_REPLY: ReplyCheck = {
  what: "`client_getname()` replies str in redis-py (aioredis replied bytes unless the client decoded): `.decode()` and bytes comparisons on it no longer work.",
  select: (uses) => bytesUses(uses, false),
  suggest: (u) => strSuggestion(u),
};

/** Fields of redis-py's parsed DEBUG OBJECT reply (`Value at:0x… refcount:1 encoding:embstr …`). */
const DEBUG_FIELDS = ["type", "at", "refcount", "encoding", "serializedlength", "lru", "lru_seconds_idle", "ql_nodes", "ql_avg_node", "ql_listpack_max", "ql_compressed", "ql_uncompressed_size"];

/** `debug_object`: the raw status line (bytes) → a dict of its fields. Every use but a truth test depends on the old line. */
export const DEBUG_REPLY: ReplyCheck = {
  what: "`debug_object()` replies a dict in redis-py (`{\"type\": \"Value\", \"refcount\": 1, \"encoding\": \"embstr\", \"serializedlength\": 2, …}`), where aioredis replied the raw status line as bytes: read the fields by key instead of parsing the line.",
  select: (uses) => uses.filter((u) => u.kind !== "truth" && !(u.kind === "call-arg" && u.detail === "bool")),
  suggest: (u, reply) => {
    const holder = named(u) ? u.node.text : `(${reply})`;
    const stmt = enclosingStatement(u.site).text;
    const fields = DEBUG_FIELDS.filter((f) => new RegExp(`\\b${f}:`).test(stmt));
    if (fields.length > 0) return fields.map((f) => `${holder}["${f}"]`).join(", ");
    return `${holder}["encoding"]  # also "refcount", "serializedlength", "lru_seconds_idle", …`;
  },
};
