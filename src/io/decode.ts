/**
 * Bytes → text → bytes without losing anything. The codec comes from a PEP 263 coding cookie in the first two
 * lines (default UTF-8, with or without BOM); a file is accepted only when encoding its text gives back exactly
 * its bytes, so writing an unchanged region can never alter it.
 */
import type { SkipReason } from "../migrate/findings.js";
import { lookupCodec, UTF8, type Codec } from "./codecs.js";

export const MAX_FILE_BYTES = 1024 * 1024;
/** How far we look for a NUL byte to call a file binary (git looks at the first 8000 bytes). */
export const BINARY_SNIFF_BYTES = 8192;

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly codec: Codec }
  | { readonly ok: false; readonly reason: SkipReason; readonly detail: string };

export type EncodeResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly detail: string };

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT = /^[ \t\f]*(?:[#\r\n]|$)/;

/** The encoding named by a coding cookie on line 1, or on line 2 when line 1 is blank or a comment (as Python reads it). */
export function findCodingCookie(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const withoutBom = head.startsWith("\xef\xbb\xbf") ? head.slice(3) : head;
  const [first = "", second = ""] = withoutBom.split("\n", 2);
  const m = COOKIE.exec(first);
  if (m) return m[1];
  if (!BLANK_OR_COMMENT.test(first)) return undefined;
  return COOKIE.exec(second)?.[1];
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

const hex = (b: number): string => "0x" + b.toString(16).toUpperCase().padStart(2, "0");

export function decodeSource(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, reason: "too-large", detail: `${formatSize(bytes.length)} is over the ${formatSize(MAX_FILE_BYTES)} limit` };
  }
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) return { ok: false, reason: "binary", detail: `NUL byte at offset ${nul}` };

  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const cookie = findCodingCookie(bytes);
  let codec: Codec = UTF8;
  if (cookie !== undefined) {
    const found = lookupCodec(cookie);
    if (!found.ok) return found;
    codec = found.codec;
  }
  if (bom && codec.kind !== "utf-8") {
    return { ok: false, reason: "undecodable", detail: `a UTF-8 byte-order mark contradicts the coding cookie "${cookie}"` };
  }

  const decoded = decodeWith(bytes, codec, cookie !== undefined);
  if (!decoded.ok) return decoded;
  const back = encodeText(decoded.text, codec);
  if (!back.ok || !sameBytes(back.bytes, bytes)) {
    return { ok: false, reason: "undecodable", detail: `${codec.name} does not give back the same bytes when re-encoded` };
  }
  return decoded;
}

function decodeWith(bytes: Uint8Array, codec: Codec, declared: boolean): DecodeResult {
  switch (codec.kind) {
    case "utf-8": {
      try {
        // ignoreBOM keeps a BOM as U+FEFF in the text, so it is written back.
        return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), codec };
      } catch {
        const at = firstInvalidUtf8(bytes);
        const where = at < bytes.length ? `byte ${hex(bytes[at]!)} at line ${lineOf(bytes, at)}` : "truncated sequence at the end";
        const hint = declared ? "" : "; if the file uses another encoding, declare it with a coding cookie";
        return { ok: false, reason: "undecodable", detail: `not valid UTF-8: ${where}${hint}` };
      }
    }
    case "single-byte": {
      const parts: string[] = [];
      const CHUNK = 8192;
      for (let start = 0; start < bytes.length; start += CHUNK) {
        const codes: number[] = [];
        for (let i = start; i < Math.min(bytes.length, start + CHUNK); i++) {
          const cp = codec.table[bytes[i]!]!;
          if (cp < 0) {
            return { ok: false, reason: "undecodable", detail: `byte ${hex(bytes[i]!)} at line ${lineOf(bytes, i)} is not defined in ${codec.name}` };
          }
          codes.push(cp);
        }
        parts.push(String.fromCharCode(...codes));
      }
      return { ok: true, text: parts.join(""), codec };
    }
    case "ascii-superset": {
      const high = bytes.findIndex((b) => b >= 0x80);
      if (high !== -1) {
        return {
          ok: false,
          reason: "unsupported-encoding",
          detail: `${codec.name} cannot be written back (only pure-ASCII ${codec.name} files are migrated); first non-ASCII byte at line ${lineOf(bytes, high)}`,
        };
      }
      return { ok: true, text: Buffer.from(bytes).toString("latin1"), codec };
    }
  }
}

const reverseTables = new WeakMap<Int32Array, Map<number, number>>();

function reverseTable(table: Int32Array): Map<number, number> {
  let rev = reverseTables.get(table);
  if (!rev) {
    rev = new Map();
    for (let b = 255; b >= 0; b--) if (table[b]! >= 0) rev.set(table[b]!, b);
    reverseTables.set(table, rev);
  }
  return rev;
}

/** The text in `codec`, or which character it cannot hold (e.g. a non-Latin-1 character added to a latin-1 file). */
export function encodeText(text: string, codec: Codec): EncodeResult {
  if (codec.kind === "utf-8") return { ok: true, bytes: Buffer.from(text, "utf8") };
  const rev = codec.kind === "single-byte" ? reverseTable(codec.table) : undefined;
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = rev ? rev.get(c) : c < 0x80 ? c : undefined;
    if (b === undefined) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      const line = text.slice(0, i).split("\n").length;
      const u = "U+" + text.codePointAt(i)!.toString(16).toUpperCase().padStart(4, "0");
      return { ok: false, detail: `${codec.name} cannot encode "${ch}" (${u}) at line ${line}` };
    }
    out[i] = b;
  }
  return { ok: true, bytes: out };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // [length, lowest and highest allowed second byte]: excludes overlongs, surrogates and > U+10FFFF.
    const shape: [number, number, number] | undefined =
      b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf]
      : b === 0xed ? [3, 0x80, 0x9f]
      : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
      : b === 0xf0 ? [4, 0x90, 0xbf]
      : b === 0xf4 ? [4, 0x80, 0x8f]
      : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : undefined;
    if (!shape) return i;
    const [len, lo, hi] = shape;
    if (i + 1 >= bytes.length || bytes[i + 1]! < lo || bytes[i + 1]! > hi) return i;
    for (let k = 2; k < len; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}
