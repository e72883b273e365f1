import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryId, staticRenderingEnabled } from '../../../src/integration/docs-loader.ts';
import { tempTree } from '../../helpers/tmp.ts';

test('page ids are the ones Astro\'s glob loader gives', () => {
  assert.equal(entryId('index.mdx', {}), 'index');
  assert.equal(entryId('security.mdx', {}), 'security');
  assert.equal(entryId('guides/index.mdx', {}), 'guides');
  assert.equal(entryId('Guides/Getting Started.mdx', {}), 'guides/getting-started');
  assert.equal(entryId('guides/page.md', { slug: 'elsewhere/page' }), 'elsewhere/page');
});

test('builds render in the loader; dev (a watcher) and SCISSORS_RENDER=modules do not', () => {
  const saved = process.env.SCISSORS_RENDER;
  try {
    delete process.env.SCISSORS_RENDER;
    assert.equal(staticRenderingEnabled({ watcher: undefined }), true);
    assert.equal(staticRenderingEnabled({ watcher: {} as never }), false);
    process.env.SCISSORS_RENDER = 'modules';
    assert.equal(staticRenderingEnabled({ watcher: undefined }), false);
  } finally {
    if (saved === undefined) delete process.env.SCISSORS_RENDER;
    else process.env.SCISSORS_RENDER = saved;
  }
});

test('the loader renders pages itself only when it can match Astro\'s MDX settings', async () => {
  const { staticRenderingUnsupported } = await import('../../../src/integration/docs-loader.ts');
  const { unified } = await import('@astrojs/markdown-remark');
  const base = { processor: unified({ smartypants: false }), syntaxHighlight: 'shiki' } as never;
  assert.equal(staticRenderingUnsupported(base), undefined);
  assert.match(staticRenderingUnsupported({ ...(base as object), syntaxHighlight: 'prism' } as never) ?? '', /not Shiki/);
  assert.match(staticRenderingUnsupported({ ...(base as object), syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] } } as never) ?? '', /excludeLangs/);
  assert.match(staticRenderingUnsupported({ processor: unified({}), syntaxHighlight: 'shiki' } as never) ?? '', /smartypants/);
  assert.match(staticRenderingUnsupported({ processor: unified({ smartypants: false, gfm: false }), syntaxHighlight: 'shiki' } as never) ?? '', /GFM/);
});

test('a page Astro renders depends on its image files; a remote or unresolvable image leaves it unknown', async () => {
  const { imageFiles } = await import('../../../src/integration/docs-loader.ts');
  const t = tempTree({ 'docs/guide/page.md': '', 'docs/media/a b.png': 'png', 'docs/guide/here.png': 'png' });
  try {
    const page = t.path('docs/guide/page.md');
    assert.deepEqual(imageFiles(page, ['../media/a%20b.png', './here.png?v=1']), [t.path('docs/media/a b.png'), t.path('docs/guide/here.png')]);
    assert.deepEqual(imageFiles(page, []), []);
    assert.equal(imageFiles(page, ['https://example.com/x.png']), undefined);
    assert.equal(imageFiles(page, ['~/assets/x.png']), undefined);
  } finally {
    t.cleanup();
  }
});
