import type { ManifestFormat } from "../types.js";

interface LockKind {
  readonly test: RegExp;
  /** Finds the package entry of aioredis. */
  readonly entry: RegExp;
  readonly command: string;
  /** Said after the command. */
  readonly note?: string;
}

const LOCKS: readonly LockKind[] = [
  { test: /^poetry\.lock$/i, entry: /^name\s*=\s*"aioredis"/im, command: "poetry lock", note: " (on Poetry 1.x `poetry lock --no-update`, which keeps the other pins)" },
  { test: /^pipfile\.lock$/i, entry: /^\s*"aioredis"\s*:/im, command: "pipenv lock" },
  { test: /^uv\.lock$/i, entry: /^name\s*=\s*"aioredis"/im, command: "uv lock" },
  { test: /^pdm\.lock$/i, entry: /^name\s*=\s*"aioredis"/im, command: "pdm lock" },
  { test: /^requirements[^/]*\.lock$/i, entry: /^aioredis\s*(?:\[[^\]]*\])?\s*(?:==|@|;|$)/im, command: "rye lock" },
  { test: /(^|[-_.])conda-lock\.ya?ml$/i, entry: /^\s*-?\s*name:\s*['"]?aioredis['"]?\s*$/im, command: "conda-lock" },
];

function lockOf(path: string): LockKind | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return LOCKS.find((l) => l.test.test(base));
}

/**
 * Lock files (`poetry.lock`, `Pipfile.lock`, `uv.lock`, `pdm.lock`, rye's `requirements*.lock`, conda-lock) are
 * never rewritten: their resolution and hashes cannot be reproduced offline. When one pins aioredis, a manual step
 * says to regenerate it, with the command.
 */
const lock: ManifestFormat = {
  kind: "lock",
  description: "lock files (regenerate, never edited)",
  matches: (path) => lockOf(path) !== undefined,
  update(doc) {
    const kind = lockOf(doc.file)!;
    const m = kind.entry.exec(doc.text);
    if (!m) return;
    doc.manual(
      m.index + (m[0].length - m[0].trimStart().length),
      `This lock file pins aioredis: once the manifests are migrated, regenerate it with \`${kind.command}\`${kind.note ?? ""} so it pins ` +
        `redis${doc.target.spec} instead; lock files are not edited here because their resolution and hashes cannot ` +
        "be reproduced offline.",
      kind.command,
    );
  },
};

export default lock;
