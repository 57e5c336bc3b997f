/**
 * A streaming reader for the tar archives GitHub serves (`/tarball/{ref}`: gzip'd ustar with pax headers).
 * Pure and incremental: feed it chunks, it emits regular files whose path the caller wants, keeping in memory
 * only the file being read. Long names (pax `path=`, GNU `L`) are honoured; the archive's top folder
 * (`owner-repo-sha/`) is stripped; unsafe paths (absolute, `..`, NUL, backslashes) are reported, never used.
 */

export interface TarFile {
  readonly path: string;
  readonly bytes: Buffer;
  /** Any execute bit set in the entry's mode (`git archive` writes 0775 for a `100755` blob). */
  readonly executable: boolean;
}

export type TarSkip = { readonly path: string; readonly reason: "too-large" | "invalid-path" | "not-a-regular-file" };

export interface TarOptions {
  /** Which files to keep (path without the top folder). */
  readonly want: (path: string) => boolean;
  readonly maxFileBytes: number;
}

const BLOCK = 512;

interface Header {
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly mode: number;
}

export class TarReader {
  private buffer: Buffer = Buffer.alloc(0);
  private state: "header" | "body" | "done" = "header";
  private current: { header: Header; path: string | null; keep: boolean; chunks: Buffer[]; remaining: number; padding: number } | null = null;
  private paxPath: string | null = null;
  private longName: string | null = null;
  readonly files: TarFile[] = [];
  readonly skipped: TarSkip[] = [];

  constructor(private readonly options: TarOptions) {}

  /** Feeds the next chunk of the (already gunzipped) archive. */
  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.state === "done") return;
      if (this.state === "header") {
        if (this.buffer.length < BLOCK) return;
        const block = this.buffer.subarray(0, BLOCK);
        this.buffer = this.buffer.subarray(BLOCK);
        if (block.every((b) => b === 0)) {
          this.state = "done";
          return;
        }
        this.startEntry(parseHeader(block));
        continue;
      }
      const cur = this.current!;
      if (cur.remaining > 0) {
        if (this.buffer.length === 0) return;
        const take = Math.min(cur.remaining, this.buffer.length);
        if (cur.keep || cur.header.type === "x" || cur.header.type === "L") cur.chunks.push(this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        cur.remaining -= take;
        if (cur.remaining > 0) return;
      }
      if (this.buffer.length < cur.padding) return;
      this.buffer = this.buffer.subarray(cur.padding);
      this.finishEntry();
    }
  }

  /** Call after the last chunk: a truncated archive is an error (partial data must not be published). */
  end(): void {
    if (this.state === "body" || (this.state === "header" && this.buffer.length > 0)) {
      throw new Error("the repository archive ended in the middle of an entry");
    }
  }

  private startEntry(header: Header): void {
    let path: string | null = null;
    let keep = false;
    if (header.type === "0" || header.type === "" || header.type === "7") {
      const raw = this.paxPath ?? this.longName ?? header.name;
      path = stripTopFolder(raw);
      if (path !== null) {
        if (!isSafePath(path)) {
          if (this.options.want(path.replace(/\\/g, "/"))) this.skipped.push({ path, reason: "invalid-path" });
        } else if (this.options.want(path)) {
          if (header.size > this.options.maxFileBytes) this.skipped.push({ path, reason: "too-large" });
          else keep = true;
        }
      }
    } else if (header.type === "2" || header.type === "1") {
      const raw = this.paxPath ?? this.longName ?? header.name;
      const p = stripTopFolder(raw);
      if (p !== null && this.options.want(p)) this.skipped.push({ path: p, reason: "not-a-regular-file" });
    }
    if (header.type !== "x" && header.type !== "L") {
      this.paxPath = null;
      this.longName = null;
    }
    this.current = { header, path, keep, chunks: [], remaining: header.size, padding: (BLOCK - (header.size % BLOCK)) % BLOCK };
    this.state = "body";
  }

  private finishEntry(): void {
    const cur = this.current!;
    const data = Buffer.concat(cur.chunks);
    if (cur.header.type === "x") this.paxPath = paxValue(data, "path");
    else if (cur.header.type === "L") this.longName = data.toString("utf8").replace(/\0.*$/s, "");
    else if (cur.keep && cur.path !== null) this.files.push({ path: cur.path, bytes: data, executable: (cur.header.mode & 0o111) !== 0 });
    this.current = null;
    this.state = "header";
  }
}

function parseHeader(block: Buffer): Header {
  const field = (start: number, length: number): string => block.subarray(start, start + length).toString("utf8").replace(/\0.*$/s, "");
  const expected = Number.parseInt(field(148, 8).trim() || "0", 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
  if (sum !== expected) throw new Error("the repository archive is corrupt (bad tar header checksum)");
  const name = field(0, 100);
  const prefix = field(257, 6).startsWith("ustar") ? field(345, 155) : "";
  const sizeField = block.subarray(124, 136);
  const size = (sizeField[0]! & 0x80) !== 0 ? Number(sizeField.readBigUInt64BE(4)) : Number.parseInt(field(124, 12).trim() || "0", 8);
  const mode = Number.parseInt(field(100, 8).trim() || "0", 8);
  return { name: prefix ? `${prefix}/${name}` : name, size, type: field(156, 1), mode: Number.isNaN(mode) ? 0 : mode };
}

/** A pax extended header: records `"<length> <key>=<value>\n"`, the length counted in bytes. */
function paxValue(data: Buffer, key: string): string | null {
  let at = 0;
  let found: string | null = null;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = Number.parseInt(data.subarray(at, space).toString("ascii"), 10);
    if (!(length > 0)) break;
    const record = data.subarray(space + 1, at + length).toString("utf8");
    const eq = record.indexOf("=");
    if (eq !== -1 && record.slice(0, eq) === key) found = record.slice(eq + 1).replace(/\n$/, "");
    at += length;
  }
  return found;
}

/** `owner-repo-sha/src/app.py` → `src/app.py`; the top folder itself → null. */
function stripTopFolder(raw: string): string | null {
  const slash = raw.indexOf("/");
  if (slash === -1) return null;
  const rest = raw.slice(slash + 1);
  return rest === "" ? null : rest;
}

export function isSafePath(path: string): boolean {
  if (path.includes("\0") || path.includes("\\") || path.startsWith("/")) return false;
  return path.split("/").every((seg) => seg !== ".." && seg !== "." && seg !== "");
}
