import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkHeadingAttributes from '../../../src/markdown/remark-heading-attributes.ts';
import { VFile } from 'vfile';
import rehypeIds, { pymdownxSlug, pythonMarkdownSlug, pythonMarkdownUnique } from '../../../src/markdown/rehype-ids.ts';
import { tempTree } from '../../helpers/tmp.ts';
import { renderMarkdown } from './pipeline.ts';

const tree = tempTree({});
after(tree.cleanup);

async function html(markdown: string, headingIds?: 'github' | 'python-markdown', permalinks?: boolean): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkHeadingAttributes)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeIds, { headingIds, permalinks })
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(new VFile({ path: 'page.md', value: markdown }));
  return String(file);
}

const ids = (out: string) => [...out.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]);

describe('heading ids, Python-Markdown style (MkDocs sites)', () => {
  test('toc slugify: punctuation and & removed, runs of spaces and dashes become one dash, non-ASCII dropped', () => {
    assert.equal(pythonMarkdownSlug('v3.2.0 - 2024-10-22'), 'v320-2024-10-22');
    assert.equal(pythonMarkdownSlug('Annotations & Metadata'), 'annotations-metadata');
    assert.equal(pythonMarkdownSlug('AWS Lambda Cookbook — Following best practices'), 'aws-lambda-cookbook-following-best-practices');
    assert.equal(pythonMarkdownSlug('Žlutý kůň'), 'zluty-kun');
  });
  test('de-duplication is _1, _2 (and an id ending in _N counts on)', () => {
    const used = new Set<string>();
    assert.deepEqual(['a', 'a', 'a', 'b_1', 'b_1'].map((s) => pythonMarkdownUnique(s, used)), ['a', 'a_1', 'a_2', 'b_1', 'b_2']);
  });
  test('pymdownx.tabbed slugify (case lower): each space a dash, Unicode letters kept', () => {
    assert.equal(pymdownxSlug('getting_started.py'), 'getting_startedpy');
    assert.equal(pymdownxSlug('Lambda  Layer é'), 'lambda--layer-é');
  });
  test('the page: headings get their ids before tabs, so a tab never takes a heading\'s anchor', async () => {
    const out = await html('## Install\n\n## Install\n\n### Annotations & Metadata\n', 'python-markdown');
    assert.deepEqual(ids(out), ['install', 'install_1', 'annotations-metadata']);
    assert.match(out, /<a class="heading-anchor" href="#install_1" aria-label="Permalink: Install"><\/a>/);
  });
  test('an author id is kept and reserved', async () => {
    const out = await html('## Y { #x }\n\n## x\n', 'python-markdown');
    assert.deepEqual(ids(out), ['x', 'x_1']);
  });
  test('permalinks: false leaves the headings without an anchor (ids kept)', async () => {
    const out = await html('## A\n', 'python-markdown', false);
    assert.equal(out, '<h2 id="a">A</h2>');
  });
  test('the native default is unchanged (GitHub slugger)', async () => {
    const out = await renderMarkdown(tree.dir, tree.path('page.mdx'), '## Annotations & Metadata\n\n## Annotations & Metadata\n');
    assert.deepEqual(ids(out), ['annotations--metadata', 'annotations--metadata-1']);
    assert.deepEqual(ids(await html('## A & B\n')), ['a--b']);
  });
});
