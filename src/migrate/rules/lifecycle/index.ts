import { defineRule } from "../../rule.js";
import { migrateClose } from "./close.js";
import { migrateConnections } from "./connections.js";
import { reportProperties } from "./properties.js";

/**
 * Closing clients and borrowing connections (reference §4, §12). aioredis 2.x clients and PubSubs get `aclose()`; on
 * the 4.2 target a `from_url` client closes its pool explicitly (`awaited-close.ts`). Runs on files that never import
 * aioredis too (`needsImport: false`): `wait_closed()` exists only in aioredis 1.x, and shutdown handlers often
 * receive the client as a parameter or read it from `app["redis"]`. Receivers are gated by the data flow or by their name
 * (`receiver.ts`), so asyncio streams and servers, which also have `close()` + `wait_closed()`, are left alone.
 */
export default defineRule({
  id: "lifecycle",
  description: "close()+wait_closed() → one awaited aclose()/close(); `with await pool as conn` / acquire → `client()`",
  phase: "code",
  needsImport: false,
  apply(ctx) {
    migrateClose(ctx);
    migrateConnections(ctx);
    reportProperties(ctx);
  },
});
