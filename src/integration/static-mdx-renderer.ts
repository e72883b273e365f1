/**
 * Renders an MDX page straight to HTML with the same plugins, in the same order, as Astro's MDX
 * pipeline (gfm, ours, remark-rehype, Shiki, ours, heading ids) — but without compiling the page
 * to a JavaScript module, and with each distinct code block highlighted once. Pages that need
 * MDX's runtime are reported, not rendered (see remarkRequireStaticMdx): the docs loader hands those
 * to Astro's MDX integration.
 */
import type { MarkdownHeading, ShikiConfig } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { EXIT, walk } from '../markdown/walk.ts';
import { copyPlain } from '../markdown/copy-plain.ts';
import { isMkdocsPage } from '../mkdocs/dialect.ts';
import { VFile } from 'vfile';
import rehypeHeadingIdsOutsideCode from '../markdown/rehype-heading-ids-outside-code.ts';
import rehypeMetaString from '../markdown/rehype-meta-string.ts';
import rehypeShikiCached from '../markdown/rehype-shiki-cached.ts';
import { MdxRuntimeRequired, remarkRequireNoLocalImages, remarkRequireStaticMdx, staticMdxHandlers } from '../markdown/remark-static-mdx.ts';

export interface StaticMdxRendererOptions {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
  shikiConfig: ShikiConfig;
  /**
   * Dev: keep each page's last parse and copy it while its text is unchanged. A page re-renders at
   * each save of a file it includes, its own text the same; a copy is some ten times cheaper than
   * micromark's parse. Builds render each page once: they leave it off.
   */
  reuseParses?: boolean;
}

/** Parsed page text kept at most, in characters (its tree is some hundred bytes a character). */
const MAX_KEPT_CHARS = 2_000_000;

export interface StaticRender {
  html: string;
  headings: MarkdownHeading[];
  /** What the plugins put in `file.data.astro.frontmatter` (e.g. the snippet dependencies). */
  frontmatter: Record<string, unknown>;
}

export type StaticRenderResult = { kind: 'html'; page: StaticRender } | { kind: 'needs-runtime'; reason: string };

/**
 * Astro's MDX path re-parses every tree as HTML (rehype-raw), which also fixes up nesting like a
 * `<div>` inside a `<p>`. Only trees with raw HTML (from included Markdown) or elements written as
 * JSX can change; the others skip the cost.
 */
function rehypeRawWhenPresent() {
  const raw = rehypeRaw();
  return (tree: HastRoot, file: VFile) => {
    if (file.data.htmlJsx) return raw(tree, file);
    let found = false;
    walk(tree, 'raw', () => {
      found = true;
      return EXIT;
    });
    return found ? raw(tree, file) : tree;
  };
}

const STRINGIFY = { allowDangerousHtml: true };

export function createStaticMdxRenderer(options: StaticMdxRendererOptions) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    // First, so a page that needs the runtime costs only its parse.
    .use(remarkRequireStaticMdx)
    .use(options.remarkPlugins)
    .use(remarkRequireNoLocalImages)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: staticMdxHandlers })
    .use(rehypeMetaString)
    .use(rehypeRawWhenPresent)
    // Serialised as rehypeStringify will: nothing after Shiki re-parses raw HTML or enters highlighted code.
    .use(rehypeShikiCached, options.shikiConfig, { serialiseWith: STRINGIFY })
    .use(options.rehypePlugins)
    .use(rehypeHeadingIdsOutsideCode)
    .use(rehypeStringify, STRINGIFY);

  // An MDX page's parse depends on its text alone; an MkDocs page's expands its snippets (remark-mkdocs).
  const parses = new Map<string, { text: string; tree: MdastRoot }>();
  let keptChars = 0;
  function parse(file: VFile, text: string): MdastRoot {
    if (!options.reuseParses || isMkdocsPage(file)) return processor.parse(file);
    const path = file.path;
    const last = parses.get(path);
    if (last?.text === text) return copyPlain(last.tree);
    const tree = processor.parse(file);
    if (last) keptChars -= last.text.length;
    if (keptChars + text.length > MAX_KEPT_CHARS) {
      parses.clear();
      keptChars = 0;
    }
    parses.set(path, { text, tree: copyPlain(tree) });
    keptChars += text.length;
    return tree;
  }

  /** `content` is the page with its front matter blanked out (line numbers kept). */
  return async function render(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<StaticRenderResult> {
    const file = new VFile({ path: filePath, value: content, data: { astro: { frontmatter: { ...frontmatter } } } });
    try {
      // process(), with the parse above.
      const tree = await processor.run(parse(file, content), file);
      file.value = processor.stringify(tree, file);
    } catch (error) {
      if (error instanceof MdxRuntimeRequired) return { kind: 'needs-runtime', reason: error.message };
      throw error;
    }
    return {
      kind: 'html',
      page: { html: String(file.value), headings: file.data.astro?.headings ?? [], frontmatter: file.data.astro?.frontmatter ?? {} },
    };
  };
}
