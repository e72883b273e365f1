import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, test } from 'node:test';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions, type SnippetOptions } from '../../../src/snippets/options.ts';
import { FileReader } from '../../../src/snippets/read.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({
  'a.md': 'A1\nA2\n',
  'no-newline.md': 'X',
  'empty.md': '',
  'nested.md': 'before\n--8<-- "a.md"\nafter\n',
  'deep/inner.md': '  --8<-- "a.md"\n',
  'cycle-1.md': 'one\n--8<-- "cycle-2.md"\n',
  'cycle-2.md': 'two\n--8<-- "cycle-1.md"\n',
  'crlf.md': 'c1\r\nc2\r\n',
  'cr.md': 'r1\rr2',
  'bom.md': '\uFEFF# Title\n',
  'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
  'sections.py': [
    'import os',
    '# --8<-- [start:setup]',
    'def setup():',
    '    # --8<-- [start:inner]',
    '    return 1',
    '    # --8<-- [end:inner]',
    '# ;--8<-- [end:shown]',
    '# --8<-- [end:setup]',
    '# --8<-- [start:empty]',
    '# --8<-- [end:empty]',
    '# --8<-- [START:upper]',
    'x = 1',
    '# --8<-- [end:upper]',
    '',
  ].join('\n'),
  'lines.txt': '1\n2\n3\n4\n5\n',
  'indented.py': 'def f():\n    return 1\n',
  'sub/dir/file.md': 'deep',
  'front.md': '---\ntitle: x\n---\nbody\n',
  'escape.md': ';--8<-- "a.md"\n',
});
after(tree.cleanup);

function expander(options: Partial<SnippetOptions> = {}) {
  return new SnippetExpander(resolveSnippetOptions(tree.dir, options));
}
const page = tree.path('page.md');
function expand(text: string, options: Partial<SnippetOptions> = {}) {
  return expander(options).expandDocument(text, page);
}

describe('inline markers', () => {
  test('include a file, keeping the trailing empty element of a newline-terminated file', () => {
    assert.deepEqual(expand('x\n--8<-- "a.md"\ny').lines, ['x', 'A1', 'A2', '', 'y']);
  });
  test('a file without a final newline adds no empty line', () => assert.deepEqual(expand('--8<-- "no-newline.md"').lines, ['X']));
  test('an empty file adds nothing', () => assert.deepEqual(expand('--8<-- "empty.md"').lines, []));
  test('the marker indentation prefixes every line, empty ones included', () => {
    assert.deepEqual(expand('    --8<-- "a.md"').lines, ['    A1', '    A2', '    ']);
  });
  test('tabs in the marker indentation expand to 4 columns', () => {
    assert.deepEqual(expand('\t--8<-- "no-newline.md"').lines, ['    X']);
  });
  test('nested includes accumulate indentation', () => {
    assert.deepEqual(expand('  --8<-- "deep/inner.md"').lines, ['    A1', '    A2', '    ', '  ']);
  });
  test('nested includes are expanded', () => assert.deepEqual(expand('--8<-- "nested.md"').lines, ['before', 'A1', 'A2', '', 'after', '']));
  test('CRLF and CR line ends are normalised', () => {
    assert.deepEqual(expand('--8<-- "crlf.md"').lines, ['c1', 'c2', '']);
    assert.deepEqual(expand('--8<-- "cr.md"').lines, ['r1', 'r2']);
  });
  test('a BOM is dropped so a leading heading stays a heading', () => assert.deepEqual(expand('--8<-- "bom.md"').lines, ['# Title', '']));
  test('front matter in an included file is inserted verbatim', () =>
    assert.deepEqual(expand('--8<-- "front.md"').lines, ['---', 'title: x', '---', 'body', '']));
  test('other encodings by name', () => assert.deepEqual(expand('--8<-- "latin1.md"', { encoding: 'latin1' }).lines, ['café', '']));
  test('escaped markers become text without their first semicolon', () => {
    assert.deepEqual(expand(';--8<-- "a.md"\n;;--8<--').lines, ['--8<-- "a.md"', ';--8<--']);
    assert.deepEqual(expand('--8<-- "escape.md"').lines, ['--8<-- "a.md"', '']);
  });
  test('a commented-out path is skipped', () => assert.deepEqual(expand('--8<-- ";a.md"').lines, []));
});

describe('block markers', () => {
  test('include each listed file; blank lines give one empty line', () => {
    assert.deepEqual(expand('--8<--\nno-newline.md\n\n  no-newline.md\n--8<--').lines, ['X', '', '  X']);
  });
  test('inline markers inside a block are dropped, ; lines skipped', () => {
    assert.deepEqual(expand('--8<--\n--8<-- "a.md"\n;a.md\nno-newline.md\n--8<--').lines, ['X']);
  });
  test('an unclosed block is an error that says so', () => {
    const result = expand('--8<--\nno-newline.md');
    assert.equal(result.diagnostics[0]?.code, 'UNCLOSED_BLOCK');
    assert.equal(result.diagnostics[0]?.location.line, 1);
  });
  test('auto_append adds a block after the page', () => {
    assert.deepEqual(expand('page', { autoAppend: ['no-newline.md', 'no-newline.md'] }).lines, ['page', '', '', 'X', '', 'X', '']);
  });
});

describe('line ranges and sections', () => {
  test('ranges select lines', () => {
    assert.deepEqual(expand('--8<-- "lines.txt:2:3"').lines, ['2', '3']);
    assert.deepEqual(expand('--8<-- "lines.txt:1:2,4:4"').lines, ['1', '2', '4']);
    assert.deepEqual(expand('--8<-- "lines.txt:-2"').lines, ['5', '']);
  });
  test('a bad range bound is an error with the marker location', () => {
    const d = expand('x\n--8<-- "lines.txt:2:-"').diagnostics[0];
    assert.equal(d?.code, 'BAD_RANGE');
    assert.deepEqual([d?.location.line, d?.location.column], [2, 1]);
  });
  test('a section without its markers, nested markers dropped, escaped ones kept', () => {
    assert.deepEqual(expand('--8<-- "sections.py:setup"').lines, ['def setup():', '    return 1', '# --8<-- [end:shown]']);
  });
  test('dedent_subsections dedents the extract', () => {
    assert.deepEqual(expand('--8<-- "sections.py:inner"', { dedentSubsections: true }).lines, ['return 1']);
    assert.deepEqual(expand('  --8<-- "indented.py:2:2"', { dedentSubsections: true }).lines, ['  return 1']);
  });
  test('section markers are stripped when a whole file is included', () => {
    const lines = expand('--8<-- "sections.py"').lines;
    assert.ok(!lines.some((l) => l.includes('[start:') || l.includes('[end:setup]')));
    assert.ok(lines.includes('# --8<-- [end:shown]'));
  });
  test('a missing section is an error', () => assert.equal(expand('--8<-- "sections.py:nope"').diagnostics[0]?.code, 'SECTION_NOT_FOUND'));
  test('an empty section is a warning, even with checkPaths (pymdownx includes nothing, legally)', () => {
    const result = expand('a\n--8<-- "sections.py:empty"\nb');
    assert.deepEqual(result.lines, ['a', 'b']);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity]), [['SECTION_EMPTY', 'warning']]);
  });
  test('an upper-case START is flagged instead of silently giving nothing', () => {
    const [first, second] = expand('--8<-- "sections.py:upper"').diagnostics;
    assert.equal(first?.code, 'BAD_SECTION_MARKER');
    assert.match(first?.message ?? '', /lower case/);
    // The section was never started: with checkPaths that is pymdownx's missing-section error.
    assert.deepEqual([second?.code, second?.severity], ['SECTION_NOT_FOUND', 'error']);
  });
  test('without checkPaths an upper-case START is only warnings, and nothing is included', () => {
    const result = expand('a\n--8<-- "sections.py:upper"\nb', { checkPaths: false });
    assert.deepEqual(result.lines, ['a', 'b']);
    assert.deepEqual(result.diagnostics.map((d) => d.severity), ['warning', 'warning']);
  });
  test('without checkPaths a missing section and a URL with URL includes off are warnings, and nothing is included', () => {
    const result = expand('a\n--8<-- "sections.py:nope"\n--8<-- "https://example.com/x.md"\nb', { checkPaths: false });
    assert.deepEqual(result.lines, ['a', 'b']);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity]), [['SECTION_NOT_FOUND', 'warning'], ['URL_DISABLED', 'warning']]);
  });
});

describe('errors', () => {
  test('a missing file: code, location, chain and the paths tried', () => {
    const result = expand('one\n  --8<-- "nope.md"');
    const d = result.diagnostics[0];
    assert.equal(d?.code, 'SNIPPET_NOT_FOUND');
    assert.equal(d?.severity, 'error');
    assert.deepEqual(d?.location, { file: page, line: 2, column: 3 });
    assert.deepEqual(d?.tried, [tree.path('nope.md')]);
    assert.ok(result.missing.has(tree.path('nope.md')), 'a missing file is still a dependency, to watch for it');
  });
  test('a missing file inside an included file names the whole chain', () => {
    const nested = tempTree({ 'outer.md': 'x\n--8<-- "gone.md"\n' });
    try {
      const result = new SnippetExpander(resolveSnippetOptions(nested.dir)).expandDocument('--8<-- "outer.md"', nested.path('page.md'));
      const d = result.diagnostics[0];
      assert.deepEqual(d?.chain.map((c) => [c.file, c.line]), [
        [nested.path('page.md'), 1],
        [nested.path('outer.md'), 2],
      ]);
    } finally {
      nested.cleanup();
    }
  });
  test('with checkPaths off a missing file is a warning and nothing is included', () => {
    const result = expand('--8<-- "nope.md"', { checkPaths: false });
    assert.deepEqual(result.lines, []);
    assert.equal(result.diagnostics[0]?.severity, 'warning');
  });
  test('a cycle is an error naming the chain', () => {
    const d = expand('--8<-- "cycle-1.md"').diagnostics[0];
    assert.equal(d?.code, 'INCLUDE_CYCLE');
    assert.match(d?.message ?? '', /cycle-1\.md → cycle-2\.md → cycle-1\.md/);
  });
  test('a directory is an error, not a crash', () => assert.equal(expand('--8<-- "sub"').diagnostics[0]?.code, 'NOT_A_FILE'));
  test('undecodable bytes are an error, not replacement characters', () =>
    assert.equal(expand('--8<-- "latin1.md"').diagnostics[0]?.code, 'DECODE_FAILED'));
  test('paths outside the base are refused', () => assert.equal(expand('--8<-- "../x.md"').diagnostics[0]?.code, 'OUTSIDE_BASE_PATH'));
  test('URLs are off by default', () => assert.equal(expand('--8<-- "https://example.com/a.md"').diagnostics[0]?.code, 'URL_DISABLED'));
  test('a marker with trailing whitespace is kept as text, with a warning', () => {
    const result = expand('--8<-- "a.md" ');
    assert.deepEqual(result.lines, ['--8<-- "a.md" ']);
    assert.equal(result.diagnostics[0]?.code, 'BAD_MARKER');
  });
});

describe('dependencies and reading', () => {
  test('every included file is a dependency, nested ones too', () => {
    const deps = expand('--8<-- "nested.md"').dependencies;
    assert.deepEqual([...deps].sort(), [tree.path('a.md'), tree.path('nested.md')].sort());
  });
  test('a file reached through a symlinked folder: its real path and the path it was looked up by', () => {
    fs.symlinkSync(tree.path('sub'), tree.path('sub-link'));
    try {
      const deps = expand('--8<-- "sub-link/dir/file.md"').dependencies;
      assert.deepEqual([...deps].sort(), [tree.path('sub-link/dir/file.md'), tree.path('sub/dir/file.md')].sort());
    } finally {
      fs.rmSync(tree.path('sub-link'));
    }
  });
  test('the files read are listed once each, in the order first read (an edited file read again is not listed again)', () => {
    const reader = new FileReader();
    const e = new SnippetExpander(resolveSnippetOptions(tree.dir), reader);
    e.expandDocument('--8<-- "nested.md"', page);
    fs.writeFileSync(tree.path('nested.md'), 'before\n--8<-- "a.md"\nafter, edited\n');
    try {
      e.expandDocument('--8<-- "lines.txt"\n--8<-- "nested.md"', page);
      assert.equal(reader.reads, 4);
      assert.deepEqual(reader.filesRead, [tree.path('nested.md'), tree.path('a.md'), tree.path('lines.txt')]);
    } finally {
      fs.writeFileSync(tree.path('nested.md'), 'before\n--8<-- "a.md"\nafter\n');
    }
  });
  test('each file is read once while unchanged, and again after an edit', () => {
    const reader = new FileReader();
    const e = new SnippetExpander(resolveSnippetOptions(tree.dir), reader);
    e.expandDocument('--8<-- "a.md"\n--8<-- "a.md"', page);
    e.expandDocument('--8<-- "a.md"', page);
    assert.equal(reader.reads, 1);
    fs.writeFileSync(tree.path('a.md'), 'A1\nA2 changed\n');
    try {
      assert.deepEqual(e.expandDocument('--8<-- "a.md"', page).lines, ['A1', 'A2 changed', '']);
      assert.equal(reader.reads, 2);
    } finally {
      fs.writeFileSync(tree.path('a.md'), 'A1\nA2\n');
    }
  });
  test('origins map every output line to its source file and line', () => {
    const result = expand('x\n--8<-- "nested.md"');
    assert.deepEqual(result.origins.map((o) => [o.file.replace(tree.dir, ''), o.line]), [
      ['/page.md', 1],
      ['/nested.md', 1],
      ['/a.md', 1],
      ['/a.md', 2],
      ['/a.md', 3],
      ['/nested.md', 3],
      ['/nested.md', 4],
    ]);
  });
});

describe('dropTrailingEmptyLine (our MDX pages)', () => {
  test('an included file adds no blank line after itself', () => {
    const e = expander();
    assert.deepEqual(e.expandLines(['  --8<-- "nested.md"'], { file: page, dropTrailingEmptyLine: true }).lines, ['  before', '  A1', '  A2', '  after']);
  });
});

/** Counterexamples the engine fuzzer (engine.fuzz.test.ts) found, kept as plain regression tests. */
describe('fuzz-found differences from pymdownx', () => {
  test('a section asked of an empty file includes nothing, with a warning even under checkPaths (pymdownx looks only in non-empty files)', () => {
    const result = expand('-8<-\nempty.md:s1\n--8<--\n');
    assert.deepEqual(result.lines, ['']);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity]), [['SECTION_NOT_FOUND', 'warning']]);
  });
  test('block and inline paths are stripped as Python strips them: a U+0085 before the path is whitespace', () => {
    const result = expand('-8<-\n\u0085a.md:1:1\n--8<--\n--8<-- "a.md:2:2\u0085"');
    assert.deepEqual(result.lines, ['A1', 'A2']);
    assert.deepEqual(result.diagnostics, []);
  });
  test('an absolute path that lands inside the base path is included (pymdownx accepts it)', () => {
    const result = expand(`--8<-- "${tree.path('a.md')}:1:1"`);
    assert.deepEqual(result.lines, ['A1']);
    assert.deepEqual(result.diagnostics, []);
  });
  test('"file:" with dedentSubsections is dedented: a bare colon is a range', () => {
    assert.deepEqual(expand('--8<-- "indented.py:"', { dedentSubsections: true }).lines, ['def f():', '    return 1', '']);
    assert.deepEqual(expand('--8<-- "deep/inner.md:"', { dedentSubsections: true }).lines, ['A1', 'A2', '', '']);
  });
  test('an autoAppend diagnostic points at a line the page has, and says it comes from autoAppend', () => {
    const result = expand('only line', { autoAppend: ['nope.md'], checkPaths: false });
    const [d] = result.diagnostics;
    assert.deepEqual([d?.location.file, d?.location.line, d?.location.column], [page, 1, 1]);
    assert.match(d?.message ?? '', /autoAppend/);
    assert.ok(result.origins.every((o) => o.file !== page || o.line === 1));
  });
});

describe('the page on the include stack', () => {
  test('a page reached through a symlinked folder that includes itself is a cycle, as any other page', () => {
    const t = tempTree({ 'real/page.md': 'top\n--8<-- "page.md"\n' });
    try {
      fs.symlinkSync(t.path('real'), t.path('via'));
      const expander = new SnippetExpander(resolveSnippetOptions(t.path('real'), { checkPaths: false }));
      const result = expander.expandDocument('top\n--8<-- "page.md"\n', t.path('via/page.md'));
      assert.deepEqual(result.lines, ['top', '']);
      assert.deepEqual(result.diagnostics.map((d) => d.code), ['INCLUDE_CYCLE']);
    } finally {
      t.cleanup();
    }
  });
});
