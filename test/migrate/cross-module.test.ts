import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { importedReceivers, mentionsHolder, moduleNameOf } from "../../src/migrate/cross-module.js";
import type { ReceiverKind } from "../../src/migrate/facts.js";
import { DEFAULT_OPTIONS } from "../../src/migrate/findings.js";
import { migrateProject } from "../../src/migrate/project.js";

const OPTIONS = { target: DEFAULT_OPTIONS.target, todoComments: true };

/** A small application: the client is created in one module and used in three others that never import aioredis. */
const APP = {
  "shop/db.py": [
    "import aioredis",
    "",
    "redis = None",
    "",
    "",
    "async def init(app):",
    "    global redis",
    '    redis = await aioredis.create_redis_pool("redis://localhost")',
    '    app["redis"] = redis',
    "",
  ].join("\n"),
  "shop/cart.py": [
    "from shop.db import redis as cache",
    "",
    "",
    "async def add(user, item):",
    "    tr = cache.pipeline()",
    '    tr.sadd(f"cart:{user}", item)',
    "    await tr.execute()",
    "",
  ].join("\n"),
  "shop/stats.py": [
    "from shop import db",
    "",
    "",
    "async def top(n):",
    '    pipe = db.redis.pipeline()',
    '    pipe.get("visits")',
    "    return await pipe.execute()",
    "",
  ].join("\n"),
  "shop/views.py": [
    "async def visit(request):",
    '    pipe = request.app["redis"].pipeline()',
    '    pipe.incr("visits")',
    "    await pipe.execute()",
    "",
  ].join("\n"),
  "shop/unrelated.py": ["def pipeline():", "    return []", "", "", "def use(x):", "    return x.pipeline()", ""].join("\n"),
};

describe("clients that cross modules", () => {
  const result = migrateProject(
    Object.entries(APP).map(([path, text]) => ({ path, text })),
    OPTIONS,
  );
  const out = (path: string): string => result.files.find((f) => f.file === path)!.output;

  it("migrates calls on a client imported by name from the module that creates it", () => {
    assert.match(out("shop/cart.py"), /tr = cache\.pipeline\(transaction=False\)/);
  });
  it("migrates calls on a client reached through the creating module", () => {
    assert.match(out("shop/stats.py"), /pipe = db\.redis\.pipeline\(transaction=False\)/);
  });
  it("migrates calls on a client kept in an app mapping by another module", () => {
    assert.match(out("shop/views.py"), /request\.app\["redis"\]\.pipeline\(transaction=False\)/);
  });
  it("leaves modules that do not use the client byte-identical and unparsed", () => {
    const f = result.files.find((x) => x.file === "shop/unrelated.py")!;
    assert.equal(f.output, APP["shop/unrelated.py"]);
    assert.equal(f.parsed, false);
  });
  it("does not follow clients when the repository does not use aioredis", () => {
    const alone = migrateProject([{ path: "shop/views.py", text: APP["shop/views.py"] }], OPTIONS);
    assert.equal(alone.files[0]!.output, APP["shop/views.py"]);
  });
});

describe("cross-module helpers", () => {
  it("names modules from paths", () => {
    assert.equal(moduleNameOf("shop/db.py"), "shop.db");
    assert.equal(moduleNameOf("shop/__init__.py"), "shop");
  });
  it("resolves relative imports against the importing module's package", () => {
    const exports = { modules: new Map([["shop.db", new Map([["redis", "client" as const]])]]), suffixes: new Map() };
    assert.deepEqual([...importedReceivers("shop/cart.py", "from .db import redis as r\n", exports)], [["r", "client"]]);
    assert.deepEqual([...importedReceivers("shop/cart.py", "from . import db\n", exports)], [["db.redis", "client"]]);
    assert.deepEqual([...importedReceivers("other/x.py", "import shop.db as d\n", exports)], [["d.redis", "client"]]);
    assert.equal(importedReceivers("other/x.py", "from shop.models import redis\n", exports).size, 0);
  });
});

describe("mentionsHolder", () => {
  it("finds attribute holders, string keys in either quotes, and other subscripts", () => {
    const suffixes = new Map<string, ReceiverKind>([[".redis", "client"], ['["cache"]', "client"], ["[KEY]", "client"]]);
    assert.equal(mentionsHolder("await self.redis.get(k)", suffixes), true);
    assert.equal(mentionsHolder("pool = app.redis_pool", suffixes), true);
    assert.equal(mentionsHolder("await request.app['cache'].get(k)", suffixes), true);
    assert.equal(mentionsHolder('await request.app["cache"].get(k)', suffixes), true);
    assert.equal(mentionsHolder("await app[KEY].get(k)", suffixes), true);
    assert.equal(mentionsHolder("redis = cache = None  # ['cache\"]", suffixes), false);
    assert.equal(mentionsHolder("x = app[\"cache'] + myredis", suffixes), false);
  });
});
