/**
 * Which repository paths a run reads: the config's `ignorePaths` globs, and the folders the CLI's walk never
 * enters either (installed packages, caches: vendored copies of libraries are not the repository's code).
 */

/** Folder names skipped anywhere in a path (as src/io/walk.ts does for a checkout). */
const SKIPPED_DIRS = new Set([
  "node_modules", "site-packages", "dist-packages", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
]);

/**
 * A glob as a regular expression over `/`-separated paths: `**` any number of folders, `*` and `?` within one
 * name, `[abc]` a class, `{a,b}` alternatives. A pattern matches a path or any folder above it, so `vendor` and
 * `vendor/` ignore everything under `vendor/`; a pattern without `/` matches at any depth (`*_pb2.py`).
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.trim().replace(/^\.\//, "").replace(/\/+$/, "");
  const anchored = g.includes("/");
  if (g.startsWith("/")) g = g.slice(1);
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === "*") {
      if (g[i + 1] === "*") {
        const slashAfter = g[i + 2] === "/";
        re += slashAfter ? "(?:.*/)?" : ".*";
        i += slashAfter ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = g.indexOf("]", i + 1);
      if (end === -1) re += "\\[";
      else {
        const body = g.slice(i + 1, end).replace(/\\/g, "\\\\");
        re += `[${body.startsWith("!") ? "^" + body.slice(1) : body}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = g.indexOf("}", i + 1);
      if (end === -1) re += "\\{";
      else {
        re += `(?:${g.slice(i + 1, end).split(",").map(escape).join("|")})`;
        i = end;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${anchored ? "" : "(?:.*/)?"}${re}(?:/.*)?$`);
}

function escape(s: string): string {
  return s.replace(/[.+^$()|\\]/g, "\\$&");
}

export type PathFilter = (path: string) => boolean;

/** True for paths the run reads. */
export function pathFilter(ignorePaths: readonly string[]): PathFilter {
  const globs = ignorePaths.map(globToRegExp);
  return (path) => !path.split("/").slice(0, -1).some((d) => SKIPPED_DIRS.has(d)) && !globs.some((g) => g.test(path));
}
