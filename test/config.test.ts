import assert from "node:assert/strict";
import { test } from "node:test";
import { branchNameProblem, DEFAULT_CONFIG, loadConfig, parseConfig, type ConfigReader } from "../src/config.js";

test("no file: the defaults", () => {
  assert.deepEqual(parseConfig(null), { ok: true, config: DEFAULT_CONFIG, fromFile: false });
  assert.equal(DEFAULT_CONFIG.branch, "redis-migrate/aioredis-to-redis-asyncio");
  assert.deepEqual(DEFAULT_CONFIG.labels, ["redis-migrate"]);
});

test("every key, valid", () => {
  const r = parseConfig({
    enabled: false,
    ignorePaths: ["vendor/**", " legacy/*.py "],
    redisVersion: 4.2,
    labels: ["deps"],
    reviewers: ["alice", "acme/platform-team"],
    assignees: ["bob-1"],
    draft: true,
    branch: "chore/redis",
    includeForks: true,
    todoComments: false,
  });
  assert.deepEqual(r, {
    ok: true,
    fromFile: true,
    config: {
      enabled: false,
      ignorePaths: ["vendor/**", "legacy/*.py"],
      redisVersion: "4.2",
      labels: ["deps"],
      reviewers: ["alice", "acme/platform-team"],
      assignees: ["bob-1"],
      draft: true,
      branch: "chore/redis",
      includeForks: true,
      todoComments: false,
    },
  });
});

test("an empty file or empty keys: the defaults for those keys", () => {
  assert.deepEqual(parseConfig({}), { ok: true, config: DEFAULT_CONFIG, fromFile: true });
  assert.deepEqual(parseConfig({ labels: null }), { ok: true, config: DEFAULT_CONFIG, fromFile: true });
  assert.deepEqual(parseConfig({ labels: [] }), { ok: true, config: { ...DEFAULT_CONFIG, labels: [] }, fromFile: true });
});

test("each problem names its key", () => {
  const r = parseConfig(
    {
      enabled: "yes",
      ignorePaths: "vendor",
      redisVersion: "5",
      labels: ["x".repeat(51)],
      reviewers: ["not a login"],
      assignees: [""],
      branch: "feature..x",
      includeforks: true,
      todo: false,
    },
    "acme/.github:.github/redis-migrate.yml",
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.file, "acme/.github:.github/redis-migrate.yml");
  assert.deepEqual(r.errors.map((e) => e.replace(/; valid keys: .*/, "")), [
    '`enabled`: must be true or false (got "yes")',
    '`ignorePaths`: must be a list of path globs (got "vendor")',
    '`redisVersion`: must be "5.0.1" or "4.2" (got "5")',
    `\`labels\`: item 1 ("${"x".repeat(51)}") is longer than GitHub's 50 characters`,
    '`reviewers`: item 1 ("not a login") is not a GitHub login or org/team',
    '`assignees`: item 1 must be a non-empty string (got "")',
    '`branch`: "feature..x" contains "..", "//" or "@{"',
    "`includeforks`: unknown key (did you mean `includeForks`?)",
    "`todo`: unknown key",
  ]);
});

test("a file that is not a mapping", () => {
  assert.deepEqual(parseConfig(["a"]), { ok: false, file: ".github/redis-migrate.yml", errors: ["the file must be a mapping of keys to values (got a list)"] });
});

test("branch names git refuses", () => {
  for (const bad of ["a b", "a..b", "/a", "a/", "a.lock", "a/.b", "a~1", "a:b", "@", "a@{1}"]) assert.notEqual(branchNameProblem(bad), null, bad);
  for (const good of ["redis-migrate/aioredis-to-redis-asyncio", "chore/redis_py-5", "x"]) assert.equal(branchNameProblem(good), null, good);
});

function reader(result: Awaited<ReturnType<ConfigReader["config"]["get"]>> | Error): ConfigReader {
  return { config: { get: async () => { if (result instanceof Error) throw result; return result; } } };
}

test("loadConfig: no file anywhere → defaults; the org's file is named as such when it is bad", async () => {
  const none = await loadConfig(reader({ config: {}, files: [{ owner: "acme", repo: "shop", path: ".github/redis-migrate.yml", config: null }, { owner: "acme", repo: ".github", path: ".github/redis-migrate.yml", config: null }] }), "acme", "shop");
  assert.deepEqual(none, { ok: true, config: DEFAULT_CONFIG, fromFile: false });
  const org = await loadConfig(reader({ config: { draft: "no" }, files: [{ owner: "acme", repo: "shop", path: ".github/redis-migrate.yml", config: null }, { owner: "acme", repo: ".github", path: ".github/redis-migrate.yml", config: { draft: "no" } }] }), "acme", "shop");
  assert.deepEqual(org, { ok: false, file: "acme/.github:.github/redis-migrate.yml", errors: ['`draft`: must be true or false (got "no")'] });
});

test("loadConfig: unreadable YAML is a config problem, a GitHub failure is thrown", async () => {
  const yaml = Object.assign(new Error("[@probot/octokit-plugin-config] Configuration could not be parsed from https://x (invalid YAML)"), { cause: new Error("Flow sequence not closed at line 1\nmore") });
  assert.deepEqual(await loadConfig(reader(yaml), "acme", "shop"), {
    ok: false,
    file: ".github/redis-migrate.yml",
    errors: ["Configuration could not be parsed from https://x (invalid YAML): Flow sequence not closed at line 1"],
  });
  await assert.rejects(loadConfig(reader(Object.assign(new Error("Bad gateway"), { status: 502 })), "acme", "shop"), /Bad gateway/);
});
