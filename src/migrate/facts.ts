import type { SyntaxNode, Tree } from "./parser.js";
import type { SourceText } from "./source.js";
import { canonicalName, CLIENT_LIKE_NAME } from "./names.js";
import { expressionKey, unparenthesize } from "./syntax.js";

/** A name bound by an import of aioredis: `aioredis`, `x` in `import aioredis as x`, `ReplyError` in `from aioredis.errors import ReplyError`. */
export interface AioredisBinding {
  readonly local: string;
  /** Dotted path the name stands for, e.g. `aioredis`, `aioredis.errors`, `aioredis.errors.ReplyError`. */
  readonly target: string;
  readonly statement: SyntaxNode;
  readonly kind: "module" | "from";
}

/** What an expression held in aioredis 1.x, as far as the data flow can tell. */
export type ReceiverKind = "client" | "connection" | "pipeline" | "transaction" | "channel";

const FACTORY_KINDS: Record<string, ReceiverKind> = {
  "aioredis.create_redis": "client",
  "aioredis.create_redis_pool": "client",
  "aioredis.create_pool": "client",
  "aioredis.create_connection": "client",
  "aioredis.from_url": "client",
  "aioredis.Redis": "client",
  "aioredis.StrictRedis": "client",
  "aioredis.Redis.from_url": "client",
};

/** Calls that run or wrap a coroutine and hand back its result. */
const RUNNERS = new Set(["run_until_complete", "ensure_future", "wait_for", "create_task", "shield"]);

const V1_MARKERS = /\b(create_redis_pool|create_redis|create_pool|create_connection|multi_exec|wait_closed|hmset_dict|aioredis\.errors|ReplyError|iscan|publish_json)\b/;
const V2_MARKERS = /\b(from_url|StrictRedis|aioredis\.exceptions|decode_responses|aioredis\.client|ConnectionPool)\b/;

const CLIENT_TYPE_NAMES = new Set([
  "aioredis.Redis",
  "aioredis.commands.ContextRedis",
  "aioredis.ConnectionsPool",
  "aioredis.RedisConnection",
  "aioredis.abc.AbcPool",
  "aioredis.abc.AbcConnection",
  "aioredis.StrictRedis",
]);

/**
 * Facts about one module, computed once per parse: how aioredis is imported, which names are taken, and which
 * expressions hold aioredis clients (simple intra-module data flow: assignments, annotations, `with await … as`).
 */
export class ModuleFacts {
  readonly bindings = new Map<string, AioredisBinding>();
  readonly aioredisImports: SyntaxNode[] = [];
  /** Source ranges of the module's import statements (tells `isInsideImport` without walking up the tree). */
  private readonly importRanges: readonly (readonly [number, number])[];
  private usedNamesCache: Set<string> | undefined;
  /** `import redis.asyncio as X` / `from redis.asyncio import Y` already present (reruns reuse them). */
  readonly existingAsyncioAlias: string | undefined;
  readonly hasWildcardImport: boolean;
  private readonly receivers = new Map<string, ReceiverKind>();
  /** Receivers known from other modules by their last segment (`.redis`, `["redis"]`). */
  private readonly suffixes = new Map<string, ReceiverKind>();
  private callsCache: SyntaxNode[] | undefined;
  private flavourCache: "1.x" | "2.x" | undefined;

  constructor(
    readonly tree: Tree,
    readonly source: SourceText,
    /** Receivers known from other modules of the repository (cross-file data flow). */
    externalReceivers: ReadonlyMap<string, ReceiverKind> = new Map(),
    /** When the tree covers only part of the module (regions/): the names spelled in the rest. */
    private readonly hiddenNames: ReadonlySet<string> = new Set(),
  ) {
    let wildcard = false;
    let asyncioAlias: string | undefined;
    const root = tree.rootNode;
    const imports = root.descendantsOfType(["import_statement", "import_from_statement"]);
    this.importRanges = imports.map((s) => [s.startIndex, s.endIndex] as const);
    for (const stmt of imports) {
      if (stmt.type === "import_statement") {
        for (const item of stmt.childrenForFieldName("name")) {
          const dotted = item.type === "aliased_import" ? item.childForFieldName("name")! : item;
          const alias = item.type === "aliased_import" ? item.childForFieldName("alias")!.text : undefined;
          const path = dotted.text.replace(/\s+/g, "");
          if (path === "redis.asyncio" && alias) asyncioAlias = alias;
          if (path !== "aioredis" && !path.startsWith("aioredis.")) continue;
          this.noteImport(stmt);
          if (alias) this.bindings.set(alias, { local: alias, target: path, statement: stmt, kind: "module" });
          else this.bindings.set("aioredis", { local: "aioredis", target: "aioredis", statement: stmt, kind: "module" });
        }
      } else {
        const moduleNode = stmt.childForFieldName("module_name");
        if (!moduleNode || moduleNode.type === "relative_import") continue;
        const module = moduleNode.text.replace(/\s+/g, "");
        if (module !== "aioredis" && !module.startsWith("aioredis.")) continue;
        this.noteImport(stmt);
        if (stmt.namedChildren.some((c) => c.type === "wildcard_import")) wildcard = true;
        for (const item of stmt.childrenForFieldName("name")) {
          const dotted = item.type === "aliased_import" ? item.childForFieldName("name")! : item;
          const name = dotted.text;
          const local = item.type === "aliased_import" ? item.childForFieldName("alias")!.text : name;
          this.bindings.set(local, { local, target: `${module}.${name}`, statement: stmt, kind: "from" });
        }
      }
    }
    this.existingAsyncioAlias = asyncioAlias;
    this.hasWildcardImport = wildcard;
    for (const [k, v] of externalReceivers) {
      if (k.startsWith(".") || k.startsWith("[")) this.suffixes.set(k, v);
      else this.receivers.set(k, v);
    }
    // Facts are only built for files that passed the prefilter, so tracking is worth it even without an import:
    // `tr = request.app["redis"].multi_exec()` in a module that never imports aioredis.
    this.trackReceivers();
  }

  private noteImport(stmt: SyntaxNode): void {
    if (!this.aioredisImports.some((s) => s.id === stmt.id)) this.aioredisImports.push(stmt);
  }

  /**
   * Which aioredis the module was written for. aioredis 2.x already has redis-py's API (e.g. `pipeline()` is
   * transactional), so 1.x-only rewrites must not touch it. Modules showing neither are treated as 1.x: they reach
   * the rules through a 1.x-only name or an import whose use could not be told apart.
   */
  get flavour(): "1.x" | "2.x" {
    this.flavourCache ??= !V1_MARKERS.test(this.source.text) && V2_MARKERS.test(this.source.text) ? "2.x" : "1.x";
    return this.flavourCache;
  }

  /**
   * Every identifier spelled in the module, except attribute names (`x.name`) and keyword names (`f(name=…)`), which
   * bind nothing here: a new name must avoid all of them. Computed on first use, in one cursor walk.
   */
  get usedNames(): Set<string> {
    if (!this.usedNamesCache) {
      this.usedNamesCache = identifierNames(this.tree, this.source.text);
      for (const n of this.hiddenNames) this.usedNamesCache.add(n);
    }
    return this.usedNamesCache;
  }

  get importsAioredis(): boolean {
    return this.bindings.size > 0;
  }

  /** All `call` nodes of the module, in source order (cached). */
  get calls(): SyntaxNode[] {
    this.callsCache ??= this.tree.rootNode.descendantsOfType("call");
    return this.callsCache;
  }

  /**
   * The canonical aioredis path an expression refers to (`aioredis.create_redis_pool`, `aioredis.ReplyError`), or
   * undefined when it is not an aioredis name. Local shadowing of an imported name is not modelled.
   */
  resolve(node: SyntaxNode): string | undefined {
    const n = unparenthesize(node);
    if (n.type === "identifier") {
      const b = this.bindings.get(n.text);
      return b && !this.isInsideImport(n) ? canonicalName(b.target) : undefined;
    }
    if (n.type === "attribute") {
      const obj = n.childForFieldName("object");
      const attr = n.childForFieldName("attribute");
      if (!obj || !attr) return undefined;
      const base = this.resolveRaw(obj);
      return base ? canonicalName(`${base}.${attr.text}`) : undefined;
    }
    return undefined;
  }

  private resolveRaw(node: SyntaxNode): string | undefined {
    const n = unparenthesize(node);
    if (n.type === "identifier") {
      const b = this.bindings.get(n.text);
      return b && !this.isInsideImport(n) ? b.target : undefined;
    }
    if (n.type === "attribute") {
      const obj = n.childForFieldName("object");
      const attr = n.childForFieldName("attribute");
      if (!obj || !attr) return undefined;
      const base = this.resolveRaw(obj);
      return base ? `${base}.${attr.text}` : undefined;
    }
    return undefined;
  }

  private isInsideImport(node: SyntaxNode): boolean {
    if (node.tree === this.tree) {
      // A node of this module is inside an import statement iff it lies in its range (`parent` is slow in tree-sitter).
      const at = node.startIndex;
      return this.importRanges.some(([start, end]) => start <= at && at < end);
    }
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === "import_statement" || p.type === "import_from_statement") return true;
      if (p.type.endsWith("statement") || p.type === "block" || p.type === "module") return false;
    }
    return false;
  }

  /** What an expression (`r`, `self.redis`, `app["redis"]`) held in aioredis, if the data flow knows. */
  receiverKind(node: SyntaxNode): ReceiverKind | undefined {
    const key = expressionKey(node);
    const exact = this.receivers.get(key);
    if (exact || this.suffixes.size === 0) return exact;
    // shared across modules: `app["redis"]` defined in one module is `request.app["redis"]` in another
    for (const [suffix, kind] of this.suffixes) if (key.endsWith(suffix) && key.length > suffix.length) return kind;
    return undefined;
  }

  /**
   * Whether a call on `node` is (very likely) a Redis command on an aioredis object: the data flow knows it, or the
   * module/repository uses aioredis and the receiver is named like a Redis client (`redis`, `r`, `self.redis`,
   * `app["redis"]`, `conn`, `pool`, `pipe`, `tr`, `cache`). Rules whose rewrite is only valid for aioredis use this.
   */
  isRedisReceiver(node: SyntaxNode, repositoryUsesAioredis: boolean): boolean {
    if (this.receiverKind(node)) return true;
    if (!this.importsAioredis && !repositoryUsesAioredis) return false;
    return this.looksLikeClient(node);
  }

  private looksLikeClient(node: SyntaxNode): boolean {
    const key = expressionKey(node);
    const last = /([A-Za-z_][A-Za-z0-9_]*)\W*$/.exec(key)?.[1] ?? key;
    return CLIENT_LIKE_NAME.test(last);
  }

  /** Receivers found in this module, keyed by expression text (shared with other modules of the repository). */
  get knownReceivers(): ReadonlyMap<string, ReceiverKind> {
    return this.receivers;
  }

  markReceiver(key: string, kind: ReceiverKind): void {
    this.receivers.set(key, kind);
  }

  /** The kind of value an expression produces in aioredis 1.x (a factory call, `x.pipeline()`, …). */
  valueKind(node: SyntaxNode): ReceiverKind | undefined {
    let n = unparenthesize(node);
    if (n.type === "await") n = unparenthesize(n.namedChild(0)!);
    if (n.type !== "call") return this.receiverKind(n);
    const callee = n.childForFieldName("function")!;
    // `loop.run_until_complete(create_redis(...))`, `asyncio.ensure_future(...)`, `asyncio.wait_for(..., 5)`
    const runner = callee.type === "attribute" ? callee.childForFieldName("attribute")!.text : callee.text;
    if (RUNNERS.has(runner)) {
      const first = n.childForFieldName("arguments")?.namedChildren.find((a) => a.type !== "comment" && a.type !== "keyword_argument");
      return first ? this.valueKind(first) : undefined;
    }
    const resolved = this.resolve(callee);
    if (resolved && FACTORY_KINDS[resolved]) return FACTORY_KINDS[resolved];
    if (callee.type === "attribute") {
      const method = callee.childForFieldName("attribute")!.text;
      const obj = callee.childForFieldName("object")!;
      const objKind = this.receiverKind(obj);
      // multi_exec exists only in aioredis 1.x; pipeline() is also redis-py's, so it needs a client-like receiver
      if (method === "multi_exec") return "transaction";
      if (method === "pipeline" && (objKind === "client" || objKind === "connection" || this.looksLikeClient(obj)))
        return "pipeline";
    }
    return undefined;
  }

  private trackReceivers(): void {
    const root = this.tree.rootNode;
    // annotations first: `def f(r: aioredis.Redis)`, `redis: aioredis.Redis = …`
    const typedParameters = this.bindings.size > 0 ? root.descendantsOfType(["typed_parameter", "typed_default_parameter"]) : [];
    for (const typed of typedParameters) {
      const type = typed.childForFieldName("type");
      const name = typed.type === "typed_parameter" ? typed.namedChild(0) : typed.childForFieldName("name");
      if (type && name && this.isClientType(type)) this.receivers.set(name.text, "client");
    }
    // assignments, in source order, until nothing new is learnt (`a = create(); b = a; p = b.pipeline()`)
    const assignments = root.descendantsOfType("assignment").flatMap((a) => {
      const left = a.childForFieldName("left");
      if (!left || left.type === "pattern_list" || left.type === "tuple_pattern") return [];
      return [{ key: expressionKey(left), right: a.childForFieldName("right"), type: a.childForFieldName("type") }];
    });
    const withAliases = root.descendantsOfType("as_pattern").filter((item) => item.parent?.type === "with_item");
    for (let round = 0; round < 3; round++) {
      let learnt = false;
      for (const { key, right, type } of assignments) {
        if (this.receivers.has(key)) continue;
        let kind = right ? this.valueKind(right) : undefined;
        if (!kind && type && this.isClientType(type)) kind = "client";
        if (kind) {
          this.receivers.set(key, kind);
          learnt = true;
        }
      }
      // `with await pool as conn`, `async with pool.get() as conn`, `with (await redis) as r2`
      for (const item of withAliases) {
        const value = item.namedChild(0);
        const alias = item.childForFieldName("alias");
        if (!value || !alias) continue;
        const key = expressionKey(alias);
        if (this.receivers.has(key)) continue;
        const awaited = unparenthesize(value).type === "await" ? unparenthesize(unparenthesize(value).namedChild(0)!) : null;
        let kind: ReceiverKind | undefined;
        if (awaited && this.receiverKind(awaited)) kind = "connection";
        else {
          const v = unparenthesize(value);
          if (v.type === "call") {
            const callee = v.childForFieldName("function")!;
            if (callee.type === "attribute" && callee.childForFieldName("attribute")!.text === "get" &&
                this.receiverKind(callee.childForFieldName("object")!)) kind = "connection";
            else kind = this.valueKind(v);
          }
        }
        if (kind) {
          this.receivers.set(key, kind);
          learnt = true;
        }
      }
      if (!learnt) break;
    }
  }

  private isClientType(type: SyntaxNode): boolean {
    // Only a name bound by an aioredis import resolves: most annotations (`int`, `dict`) spell none of them.
    const text = type.text;
    if (![...this.bindings.keys()].some((local) => text.includes(local))) return false;
    const t = unparenthesize(type.type === "type" ? type.namedChild(0) ?? type : type);
    const candidates = [t];
    // Optional[aioredis.Redis], aioredis.Redis | None
    for (const n of t.descendantsOfType(["attribute", "identifier"])) candidates.push(n);
    return candidates.some((c) => {
      const r = this.resolve(c);
      return r !== undefined && CLIENT_TYPE_NAMES.has(r);
    });
  }
}

/** The identifier texts of a tree, without attribute names and keyword-argument names. */
function identifierNames(tree: Tree, text: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: SyntaxNode): void => {
    if (node.type === "identifier") {
      const parent = node.parent?.type;
      if (!(parent === "attribute" && node.field === "attribute") && !(parent === "keyword_argument" && node.field === "name"))
        names.add(text.slice(node.startIndex, node.endIndex));
      return;
    }
    const children = node.children;
    for (let i = 0; i < children.length; i++) visit(children[i]!);
  };
  visit(tree.rootNode);
  return names;
}
