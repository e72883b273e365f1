/**
 * The limit: the same pages through our plugins in one process without Astro — parse →
 * remark plugins → rehype → Shiki (Astro's own rehype-shiki, same config) → HTML string.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rehypeShiki } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { scissorsRehypePlugins, scissorsRemarkPlugins, scissorsShikiConfig } from '../../src/integration/plugins.ts';
import { splitFrontMatter } from '../../src/markdown/front-matter.ts';
import { SnippetExpander } from '../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../src/snippets/options.ts';

export async function renderBare(siteDir: string): Promise<{ pages: number; bytes: number }> {
  const expander = new SnippetExpander(resolveSnippetOptions(siteDir));
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(scissorsRemarkPlugins({ expander, root: siteDir }))
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeShiki, scissorsShikiConfig())
    .use(scissorsRehypePlugins({ root: siteDir }))
    .use(rehypeStringify, { allowDangerousHtml: true });
  const files = fs.globSync('content/docs/*.mdx', { cwd: siteDir }).sort();
  let bytes = 0;
  for (const file of files) {
    const full = path.join(siteDir, file);
    const text = splitFrontMatter(fs.readFileSync(full, 'utf8')).body;
    const out = await processor.process(new VFile({ path: full, value: text }));
    bytes += String(out.value).length;
  }
  return { pages: files.length, bytes };
}
