import { compile, nodeTypes } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { scissorsRehypePlugins, scissorsRemarkPlugins } from '../../../src/integration/plugins.ts';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../../src/snippets/options.ts';

/**
 * The site's Markdown pipeline without Astro: the same plugin lists the integration uses.
 * A `.md` file name means MkDocs Material's dialect, as on the site.
 */
export async function renderMarkdown(root: string, file: string, text: string): Promise<string> {
  const expander = new SnippetExpander(resolveSnippetOptions(root));
  const result = await unified()
    .use(remarkParse)
    .use(scissorsRemarkPlugins({ expander, root }))
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(scissorsRehypePlugins({ root }))
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(new VFile({ path: file, value: text }));
  return String(result.value);
}

/** The same plugins through the real MDX compiler (which would choke on `<` without our syntax). */
export async function compileMdx(root: string, file: string, text: string): Promise<string> {
  const expander = new SnippetExpander(resolveSnippetOptions(root));
  const result = await compile(new VFile({ path: file, value: text }), {
    remarkPlugins: scissorsRemarkPlugins({ expander, root }),
    // As Astro does: raw HTML from included Markdown is parsed, MDX nodes pass through.
    rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }], ...scissorsRehypePlugins({ root })],
  });
  return String(result.value);
}
