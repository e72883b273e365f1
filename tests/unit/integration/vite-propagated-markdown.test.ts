import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Plugin } from 'vite';
import { skipPropagatedMarkdown } from '../../../src/integration/vite-propagated-markdown.ts';

function markdownPlugin(rendered: string[]): Plugin {
  return { name: 'astro:markdown', load: { filter: { id: /\.md(\?|$)/ }, handler: (id: string) => (rendered.push(id), { code: `page ${id}` }) } };
}

test('the propagated-assets wrapper of a Markdown page loads empty; the page itself still renders', async () => {
  const rendered: string[] = [];
  const plugin = markdownPlugin(rendered);
  assert.equal(skipPropagatedMarkdown(plugin), true);
  const load = (plugin.load as { handler: (id: string) => unknown; filter: unknown }).handler;
  assert.deepEqual(load('/site/docs/a.md?astroPropagatedAssets'), { code: '' });
  assert.deepEqual(load('/site/docs/a.md?x=1&astroPropagatedAssets'), { code: '' });
  assert.deepEqual(load('/site/docs/a.md'), { code: 'page /site/docs/a.md' });
  assert.deepEqual(load('/site/docs/a.md?astroContentCollectionEntry=true'), { code: 'page /site/docs/a.md?astroContentCollectionEntry=true' });
  // MDX pages have their own plugin; a name that only starts like the flag is not it.
  assert.deepEqual(load('/site/docs/a.md?astroPropagatedAssetsX'), { code: 'page /site/docs/a.md?astroPropagatedAssetsX' });
  assert.deepEqual(rendered, ['/site/docs/a.md', '/site/docs/a.md?astroContentCollectionEntry=true', '/site/docs/a.md?astroPropagatedAssetsX']);
  // The filter is kept: Vite still calls the hook only for Markdown ids.
  assert.ok((plugin.load as { filter?: unknown }).filter);
});

test('a plugin without a load hook is left alone', () => {
  const plugin: Plugin = { name: 'astro:markdown' };
  assert.equal(skipPropagatedMarkdown(plugin), false);
  assert.equal(plugin.load, undefined);
});
