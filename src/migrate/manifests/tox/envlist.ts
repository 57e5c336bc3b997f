import type { ManifestDocument } from "../document.js";
import type { IniValue } from "../ini.js";
import { compareVersions, parseVersion } from "../versions.js";

/**
 * tox's `envlist` names the Pythons the test environments run (`py36`, `py3.6`, `py{36,37}-django{22,30}`). An
 * environment on a Python the target redis-py does not install on fails at `pip install` (reference §10, Python floor).
 */

/** `py{36,37}-x` → `py36-x`, `py37-x` (tox's brace expansion, without nesting). */
function expand(item: string): string[] {
  const m = /\{([^{}]*)\}/.exec(item);
  if (!m) return [item];
  const head = item.slice(0, m.index);
  const tail = item.slice(m.index + m[0].length);
  return m[1]!.split(",").flatMap((option) => expand(head + option.trim() + tail));
}

/** Splits a value at the commas outside braces. */
function items(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of value) {
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    if ((ch === "," || ch === "\n") && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((i) => i !== "");
}

/** The Python of one environment name (`py36-redis` → `3.6`), if one of its factors names it. */
function pythonOf(env: string): string | null {
  for (const factor of env.split("-")) {
    const m = /^py(\d)\.?(\d+)$/.exec(factor);
    if (m) return `${m[1]}.${m[2]}`;
  }
  return null;
}

export function checkEnvlist(doc: ManifestDocument, envlist: IniValue): void {
  if (!doc.usesAioredis) return;
  const t = doc.target;
  const floor = parseVersion(t.python)!;
  const value = envlist.lines.map((l) => l.text).join("\n");
  const old = items(value).flatMap(expand).filter((env) => {
    const py = pythonOf(env);
    return py !== null && compareVersions(parseVersion(py)!, floor) < 0;
  });
  if (old.length === 0) return;
  const py36 = old.every((env) => compareVersions(parseVersion(pythonOf(env)!)!, parseVersion("3.6")!) >= 0);
  const plain = envlist.inline && !value.includes("{");
  const kept = plain ? items(value).filter((env) => !old.includes(env)) : [];
  const line = envlist.lines[0]!;
  const fix = plain && kept.length > 0 ? doc.linesWith(line.start, line.end, [{ start: line.start, end: line.end, text: kept.join(", ") }]) : null;
  doc.manual(
    envlist.keyStart,
    `tox's envlist runs ${old.map((e) => `\`${e}\``).join(", ")} on Python older than ${t.python}, where pip cannot ` +
      `install redis ${t.floor}: drop ${old.length > 1 ? "these environments" : "this environment"}` +
      (t.target === "5.0.1" && py36 ? " (or migrate with the 4.2 target, which supports Python 3.6)." : "."),
    fix?.text ?? "",
    fix?.lines ?? 0,
  );
}
