import { compile, nodeTypes } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { defaultMarkdownOptions, scissorsRehypePlugins, scissorsRemarkPlugins, scissorsShikiConfig } from '../../../src/integration/plugins.ts';
import rehypeShikiCached from '../../../src/markdown/rehype-shiki-cached.ts';
import type { MarkdownOptions } from '../../../src/site/model.ts';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../../src/snippets/options.ts';

/**
 * pipeline.ts's Markdown pipeline with Shiki where the site has it (after remark-rehype, before
 * our rehype plugins), for features that need the highlighter's output. `.md` = MkDocs dialect.
 */
export async function renderHighlighted(root: string, file: string, text: string, options: Partial<MarkdownOptions> = {}): Promise<string> {
  const markdown = { ...defaultMarkdownOptions(), ...options };
  const expander = new SnippetExpander(resolveSnippetOptions(root));
  const result = await unified()
    .use(remarkParse)
    .use(scissorsRemarkPlugins({ expander, root, markdown }))
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeShikiCached, scissorsShikiConfig())
    .use(scissorsRehypePlugins({ root, markdown }))
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(new VFile({ path: file, value: text }));
  return String(result.value);
}

/** The same through the real MDX compiler, as Astro's MDX runs it (rehype-raw, Shiki, ours). */
export async function compileMdxHighlighted(root: string, file: string, text: string, options: Partial<MarkdownOptions> = {}): Promise<string> {
  const markdown = { ...defaultMarkdownOptions(), ...options };
  const expander = new SnippetExpander(resolveSnippetOptions(root));
  const result = await compile(new VFile({ path: file, value: text }), {
    remarkPlugins: scissorsRemarkPlugins({ expander, root, markdown }),
    rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }], [rehypeShikiCached, scissorsShikiConfig()], ...scissorsRehypePlugins({ root, markdown })],
  });
  return String(result.value);
}
