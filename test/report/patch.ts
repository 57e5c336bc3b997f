/** Applies a unified diff as `unifiedDiff` writes it: enough of the format to check that it round-trips. */
import assert from "node:assert/strict";
import { splitLines } from "../../src/report/diff.js";

export function applyPatch(before: string, patch: string): string {
  const a = splitLines(before);
  const out: string[] = [];
  let at = 0;
  const lines = patch.split(/(?<=\n)/).slice(2);
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@\n$/.exec(l);
    if (m) {
      const count = m[2] === undefined ? 1 : Number(m[2]);
      const start = count === 0 ? Number(m[1]) : Number(m[1]) - 1;
      while (at < start) out.push(a[at++]!);
      continue;
    }
    const noEol = lines[k + 1] === "\\ No newline at end of file\n";
    const text = noEol ? l.slice(1, -1) : l.slice(1);
    if (noEol) k++;
    if (l[0] === " ") {
      assert.equal(a[at], text, "context line matches");
      out.push(a[at++]!);
    } else if (l[0] === "-") {
      assert.equal(a[at], text, "removed line matches");
      at++;
    } else if (l[0] === "+") out.push(text);
    else assert.fail(`unexpected patch line ${JSON.stringify(l)}`);
  }
  while (at < a.length) out.push(a[at++]!);
  return out.join("");
}
