/**
 * The `encoding` option against Python itself: tests/fixtures/encodings/python-codecs.json was
 * written by python-codecs.py (Python 3.11's codecs.lookup, encodings.aliases and each
 * single-byte codec's decoding of every byte).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { decodeBytes, DecodeError, EncodingError, lookupCodec, pythonCodecName, SUPPORTED_CODECS } from '../../../src/snippets/encoding.ts';
import { resolveSnippetOptions, SnippetOptionsError } from '../../../src/snippets/options.ts';

const truth = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/encodings/python-codecs.json'), 'utf8')) as {
  codecs: string[];
  names: Record<string, string>;
  aliases: Record<string, string>;
  tables: Record<string, Array<number | null>>;
  lookups: Record<string, string | null>;
};

describe('encoding names, as Python looks them up', () => {
  test('every spelling resolves to the codec Python resolves it to (or to none)', () => {
    for (const [spelling, expected] of Object.entries(truth.lookups)) {
      const module = pythonCodecName(spelling);
      assert.equal(module === null ? null : truth.names[module], expected, JSON.stringify(spelling));
    }
  });
  test('the names of the issue are accepted', () => {
    for (const name of ['latin-1', 'latin_1', 'iso-8859-1', 'iso8859-1', 'cp1252', 'windows-1252', 'utf_8', 'utf-8-sig', 'utf-16', 'ascii']) {
      assert.doesNotThrow(() => resolveSnippetOptions('/', { encoding: name }), name);
    }
  });
  test('every Python alias of a supported codec is accepted and decodes as that codec', () => {
    let count = 0;
    for (const [alias, module] of Object.entries(truth.aliases)) {
      if (!SUPPORTED_CODECS.includes(module) || alias !== alias.toLowerCase()) continue;
      assert.equal(lookupCodec(alias).name, module, alias);
      count++;
    }
    assert.ok(count > 100, `only ${count} aliases`);
  });
  test('a name Python does not know is an error naming the option', () => {
    assert.throws(() => resolveSnippetOptions('/', { encoding: 'klingon' }), (e: Error) => e instanceof SnippetOptionsError && /Unknown encoding "klingon" in snippet option "encoding"/.test(e.message));
  });
  test('a Python codec Node cannot decode exactly is refused, naming the option and the codec', () => {
    for (const name of ['shift_jis', 'sjis', 'gbk', 'cp037', 'utf-32', 'base64']) {
      assert.throws(() => lookupCodec(name), (e: Error) => e instanceof EncodingError && /option "encoding"/.test(e.message) && /cannot decode exactly/.test(e.message), name);
    }
  });
});

describe('decoding, byte for byte as Python', () => {
  for (const [codec, table] of Object.entries(truth.tables)) {
    test(codec, () => {
      for (let b = 0; b < 256; b++) {
        const expected = table[b];
        if (expected === null || expected === undefined) {
          assert.throws(() => decodeBytes(Uint8Array.of(0x41, b), codec), DecodeError, `${codec} byte ${b}`);
        } else {
          // U+FEFF is not in any single-byte table, so the BOM rule does not interfere.
          assert.equal(decodeBytes(Uint8Array.of(0x41, b), codec), `A${String.fromCodePoint(expected)}`, `${codec} byte 0x${b.toString(16)}`);
        }
      }
    });
  }
  test('latin-1 is ISO 8859-1 (0x80 is U+0080), not WHATWG\'s windows-1252', () => {
    assert.equal(decodeBytes(Uint8Array.of(0x80, 0xe9), 'latin-1'), '\u0080é');
  });
  test('utf-16: the BOM chooses the byte order and is consumed; none means little-endian', () => {
    assert.equal(decodeBytes(Uint8Array.of(0xfe, 0xff, 0x00, 0x41), 'utf-16'), 'A');
    assert.equal(decodeBytes(Uint8Array.of(0xff, 0xfe, 0x41, 0x00), 'utf-16'), 'A');
    assert.equal(decodeBytes(Uint8Array.of(0x41, 0x00), 'utf-16'), 'A');
    assert.equal(decodeBytes(Uint8Array.of(0xff, 0xfe, 0xff, 0xfe, 0x41, 0x00), 'utf-16'), '\ufeffA', 'only one BOM is consumed');
    assert.throws(() => decodeBytes(Uint8Array.of(0x41), 'utf-16'), DecodeError, 'odd length');
    assert.throws(() => decodeBytes(Uint8Array.of(0x00, 0xd8), 'utf-16'), DecodeError, 'lone surrogate');
  });
  test('utf-16-le / utf-16-be', () => {
    assert.equal(decodeBytes(Uint8Array.of(0x41, 0x00), 'utf-16-le'), 'A');
    assert.equal(decodeBytes(Uint8Array.of(0x00, 0x41), 'utf_16_be'), 'A');
  });
  test('utf-8 and utf-8-sig drop one leading BOM (the documented difference for utf-8); bad bytes are an error', () => {
    assert.equal(decodeBytes(Buffer.from('\ufeff\ufeffa'), 'utf-8-sig'), '\ufeffa');
    assert.equal(decodeBytes(Buffer.from('\ufeffa'), 'utf_8'), 'a');
    assert.throws(() => decodeBytes(Uint8Array.of(0xc3), 'utf-8'), DecodeError);
    assert.throws(() => decodeBytes(Uint8Array.of(0xed, 0xa0, 0x80), 'utf8'), DecodeError, 'an encoded surrogate');
  });
  test('ascii is strict 7-bit', () => {
    assert.equal(decodeBytes(Uint8Array.of(0x41, 0x7f), 'us-ascii'), 'A\u007f');
    assert.throws(() => decodeBytes(Uint8Array.of(0x80), 'ascii'), DecodeError);
  });
});
