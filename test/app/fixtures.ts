/** Repositories the App tests run on, with the migrated texts expected in the commit. */
import type { RepoSpec } from "./harness.js";

export const CACHE_PY = `import aioredis


async def connect():
    return await aioredis.create_redis_pool("redis://localhost:6379/0")


async def title(redis):
    value = await redis.get("title", encoding="utf-8")
    return value
`;

export const CACHE_PY_MIGRATED = `import redis.asyncio as redis_asyncio


async def connect():
    # TODO(redis-migrate): Choose a size for this connection pool: aioredis capped it at 10 connections (callers waited for a free one), while redis-py's pool is unbounded and opens a new connection whenever all are busy.
    return redis_asyncio.Redis.from_url("redis://localhost:6379/0")


async def title(redis):
    # TODO(redis-migrate): Per-call \`encoding=\` does not exist in redis-py, so this reply is bytes now: decode it here, or create the client with \`decode_responses=True\`.
    value = await redis.get("title")
    return value
`;

export const REQUIREMENTS = "aioredis==1.3.1\nfastapi==0.110.0\n";
export const REQUIREMENTS_MIGRATED = "redis>=5.0.1\nfastapi==0.110.0\n";

/** A small service using aioredis 1.x: one Python file to migrate, one untouched, a requirements file, a README. */
export const SHOP: RepoSpec = {
  repo: "shop",
  files: {
    "README.md": "# shop\n",
    "requirements.txt": REQUIREMENTS,
    "shop/__init__.py": "",
    "shop/cache.py": { content: CACHE_PY, mode: 0o775 },
    "shop/util.py": "def slug(s):\n    return s.lower()\n",
  },
};

/** A JavaScript repository: the recursive tree alone shows there is nothing to read. */
export const WEB: RepoSpec = {
  repo: "web",
  headSha: "1".repeat(40),
  files: { "package.json": "{}\n", "src/index.js": "console.log('hi')\n" },
};

/** Python without aioredis: the tree and the tarball are read, nothing is written. */
export const TOOLS: RepoSpec = {
  repo: "tools",
  headSha: "2".repeat(40),
  files: { "requirements.txt": "requests==2.31.0\n", "tools/main.py": "import requests\n\nprint(requests.get)\n" },
};
