import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rehypeShiki } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { scissorsShikiConfig } from '../../../src/integration/plugins.ts';
import rehypeShikiCached from '../../../src/markdown/rehype-shiki-cached.ts';

/** Marks every highlighted block, as a later rehype plugin of a site might. */
const rehypeMarkBlocks: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'pre') node.properties.dataSeen = `${String(node.properties.dataSeen ?? '')}x`;
  });
};

function processor(shiki: typeof rehypeShiki | typeof rehypeShikiCached) {
  return unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(shiki as never, scissorsShikiConfig())
    .use(rehypeMarkBlocks)
    .use(rehypeStringify);
}

const page = '# Page\n\n```bash title="verify.sh" {2}\nset -euo pipefail\necho "$1"\n```\n\n```python\nprint(1)\n```\n\n```math\nx^2\n```\n\n```\nno language\n```\n';

test('the same output as Astro\'s rehype-shiki, for every kind of block', async () => {
  const astro = String(await processor(rehypeShiki).process(page));
  const cached = processor(rehypeShikiCached);
  assert.equal(String(await cached.process(page)), astro);
  // The second time the blocks come from the cache, and still match.
  assert.equal(String(await cached.process(page)), astro);
});

test('a cached block is a copy: what later plugins do to one page never shows on another', async () => {
  const cached = processor(rehypeShikiCached);
  await cached.process(page);
  const again = String(await cached.process(page));
  assert.doesNotMatch(again, /data-seen="xx"/);
  assert.match(again, /data-seen="x"/);
});

test('the cache keys on meta as well as code: a different title is a different block', async () => {
  const cached = processor(rehypeShikiCached);
  const a = String(await cached.process('```bash title="a.sh"\necho\n```\n'));
  const b = String(await cached.process('```bash title="b.sh"\necho\n```\n'));
  assert.match(a, /a\.sh/);
  assert.match(b, /b\.sh/);
  assert.doesNotMatch(b, /a\.sh/);
});
