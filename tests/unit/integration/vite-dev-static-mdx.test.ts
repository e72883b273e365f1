import assert from 'node:assert/strict';
import { unified } from '@astrojs/markdown-remark';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Plugin } from 'vite';
import { createScissors } from '../../../src/integration/index.ts';
import { snippetOptionsSchema } from '../../../src/integration/options.ts';
import { cachedHighlightingForDev } from '../../../src/integration/dev-highlighting.ts';
import { renderStaticPage, renderStaticPagesFirst, staticMdxRenderFor, type StaticMdxRender } from '../../../src/integration/vite-dev-static-mdx.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-dev-static-mdx-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

type Transform = (this: unknown, code: string, id: string) => Promise<unknown>;

/** Stands in for @astrojs/mdx's plugin: records what it compiles. */
function fakeMdx(compiled: string[]): Plugin {
  return { name: '@mdx-js/rolldown', transform: { filter: { id: /\.mdx$/ }, handler: (_code: string, id: string) => (compiled.push(id), { code: `mdx ${id}` }) } };
}

const staticRender: StaticMdxRender = async (content) => {
  if (content.includes('{')) return { kind: 'needs-runtime', reason: 'an expression' };
  if (content.includes('fail')) throw new Error('a snippet error');
  return { kind: 'html', page: { html: '<p>static</p>', headings: [], frontmatter: {} } };
};

test('a static page comes from the static renderer; every other page from MDX, as before', async () => {
  const compiled: string[] = [];
  const plugin = fakeMdx(compiled);
  assert.equal(renderStaticPagesFirst(plugin, () => staticRender, (id) => !id.includes('/pages/')), true);
  const transform = (plugin.transform as { handler: Transform; filter: unknown });
  assert.ok(transform.filter, 'the filter is kept');
  const page = (await transform.handler.call({}, '---\ntitle: A\n---\n\nText.\n', '/site/docs/a.mdx')) as { code: string; meta: { astro: { propagation: string } } };
  assert.match(page.code, /"set:html": "<p>static<\/p>"|'set:html': "<p>static<\/p>"/);
  assert.equal(page.meta.astro.propagation, 'none');
  assert.deepEqual(await transform.handler.call({}, 'The release is {release}.\n', '/site/docs/runtime.mdx'), { code: 'mdx /site/docs/runtime.mdx' });
  assert.deepEqual(await transform.handler.call({}, '---\nlayout: ./L.astro\n---\n\nText.\n', '/site/docs/layout.mdx'), { code: 'mdx /site/docs/layout.mdx' });
  // MDX compiles it again and reports the error as it always has.
  assert.deepEqual(await transform.handler.call({}, 'fail\n', '/site/docs/broken.mdx'), { code: 'mdx /site/docs/broken.mdx' });
  assert.deepEqual(await transform.handler.call({}, 'Text.\n', '/site/src/pages/p.mdx'), { code: 'mdx /site/src/pages/p.mdx' });
  assert.deepEqual(compiled, ['/site/docs/runtime.mdx', '/site/docs/layout.mdx', '/site/docs/broken.mdx', '/site/src/pages/p.mdx']);
});

test('a site the loader would not render statically is left to MDX in dev too', () => {
  const { markdown } = createScissors({ root: dir, snippets: snippetOptionsSchema.parse({}) });
  assert.ok(staticMdxRenderFor({ ...markdown, syntaxHighlight: 'shiki' } as never));
  assert.equal(staticMdxRenderFor({ ...markdown, syntaxHighlight: 'prism' } as never), undefined);
  assert.equal(staticMdxRenderFor({ ...markdown, syntaxHighlight: 'shiki', smartypants: {} } as never), undefined);
  // A plugin given by name (MDX imports it itself; the static renderer cannot): MDX renders every page.
  const named = unified({ smartypants: false, remarkPlugins: ['remark-toc' as never] });
  assert.equal(staticMdxRenderFor({ ...markdown, processor: named, syntaxHighlight: 'shiki' } as never), undefined);
});

/** A module's exports, its one import (Astro's JSX runtime) pointed at the real file. */
async function load(code: string, name: string): Promise<Record<string, unknown>> {
  const runtime = import.meta.resolve('astro/jsx-runtime');
  const file = path.join(dir, `${name}.mjs`);
  fs.writeFileSync(file, code.replaceAll(/(["'])astro\/jsx-runtime\1/g, JSON.stringify(runtime)));
  return import(pathToFileURL(file).href);
}

test("the page's module gives what MDX's compile of the same page gives, in dev's settings", async () => {
  fs.writeFileSync(path.join(dir, 'part.md'), '## Included\n\nSome *included* text, a [link](https://example.org/).\n');
  const page = [
    '---\ntitle: Same\norder: 2\n---\n',
    '## First heading\n\nA paragraph with `code`, **bold** and <kbd>Ctrl</kbd>.\n',
    '| a | b |\n| - | - |\n| 1 | 2 |\n',
    ':::note[Title]\nInside a note.\n:::\n',
    '```python title="x.py"\nprint("hi")\n```\n',
    '--8<-- "part.md"\n',
  ].join('\n');
  const id = path.join(dir, 'same.mdx');
  fs.writeFileSync(id, page);
  const { markdown } = createScissors({ root: dir, snippets: snippetOptionsSchema.parse({}) });
  const site = { ...markdown, syntaxHighlight: 'shiki' } as never;
  const dev = cachedHighlightingForDev(site);
  assert.ok(dev);
  // As @astrojs/mdx calls it in dev (astro.config.mjs: optimize on; no source maps).
  const mdx = await dev.processor.createMdxRenderer!(
    { syntaxHighlight: false, shikiConfig: markdown.shikiConfig, gfm: undefined, smartypants: undefined },
    { optimize: true, srcDir: pathToFileURL(`${dir}/src/`), sourcemap: false },
  );
  const { frontmatter, content } = parseFrontmatter(page, { frontmatter: 'empty-with-spaces' });
  const compiled = await mdx.process(content, id, frontmatter);

  const ours = await renderStaticPage(staticMdxRenderFor(site)!(), page, id);
  assert.ok(ours, 'the page is static');
  assert.deepEqual(ours.meta.astro, compiled.astroMetadata);

  const theirs = await load(compiled.code, 'theirs');
  const mine = await load(ours.code, 'mine');
  assert.deepEqual(mine.frontmatter, theirs.frontmatter);
  assert.deepEqual((mine.getHeadings as () => unknown)(), (theirs.getHeadings as () => unknown)());
  const render = (mod: Record<string, unknown>, components: Record<string, unknown>) => (mod.default as (props: unknown) => unknown)({ components });
  // Astro's jsx() turns `set:html` into the children, as an HTML string.
  const vnode = render(mine, { Fragment: 'Fragment' }) as { props: { children: unknown } };
  assert.match(String(vnode.props.children), /Some <em>included<\/em> text/);
  assert.deepEqual(vnode, render(theirs, { Fragment: 'Fragment' }));
  // A wrapper (MDX's `wrapper` component) and a missing Fragment, too.
  type Node = { type: unknown; props: { children: { type: (props: unknown) => unknown; props: unknown } } };
  const wrapped = (mod: Record<string, unknown>) => {
    const node = render(mod, { Fragment: 'Fragment', wrapper: 'Wrap' }) as Node;
    assert.equal(node.type, 'Wrap');
    return node.props.children.type(node.props.children.props);
  };
  assert.deepEqual(wrapped(mine), wrapped(theirs));
  assert.throws(() => render(mine, {}), /Expected component `Fragment` to be defined/);
  assert.throws(() => render(theirs, {}), /Expected component `Fragment` to be defined/);
});
