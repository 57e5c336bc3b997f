/** Writes a migrated file back: only if it still holds what was read, atomically, keeping its permissions. */
import { randomBytes } from "node:crypto";
import { chmod, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { sameBytes } from "./decode.js";

export class WriteError extends Error {}

/**
 * Replaces `absolute` with `bytes` through a temporary file in the same directory and a rename, so a crash leaves
 * either the old or the new file, never half of one. Refuses when the file changed since it was read.
 */
export async function writeFileAtomic(absolute: string, bytes: Uint8Array, expected: Uint8Array): Promise<void> {
  const [info, current] = await Promise.all([stat(absolute), readFile(absolute)]);
  if (!sameBytes(current, expected)) throw new WriteError("the file changed since it was read; run again");
  const temp = join(dirname(absolute), `.${basename(absolute)}.redis-migrate-${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, info.mode & 0o7777);
    await rename(temp, absolute);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
