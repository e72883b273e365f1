/**
 * Scissors' unified plugins in the order they must run, in one place: the site, the bare
 * pipeline of the benchmark and the unit tests all use these lists, so none of them drifts.
 */
import remarkDirective from 'remark-directive';
import type { ShikiConfig } from '@astrojs/markdown-remark';
import type { PluggableList } from 'unified';
import rehypeCodeAnnotations, { codeAnnotationTransformer, remarkFenceAttrList } from '../markdown/code-annotations.ts';
import { codeFrameTransformer, type CodeFrameOptions } from '../markdown/code-frame.ts';
import rehypeIds from '../markdown/rehype-ids.ts';
import rehypeLinkRel from '../markdown/rehype-link-rel.ts';
import rehypeMkdocsPages from '../markdown/rehype-mkdocs-pages.ts';
import rehypeSourcePositions from '../markdown/rehype-source-positions.ts';
import remarkAbbreviations from '../markdown/remark-abbreviations.ts';
import remarkInlineHilite from '../markdown/remark-inline-hilite.ts';
import remarkKeys from '../markdown/remark-keys.ts';
import remarkAdmonitions from '../markdown/remark-admonitions.ts';
import remarkFigure from '../markdown/remark-figure.ts';
import remarkHeadingAttributes from '../markdown/remark-heading-attributes.ts';
import remarkIcons from '../markdown/remark-icons.ts';
import remarkLinkDirective from '../markdown/remark-link-directive.ts';
import remarkMermaid, { rehypeMermaid } from '../markdown/remark-mermaid.ts';
import remarkPageLinks, { type RemarkPageLinksOptions } from '../markdown/remark-page-links.ts';
import remarkSnippets from '../markdown/remark-snippets.ts';
import remarkTabs from '../markdown/remark-tabs.ts';
import remarkUnknownDirectives from '../markdown/remark-unknown-directives.ts';
import remarkMkdocs from '../mkdocs/remark-mkdocs.ts';
import { remarkHtmlJsx } from '../markdown/remark-static-mdx.ts';
import type { SnippetExpander } from '../snippets/expand.ts';
import { markdownOptionsSchema, type MarkdownOptions, type SiteModel } from '../site/model.ts';

export interface PluginOptions {
  expander: SnippetExpander;
  root: string;
  /** `npm run check`'s build: keep going on snippet errors and record source positions. */
  check?: boolean;
  /** The site's Markdown options (site model); defaults are the native site's behaviour. */
  markdown?: MarkdownOptions;
  /** Where the site's pages are and how their URLs are made: links to page files become page URLs. */
  site?: PageSite;
  /** The site's base path, ending in `/`. */
  base?: string;
}

export type PageSite = Pick<SiteModel, 'docsDir' | 'urlStyle' | 'directoryUrls' | 'pagePattern'>;

export const defaultMarkdownOptions = (): MarkdownOptions => markdownOptionsSchema.parse({});

export function scissorsRemarkPlugins({ expander, root, check = false, site, base, markdown }: PluginOptions): PluggableList {
  const snippets = { expander, root, failOnError: !check, recordSources: check };
  return [
    remarkDirective,
    // MDX: plain HTML written as JSX is an ordinary element, treated like its Markdown form.
    remarkHtmlJsx,
    // .md pages: MkDocs Material's dialect (text-stage snippets, then directives).
    [remarkMkdocs, snippets],
    [remarkSnippets, snippets],
    // Fences: ``` { .python .annotate } ``` info strings, then diagram fences (mermaid) out of the code blocks.
    remarkFenceAttrList,
    [remarkMermaid, { fences: markdown?.diagramFences }],
    remarkHeadingAttributes,
    remarkAbbreviations,
    remarkInlineHilite,
    remarkKeys,
    remarkTabs,
    remarkAdmonitions,
    remarkFigure,
    ...(site ? [[remarkPageLinks, { site, base }] as [typeof remarkPageLinks, RemarkPageLinksOptions]] : []),
    remarkLinkDirective,
    remarkUnknownDirectives,
    // Last: `:material-x:` reads as a text directive until remarkUnknownDirectives restores it.
    // MkDocs sites without pymdownx.emoji keep shortcodes as text.
    ...(markdown?.emoji === false ? [] : [remarkIcons]),
  ];
}

export function scissorsRehypePlugins({ root, check = false, markdown }: Pick<PluginOptions, 'root' | 'check' | 'markdown'>): PluggableList {
  return [
    // After Shiki (which runs before every rehype plugin) and before rehypeIds, which then keeps their ids.
    rehypeMermaid,
    [rehypeCodeAnnotations, { annotateAll: markdown?.annotateCode ?? false }],
    [rehypeIds, { headingIds: markdown?.headingIds ?? 'github', permalinks: markdown?.permalinks ?? true }],
    rehypeMkdocsPages,
    rehypeLinkRel,
    ...(check ? [[rehypeSourcePositions, { root }] as [typeof rehypeSourcePositions, { root: string }]] : []),
  ];
}

/** Shiki's configuration (Astro's `shikiConfig`). */
export function scissorsShikiConfig(repository?: CodeFrameOptions['repository'], markdown?: Pick<MarkdownOptions, 'lineNumbers'>): ShikiConfig {
  return {
    // The *-default GitHub themes meet WCAG AA contrast on our code background; the classic ones do not.
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    defaultColor: 'light-dark()',
    transformers: [codeFrameTransformer({ repository, lineNumbers: markdown?.lineNumbers ?? false }), codeAnnotationTransformer()],
    langs: [],
    langAlias: {},
    theme: 'github-light-default',
    wrap: false,
  };
}
