/** Reads and decodes candidate files; what cannot be decoded losslessly is listed as skipped, never guessed at. */
import { readFile, stat } from "node:fs/promises";
import type { SkippedFile } from "../migrate/findings.js";
import type { Codec } from "./codecs.js";
import { decodeSource, formatSize, MAX_FILE_BYTES } from "./decode.js";
import type { Candidate } from "./walk.js";

export interface LoadedFile {
  readonly path: string;
  readonly absolute: string;
  readonly text: string;
  readonly codec: Codec;
  /** The bytes as read: a write checks the file still holds them. */
  readonly bytes: Uint8Array;
}

export interface LoadResult {
  readonly files: readonly LoadedFile[];
  readonly skipped: readonly SkippedFile[];
  /** Skipped files whose bytes contain `aioredis`: work the tool could not do. */
  readonly skippedMentioningAioredis: readonly string[];
  /** Files that could not be read at all. */
  readonly errors: readonly string[];
}

const CONCURRENCY = 16;
const AIOREDIS = Buffer.from("aioredis");

type Outcome =
  | { kind: "file"; file: LoadedFile }
  | { kind: "skipped"; skipped: SkippedFile; mentionsAioredis: boolean }
  | { kind: "error"; message: string };

async function loadOne(c: Candidate): Promise<Outcome> {
  try {
    const info = await stat(c.absolute);
    if (info.size > MAX_FILE_BYTES) {
      // Not read: a file this large is data or generated code.
      const detail = `${formatSize(info.size)} is over the ${formatSize(MAX_FILE_BYTES)} limit`;
      return { kind: "skipped", skipped: { file: c.path, reason: "too-large", detail }, mentionsAioredis: false };
    }
    const bytes = await readFile(c.absolute);
    const decoded = decodeSource(bytes);
    if (!decoded.ok) {
      const skipped = { file: c.path, reason: decoded.reason, detail: decoded.detail };
      return { kind: "skipped", skipped, mentionsAioredis: bytes.includes(AIOREDIS) };
    }
    return { kind: "file", file: { path: c.path, absolute: c.absolute, text: decoded.text, codec: decoded.codec, bytes } };
  } catch (e) {
    return { kind: "error", message: `${c.path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}

/** Loads every candidate, a few at a time; results keep the candidates' order. */
export async function loadFiles(candidates: readonly Candidate[], onProgress?: (done: number) => void): Promise<LoadResult> {
  const outcomes: Outcome[] = new Array(candidates.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < candidates.length) {
      const i = next++;
      outcomes[i] = await loadOne(candidates[i]!);
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, candidates.length) }, worker));
  const files: LoadedFile[] = [];
  const skipped: SkippedFile[] = [];
  const mentioning: string[] = [];
  const errors: string[] = [];
  for (const o of outcomes) {
    if (o.kind === "file") files.push(o.file);
    else if (o.kind === "error") errors.push(o.message);
    else {
      skipped.push(o.skipped);
      if (o.mentionsAioredis) mentioning.push(o.skipped.file);
    }
  }
  return { files, skipped, skippedMentioningAioredis: mentioning, errors };
}
