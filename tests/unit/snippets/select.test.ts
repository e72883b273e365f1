import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dedent, parsePathSpec, selectRanges } from '../../../src/snippets/select.ts';

describe('parsePathSpec', () => {
  test('a plain file', () => assert.deepEqual(parsePathSpec('a.md'), { file: 'a.md', selection: { kind: 'whole' }, suffix: '' }));
  test('a bare colon is a range over the whole file (so dedent_subsections applies to it, as upstream)', () =>
    assert.deepEqual(parsePathSpec('a.md:').selection, { kind: 'ranges', ranges: [{ start: undefined, end: undefined }] }));
  test('the path is stripped like Python\'s str.strip: U+0085 and U+001F go, U+FEFF stays', () => {
    assert.equal(parsePathSpec('\u0085a.md\u001f:2').file, 'a.md');
    assert.equal(parsePathSpec('\ufeffa.md').file, '\ufeffa.md');
  });
  test('start and end', () =>
    assert.deepEqual(parsePathSpec('a.md:3:8').selection, { kind: 'ranges', ranges: [{ start: '3', end: '8' }] }));
  test('only an end', () => assert.deepEqual(parsePathSpec('a.md::3').selection, { kind: 'ranges', ranges: [{ start: undefined, end: '3' }] }));
  test('several ranges and negative indexes', () =>
    assert.deepEqual(parsePathSpec('a.md:1:3,5:6,-2').selection, {
      kind: 'ranges',
      ranges: [
        { start: '1', end: '3' },
        { start: '5', end: '6' },
        { start: '-2', end: undefined },
      ],
    }));
  test('a section', () => assert.deepEqual(parsePathSpec('a.py:setup-env').selection, { kind: 'section', name: 'setup-env' }));
  test('things that are not a valid suffix stay in the file name', () => {
    for (const spec of ['f:1a', 'f: 2', 'f:1:2,']) assert.equal(parsePathSpec(spec).file, spec);
  });
  test('three numbers: the lazy name takes the first one (as the upstream pattern does)', () =>
    assert.deepEqual(parsePathSpec('f:2:3:4'), { file: 'f:2', selection: { kind: 'ranges', ranges: [{ start: '3', end: '4' }] }, suffix: ':3:4' }));
  test('a Windows drive letter is not a suffix', () => assert.equal(parsePathSpec('C:/x.md').file, 'C:/x.md'));
  test('a lone dash passes the pattern (and fails later as a bad range)', () =>
    assert.deepEqual(parsePathSpec('f:2:-').selection, { kind: 'ranges', ranges: [{ start: '2', end: '-' }] }));
});

describe('selectRanges', () => {
  // "a\nb\nc\nd\n" → five elements, the last being the trailing "".
  const lines = ['a', 'b', 'c', 'd', ''];
  const pick = (start?: string, end?: string) => selectRanges(lines, [{ start, end }]);
  test('S:E inclusive, 1-based', () => assert.deepEqual(pick('2', '3'), ['b', 'c']));
  test('S to the end', () => assert.deepEqual(pick('3'), ['c', 'd', '']));
  test(':E from the start', () => assert.deepEqual(pick(undefined, '2'), ['a', 'b']));
  test('0 as a start behaves like 1', () => assert.deepEqual(pick('0', '1'), ['a']));
  test('an end of 0 selects nothing', () => assert.deepEqual(pick('1', '0'), []));
  test('-1 is the trailing empty line', () => assert.deepEqual(pick('-1'), ['']));
  test('negative end counts from the end, inclusive', () => assert.deepEqual(pick('1', '-2'), ['a', 'b', 'c', 'd']));
  test('out of range clips', () => assert.deepEqual(pick('4', '99'), ['d', '']));
  test('a start after the end gives nothing', () => assert.deepEqual(pick('4', '2'), []));
  test('selections concatenate, repeats allowed', () =>
    assert.deepEqual(selectRanges(lines, [{ start: '1', end: '1' }, { start: '1', end: '2' }]), ['a', 'a', 'b']));
  test('a bound that is not a number throws', () => assert.throws(() => pick('2', '-'), /not a line number/));
});

describe('dedent', () => {
  test('removes the common indentation and empties blank lines', () =>
    assert.deepEqual(dedent(['    a', '      b', '   ', '    c']), ['a', '  b', '', 'c']));
  test('tabs and spaces are not the same indentation', () => assert.deepEqual(dedent(['\ta', '    b']), ['\ta', '    b']));
  test('only spaces and tabs are indentation: a line of U+00A0 is text and sets the margin to nothing (textwrap.dedent)', () =>
    assert.deepEqual(dedent(['  a', '\u00a0', '  b']), ['  a', '\u00a0', '  b']));
});
