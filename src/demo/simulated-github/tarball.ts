/**
 * The archives `GET /repos/{o}/{r}/tarball/{ref}` leads to, written the way `git archive` writes them for GitHub's
 * codeload: a gzip'd ustar archive whose first entry is a pax global header carrying the commit SHA
 * (`comment=<sha>`), then every directory and file under one top folder `owner-repo-<sha7>/`; files 0664 (0775
 * for `100755`), symlinks as type 2, names over 100 bytes in a pax `path=` extended header.
 */
import { gzipSync } from "node:zlib";
import type { FileMode } from "./git.js";

const BLOCK = 512;

export interface ArchiveEntry {
  readonly path: string;
  readonly mode: FileMode;
  readonly bytes: Buffer;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, type: string, mode: number, mtime: number, linkName = ""): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, "utf8");
  h.write(octal(mode, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii");
  h.write(octal(0, 8), 116, "ascii");
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(mtime, 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write(type, 156, "ascii");
  h.write(linkName, 157, 100, "utf8");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  h.write("root", 265, "ascii");
  h.write("root", 297, "ascii");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return h;
}

function padded(data: Buffer): Buffer[] {
  const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
  return pad === 0 ? [data] : [data, Buffer.alloc(pad)];
}

/** `"<len> <key>=<value>\n"`, where len counts the whole record, its own digits included. */
function paxRecord(key: string, value: string): Buffer {
  const rest = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(rest) + 1;
  while (String(len).length + Buffer.byteLength(rest) !== len) len++;
  return Buffer.from(`${len}${rest}`, "utf8");
}

function entry(name: string, data: Buffer, type: string, mode: number, mtime: number, linkName = ""): Buffer[] {
  const parts: Buffer[] = [];
  if (Buffer.byteLength(name) > 100) {
    const pax = paxRecord("path", name);
    parts.push(header("PaxHeader", pax.length, "x", 0o644, mtime), ...padded(pax));
  }
  let short = name;
  while (Buffer.byteLength(short) > 100) short = short.slice(0, -1);
  parts.push(header(short, data.length, type, mode, mtime, linkName));
  if (data.length > 0) parts.push(...padded(data));
  return parts;
}

/** The uncompressed archive of `files` (in git's order) at `commitSha`, under `topFolder/`. */
export function archive(params: { topFolder: string; commitSha: string; mtime: number; files: readonly ArchiveEntry[] }): Buffer {
  const { topFolder, mtime } = params;
  const comment = paxRecord("comment", params.commitSha);
  const parts: Buffer[] = [header("pax_global_header", comment.length, "g", 0o666, mtime), ...padded(comment)];
  parts.push(...entry(`${topFolder}/`, Buffer.alloc(0), "5", 0o775, mtime));
  const dirs = new Set<string>();
  for (const f of params.files) {
    const segments = f.path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join("/");
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      parts.push(...entry(`${topFolder}/${dir}/`, Buffer.alloc(0), "5", 0o775, mtime));
    }
    const name = `${topFolder}/${f.path}`;
    if (f.mode === "120000") parts.push(...entry(name, Buffer.alloc(0), "2", 0o777, mtime, f.bytes.toString("utf8")));
    else parts.push(...entry(name, f.bytes, "0", f.mode === "100755" ? 0o775 : 0o664, mtime));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

export function archiveGz(params: Parameters<typeof archive>[0]): Buffer {
  return gzipSync(archive(params));
}
