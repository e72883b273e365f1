/**
 * The limit: the same pages through our plugins without Astro, in a fresh process as a build
 * is (`node scripts/bench/bare.ts <site> [plain|ours]`).
 * - plain: parse → our remark plugins → rehype → Astro's own rehype-shiki → HTML string.
 * - ours: the renderer the docs loader uses (MDX parse, Shiki with the code-block cache).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter, rehypeShiki } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { scissorsRehypePlugins, scissorsRemarkPlugins, scissorsShikiConfig } from '../../src/integration/plugins.ts';
import { createStaticMdxRenderer } from '../../src/integration/static-mdx-renderer.ts';
import { SnippetExpander } from '../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../src/snippets/options.ts';

export type BareVariant = 'plain' | 'ours';

export async function renderBare(siteDir: string, variant: BareVariant = 'plain'): Promise<{ pages: number; bytes: number }> {
  const expander = new SnippetExpander(resolveSnippetOptions(siteDir));
  const remarkPlugins = scissorsRemarkPlugins({ expander, root: siteDir });
  const rehypePlugins = scissorsRehypePlugins({ root: siteDir });
  const plain =
    variant === 'plain'
      ? unified()
          .use(remarkParse)
          .use(remarkGfm)
          .use(remarkPlugins)
          .use(remarkRehype, { allowDangerousHtml: true })
          .use(rehypeShiki, scissorsShikiConfig())
          .use(rehypePlugins)
          .use(rehypeStringify, { allowDangerousHtml: true })
      : undefined;
  const ours = variant === 'ours' ? createStaticMdxRenderer({ remarkPlugins, rehypePlugins, shikiConfig: scissorsShikiConfig() }) : undefined;
  const files = fs.globSync('content/docs/*.mdx', { cwd: siteDir }).sort();
  let bytes = 0;
  for (const file of files) {
    const full = path.join(siteDir, file);
    const { frontmatter, content } = parseFrontmatter(fs.readFileSync(full, 'utf8'), { frontmatter: 'empty-with-spaces' });
    if (plain) bytes += String((await plain.process(new VFile({ path: full, value: content }))).value).length;
    else if (ours) {
      const result = await ours(content, full, frontmatter);
      if (result.kind === 'html') bytes += result.page.html.length;
    }
  }
  return { pages: files.length, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [siteDir, variant = 'plain'] = process.argv.slice(2);
  if (!siteDir || (variant !== 'plain' && variant !== 'ours')) {
    process.stderr.write('usage: node scripts/bench/bare.ts <site folder> [plain|ours]\n');
    process.exit(2);
  }
  const { pages, bytes } = await renderBare(siteDir, variant);
  process.stdout.write(`${pages} pages, ${bytes} bytes of HTML\n`);
}
