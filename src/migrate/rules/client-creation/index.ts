import { defineRule } from "../../rule.js";

export default defineRule({
  id: "client-creation",
  description: "`create_redis`/`create_redis_pool`/`create_connection`/`create_pool` → one `redis.asyncio.Redis` client",
  phase: "code",
  needsImport: true,
  apply() {},
});
