import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { scissorsShikiConfig } from '../../../src/integration/plugins.ts';
import { cachedHighlightingForDev } from '../../../src/integration/dev-highlighting.ts';
import rehypeShikiCached from '../../../src/markdown/rehype-shiki-cached.ts';

const page = '# Page\n\n```bash title="verify.sh" {2}\nset -euo pipefail\necho "$1"\n```\n\n```python\nprint(1)\n```\n\n```math\nx^2\n```\n\n<div>raw <b>html</b></div>\n';

/** The markdown block of a resolved Astro config, as the integration's setup hook sees it. */
function markdownConfig(): AstroConfig['markdown'] {
  return {
    processor: unified({ smartypants: false, rehypePlugins: [] }),
    syntaxHighlight: 'shiki',
    shikiConfig: scissorsShikiConfig(),
    gfm: true,
    smartypants: false,
    remarkPlugins: [],
    rehypePlugins: [],
    remarkRehype: {},
  } as unknown as AstroConfig['markdown'];
}

async function renderBoth(markdown: AstroConfig['markdown']) {
  const { processor } = markdown;
  const unifiedProcessor = processor as ReturnType<typeof unified>;
  if (processor.name !== 'unified' || !unifiedProcessor.createMdxRenderer) throw new Error('not unified');
  const shared = { syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: true, smartypants: false } as never;
  const md = await unifiedProcessor.createRenderer(shared);
  const mdx = await unifiedProcessor.createMdxRenderer(shared, { srcDir: new URL('file:///site/src/'), optimize: true } as never);
  const once = async () => ({ md: (await md.render(page)).code, mdx: (await mdx.process(page, '/site/page.mdx', {})).code });
  const first = await once();
  // The same renderers again: with the cache, the blocks are copies of the first render's.
  assert.deepEqual(await once(), first);
  return first;
}

test('dev: the cached highlighter replaces Astro\'s, and pages compile to the same HTML and module', async () => {
  const astro = await renderBoth(markdownConfig());
  const dev = markdownConfig();
  const change = cachedHighlightingForDev(dev);
  assert.ok(change);
  assert.equal(change.syntaxHighlight, false);
  const [first] = change.processor.options.rehypePlugins;
  assert.equal(Array.isArray(first) ? first[0] : first, rehypeShikiCached);
  const withCache = await renderBoth({ ...dev, ...change });
  assert.match(astro.md, /class="astro-code/);
  assert.equal(withCache.md, astro.md);
  assert.equal(withCache.mdx, astro.mdx);
});

test('dev: the site\'s processor is left as it is, so applied again (a restarted dev server) the highlighter is added once', () => {
  const dev = markdownConfig();
  const rehype = () => (dev.processor as ReturnType<typeof unified>).options.rehypePlugins;
  const theSites = rehype();
  for (let restart = 0; restart < 2; restart++) {
    const change = cachedHighlightingForDev(dev);
    assert.ok(change && change.processor !== dev.processor);
    assert.equal(change.processor.options.rehypePlugins.length, 1);
    assert.equal(rehype(), theSites);
    assert.equal(theSites.length, 0);
  }
});

test('a site that highlights otherwise (Prism, none) is left as it is', () => {
  for (const syntaxHighlight of ['prism', false] as const) {
    const markdown = { ...markdownConfig(), syntaxHighlight } as AstroConfig['markdown'];
    assert.equal(cachedHighlightingForDev(markdown), undefined);
    assert.equal((markdown.processor as ReturnType<typeof unified>).options.rehypePlugins.length, 0);
  }
});
