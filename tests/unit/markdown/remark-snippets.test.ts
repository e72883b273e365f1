import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { directive } from 'micromark-extension-directive';
import { gfm } from 'micromark-extension-gfm';
import { dependenciesOf } from '../../../src/integration/dependency-registry.ts';
import { parseIncludedMarkdown, SnippetBuildError } from '../../../src/markdown/remark-snippets.ts';
import { tempTree } from '../../helpers/tmp.ts';
import { compileMdx, renderMarkdown } from './pipeline.ts';

const tree = tempTree({
  'POLICY.md': '## Reporting\n\nWrite to us. {not an expression} <b>bold</b>\n\n--8<-- "parts/nested.md"\n',
  'parts/nested.md': '### Nested part\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
  'script.sh': '#!/usr/bin/env bash\nif true; then\n  echo "hi"\nfi\n',
  'lines.txt': 'one\ntwo\nthree\n',
});
after(tree.cleanup);
const page = tree.path('content/page.mdx');

describe('remark-snippets in Markdown', () => {
  test('a marker alone splices the file as Markdown, nested includes too', async () => {
    const html = await renderMarkdown(tree.dir, page, '# Page\n\n--8<-- "POLICY.md"\n\nAfter.\n');
    assert.match(html, /<h2 id="reporting">Reporting/);
    assert.match(html, /<h3 id="nested-part">Nested part/);
    assert.match(html, /<table>/);
    assert.match(html, /\{not an expression\}/);
    assert.match(html, /<b>bold<\/b>/);
    assert.ok(html.indexOf('Reporting') < html.indexOf('After.'));
  });
  test('marker lines inside a fence are replaced by the file, keeping the indentation', async () => {
    const html = await renderMarkdown(tree.dir, page, '```bash\nmain() {\n  --8<-- "script.sh"\n}\n```\n');
    assert.match(html, /main\(\) \{\n {2}#!\/usr\/bin\/env bash\n {2}if true; then\n {4}echo "hi"\n {2}fi\n\}/);
  });
  test('line ranges work inside a fence', async () => {
    const html = await renderMarkdown(tree.dir, page, '```\n--8<-- "lines.txt:2:3"\n```\n');
    assert.match(html, /<code>two\nthree\n?<\/code>/);
  });
  test('dependencies are recorded for the page', async () => {
    await renderMarkdown(tree.dir, page, '--8<-- "POLICY.md"\n');
    assert.deepEqual([...dependenciesOf(page)].sort(), [tree.path('POLICY.md'), tree.path('parts/nested.md')].sort());
  });
  test('a missing file fails with the page file:line:col and the path tried', async () => {
    await assert.rejects(renderMarkdown(tree.dir, page, 'Intro\n\n  --8<-- "missing.md"\n'), (error: unknown) => {
      assert.ok(error instanceof SnippetBuildError);
      assert.match(error.message, /content\/page\.mdx:3:3 error SNIPPET_NOT_FOUND/);
      assert.match(error.message, /missing\.md/);
      assert.deepEqual(error.loc, { file: page, line: 3, column: 3 });
      return true;
    });
  });
  test('a missing file still becomes a dependency, so creating it recovers', async () => {
    await assert.rejects(renderMarkdown(tree.dir, page, '--8<-- "later.md"\n'));
    assert.ok(dependenciesOf(page).has(tree.path('later.md')));
  });
  test('an escaped marker is shown as text', async () => {
    const html = await renderMarkdown(tree.dir, page, ';--8<-- "POLICY.md"\n');
    assert.match(html, /<p>--8&#x3C;-- "POLICY.md"<\/p>/);
  });
});

describe('remark-snippets in MDX', () => {
  test('the marker compiles (no JSX error) and the include is spliced', async () => {
    const js = await compileMdx(tree.dir, page, '# Title\n\n--8<-- "POLICY.md"\n\n<Foo />\n');
    assert.match(js, /Reporting/);
    assert.match(js, /Nested part/);
    assert.match(js, /not an expression/);
  });
  test('the seed form with three leading dashes works inside a fence in a directive', async () => {
    const js = await compileMdx(tree.dir, page, ':::info[Script]{collapsible}\n```bash title="x"\n---8<-- "script.sh"\n```\n:::\n');
    assert.match(js, /echo \\"hi\\"/);
    assert.match(js, /"details"/);
  });
});

describe('included Markdown parsed once per text', () => {
  test('each include gets its own copy of the parse: what a page does to it never shows on the next', () => {
    const text = '## Title\n\nSome *text* and a [link](https://example.com).\n\n- [x] done\n';
    const first = parseIncludedMarkdown(text);
    const heading = first.children[0] as { depth: number; position?: { start: { line: number } }; data?: unknown };
    assert.equal(heading.depth, 2);
    heading.depth = 4;
    heading.data = { mark: true };
    delete heading.position;
    const second = parseIncludedMarkdown(text);
    assert.notEqual(second, first);
    assert.equal((second.children[0] as { depth: number }).depth, 2);
    assert.equal((second.children[0] as { data?: unknown }).data, undefined);
    assert.equal((second.children[0] as { position?: { start: { line: number } } }).position?.start.line, 1);
  });

  test('a parse served from the cache equals a parse of the text by micromark itself', () => {
    const text = '# Fresh\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n:::note\nA directive.\n:::\n';
    const direct = fromMarkdown(text, { extensions: [gfm(), directive()], mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()] });
    parseIncludedMarkdown(text); // now cached
    assert.deepEqual(parseIncludedMarkdown(text), direct);
  });
});
