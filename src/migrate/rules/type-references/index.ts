import { defineRule } from "../../rule.js";

export default defineRule({
  id: "type-references",
  description: "aioredis classes in type hints and isinstance checks → redis.asyncio classes",
  phase: "references",
  needsImport: true,
  apply() {},
});
