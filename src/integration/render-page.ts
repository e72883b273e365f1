/**
 * One page rendered by the site's static renderers (site-renderers.ts), as the docs loader, the
 * page worker and the quick rebuild each render it: the same call, so the three give the same bytes.
 */
import { pathToFileURL } from 'node:url';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { forgetDependencies, recordedDependencies } from './dependency-registry.ts';
import { capturingWarnings } from './render-cache.ts';
import type { SiteRenderers } from './site-renderers.ts';

export type PageRender =
  | {
      kind: 'html';
      html: string;
      headings: MarkdownHeading[];
      /** What the plugins put in the page's front matter (includes, diagram flag). */
      frontmatter: Record<string, unknown>;
      /** What the render warned, held: the caller prints them when it keeps the page. */
      warnings: string[];
      /** Every file the snippet stage read (or looked for); undefined when it did not report. */
      dependencies: string[] | undefined;
    }
  /** A `.md` page with images: Astro's own renderMarkdown must render it (it resolves them). */
  | { kind: 'needs-astro'; warnings: string[] }
  /** An `.mdx` page that needs MDX's runtime: Astro's MDX integration compiles it. */
  | { kind: 'needs-runtime'; reason: string; warnings: string[] };

/**
 * `content` is the page's text with its front matter blanked (line numbers kept), `frontmatter`
 * that front matter parsed. A render that fails throws the renderer's error.
 */
export async function renderPage(
  renderers: Pick<SiteRenderers, 'renderMd' | 'renderMdx'>,
  absolute: string,
  content: string,
  frontmatter: Record<string, unknown>,
): Promise<PageRender> {
  forgetDependencies(absolute);
  const { value, warnings } = await capturingWarnings(async (): Promise<PageRender> => {
    if (absolute.endsWith('.md')) {
      const md = await renderers.renderMd(content, pathToFileURL(absolute));
      if (md.kind !== 'html') return { kind: 'needs-astro', warnings: [] };
      return { kind: 'html', html: md.html, headings: md.headings, frontmatter: md.frontmatter, warnings: [], dependencies: undefined };
    }
    const mdx = await renderers.renderMdx(content, absolute, frontmatter);
    if (mdx.kind !== 'html') return { kind: 'needs-runtime', reason: mdx.reason, warnings: [] };
    return { kind: 'html', ...mdx.page, warnings: [], dependencies: undefined };
  }, false);
  const read = recordedDependencies(absolute);
  return value.kind === 'html' ? { ...value, warnings, dependencies: read && [...read] } : { ...value, warnings };
}
