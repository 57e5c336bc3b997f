/** The demo's repository: every file of examples/legacy-app (an aiohttp service on aioredis 1.3.1). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

/** The project root (the folder with package.json), from src/demo or dist/src/demo. */
export function projectRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === "redis-migrate") return dir;
    } catch {
      // keep looking
    }
    if (dirname(dir) === dir) throw new Error("cannot find the redis-migrate project root");
  }
}

/** path (with "/") → bytes of every regular file under `dir`, skipping caches. */
export function readFolder(dir: string): Record<string, { content: Buffer; mode: "100644" | "100755" }> {
  const out: Record<string, { content: Buffer; mode: "100644" | "100755" }> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === "__pycache__" || e.name === ".git" || e.name.endsWith(".pyc")) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[relative(dir, p).split(sep).join("/")] = { content: readFileSync(p), mode: (statSync(p).mode & 0o111) !== 0 ? "100755" : "100644" };
    }
  };
  walk(dir);
  return out;
}

export function exampleRepositoryFiles(): Record<string, { content: Buffer; mode: "100644" | "100755" }> {
  return readFolder(join(projectRoot(), "examples", "legacy-app"));
}
