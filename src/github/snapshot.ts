import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { isManifestPath } from "../migrate/manifests/index.js";
import { TarReader } from "./tar.js";
import type { Snapshot } from "./types.js";

/** Files the migration reads: Python sources and dependency manifests (lock files included, to report them). */
export function isSnapshotPath(path: string): boolean {
  return path.endsWith(".py") || isManifestPath(path);
}

export interface TreeEntry {
  readonly path: string;
  readonly type: string;
  readonly size?: number;
}

/**
 * Decides from the recursive tree whether there is anything to read: a repository with no Python file and no
 * manifest needs no tarball. A truncated tree (over 100,000 entries) cannot rule anything out.
 */
export function wantedFromTree(entries: readonly TreeEntry[], truncated: boolean): Set<string> | "all" | null {
  const wanted = new Set(entries.filter((e) => e.type === "blob" && isSnapshotPath(e.path)).map((e) => e.path));
  if (truncated) return "all";
  return wanted.size === 0 ? null : wanted;
}

/** Streams a gzip'd tarball, keeping only the wanted files, into a Snapshot. Nothing touches the disk. */
export async function snapshotFromTarball(params: {
  readonly body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | Buffer | ArrayBuffer;
  readonly commitSha: string;
  readonly treeSha: string;
  readonly wanted: Set<string> | "all";
  readonly maxFileBytes: number;
  readonly treeTruncated: boolean;
}): Promise<Snapshot> {
  const reader = new TarReader({
    want: (p) => (params.wanted === "all" ? isSnapshotPath(p) : params.wanted.has(p)),
    maxFileBytes: params.maxFileBytes,
  });
  const source = toNodeReadable(params.body);
  const gunzip = source.pipe(createGunzip());
  const failed = new Promise<never>((_, reject) => source.on("error", reject));
  const consume = (async () => {
    for await (const chunk of gunzip) reader.push(chunk as Buffer);
    reader.end();
  })();
  await Promise.race([consume, failed]);
  return {
    commitSha: params.commitSha,
    treeSha: params.treeSha,
    // the mode is kept so that rewriting an executable script does not drop its execute bit
    files: reader.files.map((f) => ({ path: f.path, bytes: f.bytes, mode: f.executable ? "100755" : "100644" })),
    skipped: reader.skipped,
    treeTruncated: params.treeTruncated,
  };
}

function toNodeReadable(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | Buffer | ArrayBuffer): Readable {
  if (Buffer.isBuffer(body)) return Readable.from([body]);
  if (body instanceof ArrayBuffer) return Readable.from([Buffer.from(body)]);
  if (typeof (body as ReadableStream<Uint8Array>).getReader === "function") {
    return Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  }
  return Readable.from(body as AsyncIterable<Uint8Array>);
}
