/**
 * The `encoding` option takes the names pymdownx (that is, Python's codecs.lookup) takes:
 * `latin-1`, `iso8859-1`, `cp1252`, `utf_8`, `utf-8-sig`, `utf-16`, `ascii`, … Each name is
 * normalised and looked up the way Python 3 does it, then decoded exactly as Python decodes
 * that codec (strict: a byte Python cannot decode is an error, not U+FFFD). Python codecs Node
 * cannot reproduce exactly (Shift-JIS, GBK, EBCDIC, …) are refused with a message saying so.
 * One deliberate difference, documented: a leading byte-order mark is always dropped.
 */
import { PYTHON_ALIASES, PYTHON_CODECS, SINGLE_BYTE_CODECS } from './python-codecs.ts';

export class EncodingError extends Error {}

/** A byte sequence the codec cannot decode (Python's UnicodeDecodeError). */
export class DecodeError extends Error {}

export interface Codec {
  /** Python's codec module name (`latin_1`, `utf_8`, …). */
  name: string;
  decode(bytes: Uint8Array): string;
}

/** encodings.normalize_encoding, after codecs.lookup's lower-casing. */
export function normalizeEncodingName(name: string): string {
  const lower = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let out = '';
  let punct = false;
  for (const ch of lower) {
    if (/^[\p{L}\p{N}.]$/u.test(ch)) {
      if (punct && out !== '') out += '_';
      if (ch.charCodeAt(0) < 128) out += ch;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

/** The Python codec module `name` denotes, or null when Python does not know it. */
export function pythonCodecName(name: string): string | null {
  const norm = normalizeEncodingName(name);
  const alias = PYTHON_ALIASES[norm] ?? PYTHON_ALIASES[norm.replace(/\./g, '_')];
  for (const candidate of alias ? [alias, norm] : [norm]) {
    if (candidate && !candidate.includes('.') && PYTHON_CODECS.includes(candidate)) return candidate;
  }
  return null;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function whatwg(label: string): (bytes: Uint8Array) => string {
  // ignoreBOM: the BOM is removed by us, once, for every codec alike.
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  return (bytes) => {
    try {
      return decoder.decode(bytes);
    } catch (error) {
      throw new DecodeError(error instanceof Error ? error.message : String(error));
    }
  };
}

function singleByte(codec: string, spec: { label: string; undefined?: number[]; overrides?: Record<number, number> }): (bytes: Uint8Array) => string {
  let table: Array<string | null> | undefined;
  return (bytes) => {
    if (!table) {
      const base = new TextDecoder(spec.label);
      table = Array.from({ length: 256 }, (_, b) => base.decode(Uint8Array.of(b)));
      for (const b of spec.undefined ?? []) table[b] = null;
      for (const [b, cp] of Object.entries(spec.overrides ?? {})) table[Number(b)] = String.fromCodePoint(cp);
    }
    const parts: string[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const ch = table[bytes[i] as number];
      if (ch === null || ch === undefined) {
        throw new DecodeError(`'${codec}' cannot decode byte 0x${(bytes[i] as number).toString(16).padStart(2, '0')} at offset ${i}`);
      }
      parts.push(ch);
    }
    return parts.join('');
  };
}

function ascii(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) > 0x7f) throw new DecodeError(`'ascii' cannot decode byte 0x${(bytes[i] as number).toString(16)} at offset ${i}`);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Python's utf_16: a BOM picks the byte order, no BOM means little-endian (the build machines' order). */
function utf16(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return whatwg('utf-16be')(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return whatwg('utf-16le')(bytes.subarray(2));
  return whatwg('utf-16le')(bytes);
}

const SPECIAL: Record<string, (bytes: Uint8Array) => string> = {
  utf_8: whatwg('utf-8'),
  utf_8_sig: whatwg('utf-8'),
  utf_16: utf16,
  utf_16_le: whatwg('utf-16le'),
  utf_16_be: whatwg('utf-16be'),
  ascii,
};

/** The codecs Scissors decodes, by Python module name. */
export const SUPPORTED_CODECS: readonly string[] = [...Object.keys(SPECIAL), ...Object.keys(SINGLE_BYTE_CODECS)];

const cache = new Map<string, Codec>();

/** The codec for an `encoding` option value, or an EncodingError naming the option. */
export function lookupCodec(name: string): Codec {
  const known = cache.get(name);
  if (known) return known;
  const module = pythonCodecName(name);
  if (!module) {
    throw new EncodingError(
      `Unknown encoding "${name}" in snippet option "encoding": use a Python codec name, such as utf-8, utf-8-sig, utf-16, latin-1, cp1252 or ascii.`,
    );
  }
  const spec = SINGLE_BYTE_CODECS[module];
  const decodeRaw = SPECIAL[module] ?? (spec ? singleByte(module, spec) : undefined);
  if (!decodeRaw) {
    throw new EncodingError(
      `Snippet option "encoding": "${name}" is Python's ${module} codec, which Scissors cannot decode exactly. Supported: ${SUPPORTED_CODECS.join(', ')} (and their Python aliases).`,
    );
  }
  // utf_16 consumes its BOM as bytes (it says which byte order); the others drop one decoded U+FEFF.
  const codec: Codec = { name: module, decode: module === 'utf_16' ? decodeRaw : (bytes) => withoutBom(decodeRaw(bytes)) };
  cache.set(name, codec);
  return codec;
}

/** Decode `bytes` as the `encoding` option says (strict; the BOM dropped). */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  return lookupCodec(encoding).decode(bytes);
}
