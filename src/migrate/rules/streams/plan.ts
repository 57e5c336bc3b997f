import type { ArgumentEdits } from "../../command-calls/arguments.js";
import type { Trust } from "../../command-calls/receiver.js";

/** A stream command rewrite: its edits, why, and how sure we must be that the receiver is an aioredis client. */
export interface StreamPlan {
  readonly edits: ArgumentEdits;
  readonly trust: Trust;
  readonly why: string;
}
