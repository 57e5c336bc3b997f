import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { lookupCodec } from "../../src/io/codecs.js";
import { decodeSource, encodeText, findCodingCookie, firstInvalidUtf8, MAX_FILE_BYTES } from "../../src/io/decode.js";

const latin1 = (s: string): Buffer => Buffer.from(s, "latin1");

function decoded(bytes: Uint8Array): { text: string; codec: string } {
  const r = decodeSource(bytes);
  if (!r.ok) assert.fail(`expected to decode, got ${r.reason}: ${r.detail}`);
  return { text: r.text, codec: r.codec.name };
}

function skipped(bytes: Uint8Array): { reason: string; detail: string } {
  const r = decodeSource(bytes);
  if (r.ok) assert.fail(`expected a skip, decoded as ${r.codec.name}`);
  return { reason: r.reason, detail: r.detail };
}

describe("io/decode", () => {
  it("reads UTF-8 by default and keeps a BOM so it is written back", () => {
    assert.deepEqual(decoded(Buffer.from("x = 'é'\n")), { text: "x = 'é'\n", codec: "utf-8" });
    const bom = Buffer.from("\ufeffimport aioredis\r\n", "utf8");
    const { text } = decoded(bom);
    assert.equal(text, "\ufeffimport aioredis\r\n");
    const utf8 = lookupCodec("utf-8");
    assert.ok(utf8.ok);
    const back = encodeText(text, utf8.codec);
    assert.ok(back.ok && Buffer.from(back.bytes).equals(bom));
  });

  it("finds the coding cookie on line 1, or on line 2 after a comment or blank line", () => {
    assert.equal(findCodingCookie(latin1("# -*- coding: latin-1 -*-\nx = 1\n")), "latin-1");
    assert.equal(findCodingCookie(latin1("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n")), "iso-8859-15");
    assert.equal(findCodingCookie(latin1("\n# coding=cp1252\n")), "cp1252");
    assert.equal(findCodingCookie(latin1("import os\n# coding: latin-1\n")), undefined, "line 1 is code");
    assert.equal(findCodingCookie(latin1("x = 1\ny = 2\n# coding: latin-1\n")), undefined, "line 3 never counts");
    assert.equal(findCodingCookie(Buffer.from("\ufeff# coding: utf-8\n")), "utf-8");
  });

  it("decodes latin-1 as Python does (every byte to the same code point) and round-trips", () => {
    const bytes = latin1("# -*- coding: latin-1 -*-\n# caf\xe9 \x80\x9f\xff\nimport aioredis\n");
    const { text, codec } = decoded(bytes);
    assert.equal(codec, "iso8859-1");
    assert.ok(text.includes("café \u0080\u009f\u00ff"));
  });

  it("folds Python's spellings of codec names", () => {
    for (const [name, codec] of [
      ["latin1", "iso8859-1"], ["ISO-8859-1", "iso8859-1"], ["iso_8859_1", "iso8859-1"], ["l1", "iso8859-1"],
      ["utf8", "utf-8"], ["UTF-8-unix", "utf-8"], ["utf_8_sig", "utf-8"], ["ascii", "ascii"], ["us-ascii", "ascii"],
      ["windows-1252", "cp1252"], ["latin9", "iso8859-15"], ["cp1251", "cp1251"], ["sjis", "shift_jis"],
    ] as const) {
      const r = lookupCodec(name);
      assert.ok(r.ok, name);
      assert.equal(r.codec.name, codec, name);
    }
    assert.deepEqual(lookupCodec("klingon"), { ok: false, reason: "unsupported-encoding", detail: 'unknown encoding "klingon"' });
  });

  it("decodes cp1252 with Python's table: 0x80 is the euro sign, 0x81 is undefined", () => {
    assert.equal(decoded(latin1("# coding: cp1252\nx = '\x80'\n")).text, "# coding: cp1252\nx = '€'\n");
    const s = skipped(latin1("# coding: cp1252\nx = '\x81'\n"));
    assert.deepEqual(s, { reason: "undecodable", detail: "byte 0x81 at line 2 is not defined in cp1252" });
  });

  it("decodes other single-byte codecs through the platform's tables", () => {
    assert.equal(decoded(latin1("# coding: cp1251\nx = '\xc0'\n")).text, "# coding: cp1251\nx = '\u0410'\n");
    assert.equal(decoded(latin1("# coding: latin-9\nx = '\xa4'\n")).text, "# coding: latin-9\nx = '€'\n");
  });

  it("refuses multi-byte codecs unless the file is pure ASCII", () => {
    assert.equal(decoded(latin1("# coding: shift_jis\nimport aioredis\n")).codec, "shift_jis");
    const s = skipped(Buffer.concat([latin1("# coding: shift_jis\n# "), Buffer.from([0x93, 0xfa]), latin1("\n")]));
    assert.equal(s.reason, "unsupported-encoding");
    assert.match(s.detail, /only pure-ASCII shift_jis files are migrated.*line 2/);
    assert.equal(skipped(latin1("# coding: utf-16\n")).reason, "unsupported-encoding");
  });

  it("skips invalid UTF-8 with the line of the first bad byte", () => {
    assert.deepEqual(skipped(latin1("a = 1\nb = '\xe9'\n")), {
      reason: "undecodable",
      detail: "not valid UTF-8: byte 0xE9 at line 2; if the file uses another encoding, declare it with a coding cookie",
    });
  });

  it("skips a BOM that contradicts the cookie", () => {
    assert.equal(skipped(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1("# coding: latin-1\n")])).reason, "undecodable");
  });

  it("skips binary files (a NUL byte in the first 8 KiB) and files over 1 MiB", () => {
    assert.deepEqual(skipped(Buffer.from([0x61, 0x62, 0x00, 0x63])), { reason: "binary", detail: "NUL byte at offset 2" });
    const lateNul = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
    assert.equal(decoded(lateNul).codec, "utf-8");
    assert.deepEqual(skipped(Buffer.alloc(MAX_FILE_BYTES + 1, 0x61)), { reason: "too-large", detail: "1.0 MiB is over the 1.0 MiB limit" });
    assert.equal(decoded(Buffer.alloc(MAX_FILE_BYTES, 0x61)).codec, "utf-8");
  });

  it("says which character a codec cannot encode", () => {
    const latin = lookupCodec("latin-1");
    assert.ok(latin.ok);
    assert.deepEqual(encodeText("# é\nx = '→'\n", latin.codec), { ok: false, detail: 'iso8859-1 cannot encode "→" (U+2192) at line 2' });
    const ascii = lookupCodec("shift_jis");
    assert.ok(ascii.ok);
    assert.equal(encodeText("é", ascii.codec).ok, false);
  });

  it("round-trips any latin-1 or cp1251 file and any valid UTF-8 text byte for byte", () => {
    for (const cookie of ["latin-1", "cp1251"]) {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (body) => {
          const bytes = Buffer.concat([latin1(`# coding: ${cookie}\n`), Buffer.from(body.map((b) => b || 1))]);
          const r = decodeSource(bytes);
          if (!r.ok) return r.reason === "undecodable"; // cp1251 has one undefined byte (0x98)
          const back = encodeText(r.text, r.codec);
          return back.ok && Buffer.from(back.bytes).equals(bytes);
        }),
      );
    }
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const bytes = Buffer.from(s.replace(/\0/g, ""), "utf8");
        const r = decodeSource(bytes);
        return r.ok && Buffer.from((encodeText(r.text, r.codec) as { bytes: Uint8Array }).bytes).equals(bytes);
      }),
    );
  });

  it("locates invalid UTF-8 exactly where a strict decoder fails", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const at = firstInvalidUtf8(bytes);
        if (valid) return at === bytes.length;
        if (at >= bytes.length) return false;
        // Everything before the reported byte decodes, and what starts there does not.
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, at));
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(at));
          return false;
        } catch {
          return true;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
