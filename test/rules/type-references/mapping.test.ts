/**
 * The rename table is only as good as its names: every redis-py target must exist in the installed redis-py, and
 * every aioredis 1.x class the table treats as 1.x must exist in aioredis 1.3.1. Checked by importing them with
 * Debian's /usr/bin/python3 (python3-redis 4.3.4, python3-aioredis 1.3.1); a missing interpreter fails the test.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";
import { MANUAL, RENAMES, targetPath } from "../../../src/migrate/rules/type-references/mapping.js";

const PYTHON = "/usr/bin/python3";

/** The dotted paths that do not resolve to an attribute, by importing the longest module prefix of each. */
function missing(paths: readonly string[]): string[] {
  const script = [
    "import importlib, json, sys",
    "bad = []",
    "for p in json.loads(sys.argv[1]):",
    "    parts = p.split('.')",
    "    for i in range(len(parts) - 1, 0, -1):",
    "        try:",
    "            obj = importlib.import_module('.'.join(parts[:i]))",
    "        except ImportError:",
    "            continue",
    "        try:",
    "            for a in parts[i:]: obj = getattr(obj, a)",
    "        except AttributeError:",
    "            bad.append(p)",
    "        break",
    "    else:",
    "        bad.append(p)",
    "print(json.dumps(bad))",
  ].join("\n");
  const r = spawnSync(PYTHON, ["-c", script, JSON.stringify(paths)], { encoding: "utf8", timeout: 30_000 });
  assert.equal(r.status, 0, `${PYTHON} failed: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout) as string[];
}

describe("type-references mapping", () => {
  it("every redis-py target exists in redis-py", () => {
    const targets = [...new Set([...RENAMES.values()].map(targetPath))];
    assert.ok(targets.length > 20);
    assert.deepEqual(missing(targets), []);
  });

  it("every aioredis 1.x class it renames or reports exists in aioredis 1.3.1", () => {
    const v1 = [...RENAMES.entries()].filter(([, t]) => t.v1Constructor).map(([k]) => k);
    const reported = [...MANUAL.keys()];
    assert.ok(v1.length >= 8 && reported.length >= 8);
    assert.deepEqual(missing([...v1, ...reported, "aioredis.locks.Lock"]), []);
  });

  it("does not claim 2.x-only names exist in aioredis 1.3.1", () => {
    // The detector itself must be able to fail: these are aioredis 2.x names, absent from 1.3.1.
    assert.deepEqual(missing(["aioredis.from_url", "aioredis.client.Pipeline"]), ["aioredis.from_url", "aioredis.client.Pipeline"]);
  });
});
