import { compile, nodeTypes } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeIds from '../../../src/markdown/rehype-ids.ts';
import rehypeLinkRel from '../../../src/markdown/rehype-link-rel.ts';
import remarkAbbreviations from '../../../src/markdown/remark-abbreviations.ts';
import remarkAdmonitions from '../../../src/markdown/remark-admonitions.ts';
import remarkFigure from '../../../src/markdown/remark-figure.ts';
import remarkHeadingAttributes from '../../../src/markdown/remark-heading-attributes.ts';
import remarkLinkDirective from '../../../src/markdown/remark-link-directive.ts';
import remarkSnippets from '../../../src/markdown/remark-snippets.ts';
import remarkTabs from '../../../src/markdown/remark-tabs.ts';
import remarkUnknownDirectives from '../../../src/markdown/remark-unknown-directives.ts';
import remarkMkdocs from '../../../src/mkdocs/remark-mkdocs.ts';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../../src/snippets/options.ts';

/**
 * The site's Markdown pipeline without Astro: our plugins, in the order the integration uses.
 * A `.md` file name means MkDocs Material's dialect, as on the site.
 */
export async function renderMarkdown(root: string, file: string, text: string): Promise<string> {
  const expander = new SnippetExpander(resolveSnippetOptions(root));
  const result = await unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkMkdocs, { expander, root })
    .use(remarkSnippets, { expander, root })
    .use(remarkHeadingAttributes)
    .use(remarkAbbreviations)
    .use(remarkTabs)
    .use(remarkAdmonitions)
    .use(remarkFigure)
    .use(remarkLinkDirective)
    .use(remarkUnknownDirectives)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeIds)
    .use(rehypeLinkRel)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(new VFile({ path: file, value: text }));
  return String(result.value);
}

/** The same plugins through the real MDX compiler (which would choke on `<` without our syntax). */
export async function compileMdx(root: string, file: string, text: string): Promise<string> {
  const expander = new SnippetExpander(resolveSnippetOptions(root));
  const result = await compile(new VFile({ path: file, value: text }), {
    remarkPlugins: [remarkDirective, [remarkSnippets, { expander, root }], remarkTabs, remarkAdmonitions, remarkLinkDirective, remarkUnknownDirectives],
    // As Astro does: raw HTML from included Markdown is parsed, MDX nodes pass through.
    rehypePlugins: [[rehypeRaw, { passThrough: nodeTypes }], rehypeIds, rehypeLinkRel],
  });
  return String(result.value);
}
