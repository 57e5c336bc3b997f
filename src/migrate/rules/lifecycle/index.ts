import { defineRule } from "../../rule.js";

export default defineRule({
  id: "lifecycle",
  description: "close()+wait_closed() → aclose(); pool blocks → the client",
  phase: "code",
  needsImport: true,
  apply() {},
});
