import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkPageLinks from '../../../src/markdown/remark-page-links.ts';
import { walk } from '../../../src/markdown/walk.ts';
import { tempTree } from '../../helpers/tmp.ts';

async function urls(docsDir: string, page: string, markdown: string, urlStyle: 'mkdocs' | 'slug' = 'mkdocs', base = '/'): Promise<string[]> {
  const processor = unified().use(remarkParse).use(remarkPageLinks, { site: { docsDir, urlStyle, directoryUrls: true, pagePattern: '**/*.md' }, base });
  const file = new VFile({ path: path.join(docsDir, page), value: markdown });
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  const out: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'link' || node.type === 'image') out.push(node.url);
  });
  return out;
}

test('links to page files become their URLs; media are published at their path; the rest stays for the checker', async () => {
  const tree = tempTree({ 'docs/index.md': '', 'docs/core/tracer.md': '', 'docs/utilities/idempotency.md': '', 'docs/media/x.png': 'png' });
  const docs = path.join(tree.dir, 'docs');
  const got = await urls(
    docs,
    'core/tracer.md',
    [
      '[a](../utilities/idempotency.md#getting-started)',
      '[b](../index.md)',
      '[c](tracer.md)',
      '[d](#local)',
      '[e](https://example.org/x.md)',
      '[f](../missing.md)',
      '![g](../media/x.png)',
      '[h](../media/x.png?v=1)',
    ].join('\n\n'),
  );
  assert.deepEqual(got, ['/utilities/idempotency/#getting-started', '/', '/core/tracer/', '#local', 'https://example.org/x.md', '../missing.md', '/media/x.png', '/media/x.png?v=1']);
  // Under a base path (the path of site_url) every rewritten URL starts with it.
  assert.deepEqual(await urls(docs, 'index.md', '[t](core/tracer.md)', 'mkdocs', '/docs/'), ['/docs/core/tracer/']);
  // Native sites: page links too, but files are left to Astro's image pipeline.
  assert.deepEqual(await urls(docs, 'index.md', '[t](core/tracer.md)\n\n![i](media/x.png)', 'slug'), ['/core/tracer/', 'media/x.png']);
  tree.cleanup();
});
