/**
 * The codecs a PEP 263 coding cookie can name, with Python's aliases (from `encodings.aliases`), and how we
 * decode and encode each one losslessly.
 */

export type Codec =
  | { readonly kind: "utf-8"; readonly name: "utf-8" }
  /** One byte per character: `table[byte]` is its code point, -1 where the byte decodes to nothing. */
  | { readonly kind: "single-byte"; readonly name: string; readonly table: Int32Array }
  /**
   * A multi-byte codec whose 7-bit bytes are plain ASCII (Shift-JIS, GBK, Big5, EUC-*): we cannot encode it,
   * but a file that happens to be pure ASCII reads and writes as ASCII.
   */
  | { readonly kind: "ascii-superset"; readonly name: string };

export type CodecLookup =
  | { readonly ok: true; readonly codec: Codec }
  | { readonly ok: false; readonly reason: "unsupported-encoding"; readonly detail: string };

interface CodecEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly build: () => Codec | string;
}

const UTF8: Codec = { kind: "utf-8", name: "utf-8" };

function identityTable(limit: number): Int32Array {
  const t = new Int32Array(256).fill(-1);
  for (let i = 0; i < limit; i++) t[i] = i;
  return t;
}

/** Python's cp1252: latin-1 with 0x80–0x9F replaced (five bytes undefined). Node 20's TextDecoder gets this wrong. */
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

function cp1252Table(): Int32Array {
  const t = identityTable(256);
  CP1252_HIGH.forEach((cp, i) => (t[0x80 + i] = cp));
  return t;
}

/** A table from the platform's TextDecoder, byte by byte; refused unless printable ASCII maps to itself. */
function whatwgTable(name: string, label: string): Codec | string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return `this Node.js has no ${name} decoder`;
  }
  const t = new Int32Array(256);
  for (let b = 0; b < 256; b++) {
    try {
      const s = decoder.decode(Uint8Array.of(b));
      t[b] = s.length === 1 ? s.charCodeAt(0) : -1;
    } catch {
      t[b] = -1;
    }
  }
  for (let b = 0x20; b < 0x7f; b++) if (t[b] !== b) return `the platform's ${name} decoder does not map ASCII to itself`;
  return { kind: "single-byte", name, table: t };
}

const single = (name: string, label: string, aliases: readonly string[]): CodecEntry => ({
  name,
  aliases,
  build: () => whatwgTable(name, label),
});

const superset = (name: string, aliases: readonly string[]): CodecEntry => ({
  name,
  aliases,
  build: () => ({ kind: "ascii-superset", name }),
});

const ENTRIES: readonly CodecEntry[] = [
  { name: "utf-8", aliases: ["utf_8", "cp65001", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4", "utf_8_sig"], build: () => UTF8 },
  {
    name: "iso8859-1",
    aliases: ["latin_1", "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987", "iso_ir_100", "l1", "latin", "latin1"],
    build: () => ({ kind: "single-byte", name: "iso8859-1", table: identityTable(256) }),
  },
  {
    name: "ascii",
    aliases: ["646", "ansi_x3.4_1968", "ansi_x3.4_1986", "ansi_x3_4_1968", "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"],
    build: () => ({ kind: "single-byte", name: "ascii", table: identityTable(128) }),
  },
  { name: "cp1252", aliases: ["1252", "windows_1252"], build: () => ({ kind: "single-byte", name: "cp1252", table: cp1252Table() }) },
  single("cp1250", "windows-1250", ["1250", "windows_1250"]),
  single("cp1251", "windows-1251", ["1251", "windows_1251"]),
  single("cp1253", "windows-1253", ["1253", "windows_1253"]),
  single("cp1254", "windows-1254", ["1254", "windows_1254"]),
  single("cp1255", "windows-1255", ["1255", "windows_1255"]),
  single("cp1256", "windows-1256", ["1256", "windows_1256"]),
  single("cp1257", "windows-1257", ["1257", "windows_1257"]),
  single("cp1258", "windows-1258", ["1258", "windows_1258"]),
  single("cp866", "ibm866", ["866", "csibm866", "ibm866"]),
  single("cp874", "windows-874", []),
  single("koi8-r", "koi8-r", ["cskoi8r"]),
  single("koi8-u", "koi8-u", []),
  single("mac-roman", "macintosh", ["macintosh", "macroman"]),
  single("iso8859-2", "iso-8859-2", ["csisolatin2", "iso_8859_2", "iso_8859_2_1987", "iso_ir_101", "l2", "latin2"]),
  single("iso8859-3", "iso-8859-3", ["csisolatin3", "iso_8859_3", "iso_8859_3_1988", "iso_ir_109", "l3", "latin3"]),
  single("iso8859-4", "iso-8859-4", ["csisolatin4", "iso_8859_4", "iso_8859_4_1988", "iso_ir_110", "l4", "latin4"]),
  single("iso8859-5", "iso-8859-5", ["csisolatincyrillic", "cyrillic", "iso_8859_5", "iso_8859_5_1988", "iso_ir_144"]),
  single("iso8859-6", "iso-8859-6", ["arabic", "asmo_708", "csisolatinarabic", "ecma_114", "iso_8859_6", "iso_8859_6_1987", "iso_ir_127"]),
  single("iso8859-7", "iso-8859-7", ["csisolatingreek", "ecma_118", "elot_928", "greek", "greek8", "iso_8859_7", "iso_8859_7_1987", "iso_ir_126"]),
  single("iso8859-8", "iso-8859-8", ["csisolatinhebrew", "hebrew", "iso_8859_8", "iso_8859_8_1988", "iso_ir_138"]),
  single("iso8859-10", "iso-8859-10", ["csisolatin6", "iso_8859_10", "iso_8859_10_1992", "iso_ir_157", "l6", "latin6"]),
  single("iso8859-13", "iso-8859-13", ["iso_8859_13", "l7", "latin7"]),
  single("iso8859-14", "iso-8859-14", ["iso_8859_14", "iso_8859_14_1998", "iso_celtic", "iso_ir_199", "l8", "latin8"]),
  single("iso8859-15", "iso-8859-15", ["iso_8859_15", "l9", "latin9"]),
  single("iso8859-16", "iso-8859-16", ["iso_8859_16", "iso_8859_16_2001", "iso_ir_226", "l10", "latin10"]),
  superset("shift_jis", ["csshiftjis", "s_jis", "shiftjis", "sjis", "x_mac_japanese"]),
  superset("cp932", ["932", "ms932", "ms_kanji", "mskanji"]),
  superset("euc_jp", ["eucjp", "u_jis", "ujis"]),
  superset("euc_jis_2004", ["euc_jis2004", "eucjis2004", "jisx0213"]),
  superset("euc_jisx0213", ["eucjisx0213"]),
  superset("gbk", ["936", "cp936", "ms936"]),
  superset("gb2312", ["chinese", "csiso58gb231280", "euc_cn", "euccn", "eucgb2312_cn", "gb2312_1980", "gb2312_80", "iso_ir_58", "x_mac_simp_chinese"]),
  superset("gb18030", ["gb18030_2000"]),
  superset("big5", ["big5_tw", "csbig5", "x_mac_trad_chinese"]),
  superset("big5hkscs", ["big5_hkscs", "hkscs"]),
  superset("cp950", ["950", "ms950"]),
  superset("euc_kr", ["euckr", "korean", "ks_c_5601", "ks_c_5601_1987", "ks_x_1001", "ksc5601", "ksx1001", "x_mac_korean"]),
  superset("cp949", ["949", "ms949", "uhc"]),
  superset("johab", ["cp1361", "ms1361"]),
];

/** Spelling-insensitive key: Python folds case and punctuation the same way before looking up an alias. */
const key = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

const BY_KEY = new Map<string, CodecEntry>();
for (const e of ENTRIES) for (const n of [e.name, ...e.aliases]) BY_KEY.set(key(n), e);

const built = new Map<string, Codec | string>();

/** Python's tokenizer folds `utf-8-*` and `latin-1-*` spellings (e.g. Emacs' `utf-8-unix`) before the lookup. */
function tokenizerNormalName(name: string): string {
  const s = name.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (s === "utf-8" || s.startsWith("utf-8-")) return "utf-8";
  for (const l of ["latin-1", "iso-8859-1", "iso-latin-1"]) if (s === l || s.startsWith(l + "-")) return "iso-8859-1";
  return name;
}

/** The codec a coding cookie names, or why we cannot handle it. */
export function lookupCodec(name: string): CodecLookup {
  const entry = BY_KEY.get(key(tokenizerNormalName(name)));
  if (!entry) return { ok: false, reason: "unsupported-encoding", detail: `unknown encoding "${name}"` };
  let codec = built.get(entry.name);
  if (codec === undefined) built.set(entry.name, (codec = entry.build()));
  if (typeof codec === "string") return { ok: false, reason: "unsupported-encoding", detail: codec };
  return { ok: true, codec };
}

export { UTF8 };
