/** A repository large enough for a PR body over GitHub's limit: many files, each with changes and manual steps. */
import type { RepoSpec } from "./harness.js";

export function bigRepository(files: number, repo = "big"): RepoSpec {
  const out: Record<string, string> = { "requirements.txt": "aioredis==1.3.1\n" };
  for (let i = 0; i < files; i++) {
    out[`svc/module_${String(i).padStart(3, "0")}.py`] = [
      "import aioredis",
      "",
      "",
      `async def load_${i}(redis):`,
      `    first = await redis.get("first:${i}", encoding="utf-8")`,
      `    second = await redis.get("second:${i}", encoding="utf-8")`,
      `    names = await redis.lrange("names:${i}", 0, -1, encoding="utf-8")`,
      "    return first, second, names",
      "",
      "",
      `async def connect_${i}():`,
      `    return await aioredis.create_redis_pool("redis://localhost/${i % 16}")`,
      "",
    ].join("\n");
  }
  return { repo, headSha: "3".repeat(40), files: out };
}
