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
import rehypeCodeAnnotations from '../../../src/markdown/code-annotations.ts';
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

const STRINGIFY = { allowDangerousHtml: true };

/** Keeps the tree each run leaves before stringifying, for the tests that look at its shape. */
function keepTree(kept: Root[]): Plugin<[], Root> {
  return () => (tree) => {
    kept.push(tree);
  };
}

function rawNodes(tree: Root): number {
  let count = 0;
  visit(tree, 'raw' as never, () => {
    count++;
  });
  return count;
}

test('serialiseWith: a reused block holds its highlighted lines as HTML, and the page is byte for byte the same', async () => {
  const astro = String(await processor(rehypeShiki).process(page));
  const kept: Root[] = [];
  const cached = unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(rehypeShikiCached, scissorsShikiConfig(), { serialiseWith: STRINGIFY })
    .use(rehypeMarkBlocks)
    .use(keepTree(kept))
    .use(rehypeStringify, STRINGIFY);
  assert.equal(String(await cached.process(page)), astro);
  assert.equal(rawNodes(kept[0] as Root), 0, 'highlighted the first time: a tree');
  assert.equal(String(await cached.process(page)), astro);
  // The three highlighted blocks (bash, python, no language; math is left alone) come from the cache.
  assert.equal(rawNodes(kept[1] as Root), 3);
  // Later plugins still see each block's <pre> and its attributes: their changes show, once.
  assert.match(String(await cached.process(page)), /data-seen="x"/);
});

test('serialiseWith: a block with code annotations stays a tree, and is annotated on every page', async () => {
  const annotated = '```python\napp = App()  # (1)!\n```\n\n1. The app.\n';
  const kept: Root[] = [];
  const pipeline = (shiki: Plugin<never[], Root>, options?: object) =>
    unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(shiki as never, scissorsShikiConfig(), options)
      .use(rehypeCodeAnnotations, { annotateAll: true })
      .use(keepTree(kept))
      .use(rehypeStringify, STRINGIFY);
  const astro = String(await pipeline(rehypeShiki as never).process(annotated));
  assert.match(astro, /annotation-1-1/);
  const cached = pipeline(rehypeShikiCached as never, { serialiseWith: STRINGIFY });
  assert.equal(String(await cached.process(annotated)), astro);
  assert.equal(String(await cached.process(annotated)), astro);
  assert.equal(rawNodes(kept.at(-1) as Root), 0);
});
