import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expandTabs, explainNearMiss, parseMarkerLine, parseSectionMarker } from '../../../src/snippets/marker.ts';

describe('parseMarkerLine', () => {
  const cases: Array<[string, ReturnType<typeof parseMarkerLine>]> = [
    ['--8<-- "a.md"', { kind: 'inline', indent: '', spec: 'a.md' }],
    ['---8<-- ".github/x.sh"', { kind: 'inline', indent: '', spec: '.github/x.sh' }],
    ['-8<------- \'b c.md\'', { kind: 'inline', indent: '', spec: 'b c.md' }],
    ['    --8<--\t" padded.md "', { kind: 'inline', indent: '    ', spec: 'padded.md' }],
    ['--8<-- "it\'s.md"', { kind: 'inline', indent: '', spec: "it's.md" }],
    ['--8<--', { kind: 'block', indent: '' }],
    ['  -8<-', { kind: 'block', indent: '  ' }],
    [';--8<-- "a.md"', { kind: 'escaped', text: '--8<-- "a.md"' }],
    [';;--8<--', { kind: 'escaped', text: ';--8<--' }],
    ['--8<-- "a.md" ', null],
    ['--8<-- ', null],
    ['--8<-- a.md', null],
    ['--8<-- ""', null],
    ['--8<--"a.md"', null],
    ['text --8<-- "a.md"', null],
    ['8<-- "a.md"', null],
  ];
  for (const [line, expected] of cases) {
    test(JSON.stringify(line), () => assert.deepEqual(parseMarkerLine(line), expected));
  }
});

describe('explainNearMiss', () => {
  test('names whitespace after a block marker', () => assert.match(explainNearMiss('--8<--  ') ?? '', /whitespace/));
  test('names whitespace after an inline marker', () => assert.match(explainNearMiss('--8<-- "a.md" ') ?? '', /whitespace/));
  test('names an unquoted path', () => assert.match(explainNearMiss('--8<-- a.md') ?? '', /quoted/));
  test('is silent for real markers and prose', () => {
    assert.equal(explainNearMiss('--8<-- "a.md"'), null);
    assert.equal(explainNearMiss('Some text'), null);
    assert.equal(explainNearMiss('# --8<-- [start:x]'), null);
  });
});

describe('parseSectionMarker', () => {
  test('finds a marker inside a comment', () => {
    assert.deepEqual(parseSectionMarker('# --8<-- [start:setup]'), { type: 'start', name: 'setup', escaped: false, unescaped: '# --8<-- [start:setup]' });
  });
  test('allows spaces inside the brackets', () => {
    assert.equal(parseSectionMarker('<!-- -8<- [ end : a-b_1 ] -->')?.name, 'a-b_1');
  });
  test('keeps the case of the type, so upper case can be flagged', () => {
    assert.equal(parseSectionMarker('# --8<-- [START:x]')?.type, 'START');
  });
  test('an escaped marker loses its first semicolon', () => {
    assert.deepEqual(parseSectionMarker('# ;;--8<-- [end:x]'), { type: 'end', name: 'x', escaped: true, unescaped: '# ;--8<-- [end:x]' });
  });
});

describe('expandTabs', () => {
  test('expands to tab stops like Python', () => {
    assert.equal(expandTabs('\t', 4), '    ');
    assert.equal(expandTabs('  \t', 4), '    ');
    assert.equal(expandTabs(' \t \t', 4), '        ');
  });
});
