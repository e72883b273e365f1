/**
 * Renders a `.md` page (MkDocs dialect) to HTML exactly as Astro's `renderMarkdown` does — the
 * same steps in the same order as @astrojs/markdown-remark's createMarkdownProcessor — with one
 * change: Shiki through rehypeShikiCached, so a code block already highlighted in this build
 * (the same included example on many pages) is copied, not highlighted again. Pages with images
 * are left to Astro (it resolves them); the loader then calls `renderMarkdown` itself.
 * tests/build/static-render.test.ts holds the output to Astro's own, byte for byte.
 */
import { parseFrontmatter, remarkCollectImages, type MarkdownHeading, type ShikiConfig } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import rehypeHeadingIdsOutsideCode from '../markdown/rehype-heading-ids-outside-code.ts';
import rehypeShikiCached from '../markdown/rehype-shiki-cached.ts';

export interface StaticMarkdownRendererOptions {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
  remarkRehype: RemarkRehypeOptions;
  shikiConfig: ShikiConfig;
  /** Astro's `image` settings (which remote images it collects). */
  image: unknown;
}

export type StaticMarkdownResult =
  | { kind: 'html'; html: string; headings: MarkdownHeading[]; frontmatter: Record<string, unknown> }
  | { kind: 'needs-astro'; reason: string };

class HasImages extends Error {}

/** After remarkCollectImages: a page with images is Astro's to render (image optimisation). */
function remarkStopOnImages() {
  return (_tree: unknown, file: VFile) => {
    const astro = (file.data as { astro?: { localImagePaths?: string[]; remoteImagePaths?: string[] } }).astro;
    if (astro?.localImagePaths?.length || astro?.remoteImagePaths?.length) throw new HasImages('it has images');
  };
}

export function createStaticMarkdownRenderer(options: StaticMarkdownRendererOptions) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(options.remarkPlugins)
    .use(remarkCollectImages, options.image as never)
    .use(remarkStopOnImages)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [], ...options.remarkRehype })
    .use(rehypeShikiCached, options.shikiConfig)
    .use(options.rehypePlugins)
    // Astro's rehypeImages comes here; it does nothing on a page without images.
    // Astro's heading collector, with highlighted code set aside (it never holds a heading).
    .use(rehypeHeadingIdsOutsideCode)
    .use(rehypeRaw)
    .use(rehypeStringify, { allowDangerousHtml: true });

  /** `content` as the loader hands it to `renderMarkdown`; `fileURL` the page's. */
  return async function render(content: string, fileURL: URL): Promise<StaticMarkdownResult> {
    const { frontmatter, content: body } = parseFrontmatter(content);
    const file = new VFile({ value: body, path: fileURL, data: { astro: { frontmatter } } });
    try {
      await processor.process(file);
    } catch (error) {
      if (error instanceof HasImages) return { kind: 'needs-astro', reason: error.message };
      // As Astro reports it.
      const e = error as Error;
      if (e?.message) e.message = `Failed to parse Markdown file "${file.path}":\n${e.message}`;
      console.error(e);
      throw e;
    }
    const astro = (file.data as { astro?: { headings?: MarkdownHeading[]; frontmatter?: Record<string, unknown> } }).astro;
    return { kind: 'html', html: String(file.value), headings: astro?.headings ?? [], frontmatter: astro?.frontmatter ?? {} };
  };
}
