/**
 * A tiny writer for the archives GitHub serves from `GET /repos/{o}/{r}/tarball/{ref}`: gzip'd ustar, every
 * entry under a top folder (`owner-repo-sha/`), pax `path=` headers for names over 100 bytes. For tests and the
 * simulated GitHub; not a general tar implementation.
 */
import { gzipSync } from "node:zlib";

export interface TarEntry {
  readonly path: string;
  /** File contents; ignored for directories and symlinks. */
  readonly content?: string | Uint8Array;
  readonly type?: "file" | "directory" | "symlink";
  /** For symlinks. */
  readonly target?: string;
  /** Unix permission bits (default 0o664 for files, 0o775 for directories, as `git archive` writes them). */
  readonly mode?: number;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, type: string, mode: number, linkName = ""): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, "utf8");
  h.write(octal(mode, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii");
  h.write(octal(0, 8), 116, "ascii");
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(1_700_000_000, 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write(type, 156, "ascii");
  h.write(linkName, 157, 100, "utf8");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return h;
}

function padded(data: Buffer): Buffer[] {
  const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
  return pad === 0 ? [data] : [data, Buffer.alloc(pad)];
}

/** A pax record `"<len> path=<value>\n"`, where len counts its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len++;
  return Buffer.from(`${len}${body}`, "utf8");
}

/** The uncompressed tar archive. */
export function tar(entries: readonly TarEntry[], topFolder = "owner-repo-0000000"): Buffer {
  const parts: Buffer[] = [header(`${topFolder}/`, 0, "5", 0o775)];
  for (const e of entries) {
    const type = e.type ?? "file";
    const name = `${topFolder}/${e.path}${type === "directory" ? "/" : ""}`;
    const data = type === "file" ? Buffer.from(e.content ?? "") : Buffer.alloc(0);
    if (Buffer.byteLength(name) > 100) {
      const pax = paxRecord("path", name);
      parts.push(header("pax_global_header_x", pax.length, "x", 0o644), ...padded(pax));
    }
    const shortName = Buffer.byteLength(name) > 100 ? name.slice(0, 99) : name;
    const mode = e.mode ?? (type === "directory" ? 0o775 : 0o664);
    const typeFlag = type === "directory" ? "5" : type === "symlink" ? "2" : "0";
    parts.push(header(shortName, data.length, typeFlag, mode, e.target ?? ""));
    if (data.length > 0) parts.push(...padded(data));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** The gzip'd archive, as GitHub's codeload serves it. */
export function tarGz(entries: readonly TarEntry[], topFolder?: string): Buffer {
  return gzipSync(tar(entries, topFolder));
}
