import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createHighlighter, type Highlighter } from 'shiki';
import { codeFrameTransformer, describeSnippetSource, highlightedLines, lineNumberStart, parseMeta } from '../../../src/markdown/code-frame.ts';

let shiki: Highlighter;
before(async () => {
  shiki = await createHighlighter({ themes: ['github-light-default', 'github-dark-default'], langs: ['bash', 'console'] });
});

const render = (code: string, lang: string, meta: string, lineNumbers = false) =>
  shiki.codeToHtml(code, {
    lang,
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    defaultColor: 'light-dark()',
    meta: { __raw: meta },
    transformers: [codeFrameTransformer({ repository: { url: 'https://github.com/o/r', branch: 'main' }, lineNumbers })],
  });

describe('fence meta', () => {
  test('key=value pairs in any quoting', () => assert.deepEqual(parseMeta(`title="a b" x='c' n=3`), { title: 'a b', x: 'c', n: '3' }));
  test('highlighted lines from braces and hl_lines', () => {
    assert.deepEqual([...highlightedLines('{1,3-4}', {})], [1, 3, 4]);
    assert.deepEqual([...highlightedLines('', { hl_lines: '2 5-6' })], [2, 5, 6]);
  });
  test('line numbers from linenums or showLineNumbers', () => {
    assert.equal(lineNumberStart('', { linenums: '7' }), 7);
    assert.equal(lineNumberStart('showLineNumbers', {}), 1);
    assert.equal(lineNumberStart('title="x"', { title: 'x' }), null);
  });
  test('snippet sources as caption and link', () => {
    assert.deepEqual(describeSnippetSource('a/b.sh#L3-L8', { url: 'https://g/o/r', branch: 'main' }), { text: 'a/b.sh, lines 3–8', href: 'https://g/o/r/blob/main/a/b.sh#L3-L8' });
  });
});

describe('code frame', () => {
  test('a title makes a figure with a caption bar, copy button and status region', () => {
    const html = render('echo hi', 'bash', 'title="run.sh"');
    assert.match(html, /^<figure class="code-frame"><figcaption class="code-header" data-pagefind-ignore=""><span class="code-title">run\.sh<\/span><button type="button" class="copy-button" data-copy="" hidden aria-label="Copy code to clipboard">Copy<\/button><span class="copy-status visually-hidden" role="status" aria-live="polite"><\/span><\/figcaption><pre/);
  });
  test('line numbers and highlighted lines, every line', () => {
    const html = render('a\nb\nc', 'bash', 'linenums="5" {2}');
    assert.match(html, /class="[^"]*has-line-numbers/);
    assert.deepEqual([...html.matchAll(/<span class="line[^"]*" data-line="(\d+)"/g)].map((m) => m[1]), ['5', '6', '7']);
    assert.deepEqual([...html.matchAll(/<span class="(line[^"]*)"/g)].map((m) => m[1]), ['line', 'line highlighted', 'line']);
  });
  test('line numbers on every block (pymdownx.highlight linenums: true); a fence\'s linenums sets the start', () => {
    const all = render('a\nb', 'bash', '', true);
    assert.match(all, /class="[^"]*has-line-numbers/);
    assert.deepEqual([...all.matchAll(/data-line="(\d+)"/g)].map((m) => m[1]), ['1', '2']);
    assert.deepEqual([...render('a\nb', 'bash', 'linenums="3"', true).matchAll(/data-line="(\d+)"/g)].map((m) => m[1]), ['3', '4']);
    assert.doesNotMatch(render('a\nb', 'bash', ''), /data-line|has-line-numbers/);
  });
  test('session prompts are set apart so they are never copied', () => {
    assert.match(render('$ ls -la\nfile', 'console', ''), /<span class="line"><span class="prompt">\$ <\/span>/);
  });
  test('tokens carry one light-dark() colour, without the unused --shiki-* copies', () => {
    const html = render('echo hi', 'bash', '');
    assert.match(html, /color:light-dark\(/);
    assert.doesNotMatch(html, /--shiki-/);
  });
  test('an included block links to its source', () => {
    assert.match(render('x', 'bash', 'title="t" snippet-source="a.sh#L2-L3"'), /<span class="code-source">included from <a href="https:\/\/github\.com\/o\/r\/blob\/main\/a\.sh#L2-L3">a\.sh, lines 2–3<\/a><\/span>/);
  });
});
