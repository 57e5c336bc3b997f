import { defineRule } from "../../rule.js";

export default defineRule({
  id: "imports",
  description: "aioredis imports → redis.asyncio / redis.exceptions imports",
  phase: "imports",
  needsImport: true,
  apply() {},
});
