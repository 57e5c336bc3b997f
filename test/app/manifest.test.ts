/**
 * app.yml, the GitHub App manifest: the least-privilege permission set, and events that match what the App's
 * handlers subscribe to (read from the App itself, by loading it with a recording stand-in for Probot). GitHub
 * rejects a manifest whose default events include `installation`/`installation_repositories` (delivered to every
 * App anyway) or an event no requested permission covers.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import pino from "pino";
import type { Probot } from "probot";
import { createApp } from "../../src/index.js";
import { JobQueue } from "../../src/jobs/queue.js";

type Yaml = string | boolean | Yaml[] | { [key: string]: Yaml };

/**
 * The YAML subset app.yml is written in: comments, `key: scalar`, `key:` followed by an indented map or a `- item`
 * list; scalars are strings or true/false. Anything else is an error, so the test cannot silently misread the file.
 */
function parseYamlSubset(text: string): { [key: string]: Yaml } {
  const lines = text
    .split("\n")
    .map((raw, i) => ({ n: i + 1, raw: raw.replace(/\s+#.*$/, "").replace(/^\s*#.*$/, "") }))
    .filter((l) => l.raw.trim() !== "")
    .map((l) => ({ ...l, indent: l.raw.length - l.raw.trimStart().length, text: l.raw.trim() }));
  const scalar = (s: string, n: number): string | boolean => {
    if (s === "true") return true;
    if (s === "false") return false;
    if (/^["'].*["']$/.test(s)) return s.slice(1, -1);
    if (/^[[{&*!|>]/.test(s)) throw new Error(`line ${n}: unsupported YAML: ${s}`);
    return s;
  };
  let at = 0;
  const block = (indent: number): Yaml => {
    const first = lines[at]!;
    if (first.text.startsWith("- ")) {
      const list: Yaml[] = [];
      while (at < lines.length && lines[at]!.indent === indent && lines[at]!.text.startsWith("- ")) {
        list.push(scalar(lines[at]!.text.slice(2).trim(), lines[at]!.n));
        at++;
      }
      return list;
    }
    const map: { [key: string]: Yaml } = {};
    while (at < lines.length && lines[at]!.indent === indent) {
      const l = lines[at]!;
      const m = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(l.text);
      if (!m) throw new Error(`line ${l.n}: expected "key: value": ${l.text}`);
      if (m[1]! in map) throw new Error(`line ${l.n}: duplicate key ${m[1]}`);
      at++;
      if (m[2] !== undefined && m[2] !== "") map[m[1]!] = scalar(m[2], l.n);
      else if (at < lines.length && lines[at]!.indent > indent) map[m[1]!] = block(lines[at]!.indent);
      else if (at < lines.length && lines[at]!.indent === indent && lines[at]!.text.startsWith("- ")) map[m[1]!] = block(indent);
      else throw new Error(`line ${l.n}: ${m[1]} has no value`);
    }
    return map;
  };
  const doc = block(0);
  if (at !== lines.length) throw new Error(`line ${lines[at]!.n}: unexpected indentation`);
  return doc as { [key: string]: Yaml };
}

const manifest = parseYamlSubset(readFileSync(join(import.meta.dirname, "..", "..", "app.yml"), "utf8"));

/** Events GitHub sends to every App, with no subscription (and none allowed in a manifest). */
const ALWAYS_DELIVERED = ["installation", "installation_repositories"];

/** Which permission lets an App receive an event (GitHub's webhook documentation). */
const EVENT_PERMISSIONS: Record<string, string[]> = {
  issue_comment: ["issues", "pull_requests"],
  pull_request: ["pull_requests"],
  push: ["contents"],
};

/** The events the App's handlers listen to, from the App itself. */
function subscribedEvents(): string[] {
  const names: string[] = [];
  const recorder = {
    log: pino({ level: "silent" }),
    on(name: string | string[]) {
      names.push(...(Array.isArray(name) ? name : [name]));
    },
    auth() {
      throw new Error("the manifest test makes no request");
    },
  };
  void createApp({ queue: new JobQueue(1), appSlug: "redis-migrate", toolVersion: "0.0.0" })(recorder as unknown as Probot, { cwd: process.cwd(), addHandler: () => undefined });
  return names;
}

test("app.yml parses in the YAML subset, with name, description, url and public", () => {
  assert.equal(manifest.name, "redis-migrate");
  assert.equal(typeof manifest.description, "string");
  assert.ok((manifest.description as string).length > 20);
  assert.match(manifest.url as string, /^https:\/\//);
  assert.equal(typeof manifest.public, "boolean");
});

test("permissions are exactly the least-privilege set", () => {
  assert.deepEqual(manifest.default_permissions, { contents: "write", pull_requests: "write", issues: "write", metadata: "read" });
});

test("default events are exactly those of the handlers, minus the events GitHub always delivers", () => {
  const events = manifest.default_events as string[];
  assert.deepEqual([...events].sort(), ["issue_comment", "pull_request", "push"]);
  for (const e of ALWAYS_DELIVERED) assert.ok(!events.includes(e), `GitHub rejects "${e}" in default_events`);

  const handled = [...new Set(subscribedEvents().map((n) => n.split(".")[0]!))].sort();
  assert.deepEqual(handled, ["installation", "installation_repositories", "issue_comment", "pull_request", "push"]);
  assert.deepEqual([...new Set([...events, ...ALWAYS_DELIVERED])].sort(), handled);
});

test("every subscribed event is covered by a requested permission", () => {
  const permissions = manifest.default_permissions as Record<string, string>;
  for (const e of manifest.default_events as string[]) {
    const needed = EVENT_PERMISSIONS[e];
    assert.ok(needed, `no known permission for event ${e}`);
    assert.ok(needed.some((p) => permissions[p] === "read" || permissions[p] === "write"), `event ${e} needs one of ${needed.join(", ")}`);
  }
});

test("the YAML subset parser refuses what it does not understand", () => {
  assert.throws(() => parseYamlSubset("a: [1, 2]\n"), /unsupported YAML/);
  assert.throws(() => parseYamlSubset("a:\n"), /has no value/);
  assert.throws(() => parseYamlSubset("a: 1\na: 2\n"), /duplicate key/);
  assert.deepEqual(parseYamlSubset("# c\nx: y # z\nm:\n  k: true\nl:\n  - a\n  - b\n"), { x: "y", m: { k: true }, l: ["a", "b"] });
});
