import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** This package's version, from the package.json above the running module (src/ or dist/src/). */
export async function readToolVersion(): Promise<string> {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "redis-migrate" && pkg.version) return pkg.version;
    } catch {
      // not here; look further up
    }
    if (dirname(dir) === dir) return "0.0.0-unknown";
  }
}
