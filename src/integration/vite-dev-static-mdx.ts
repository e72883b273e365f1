/**
 * Dev: an MDX page that needs no MDX runtime (no imports, exports, JSX or expressions: the pages a
 * build renders to HTML in the docs loader) is rendered by the same static renderer as in builds,
 * and its module is the one MDX would compile for it: its whole content one static HTML string
 * (what `mdx({ optimize: true })` makes of such a page), its front matter and its headings.
 *
 * It is what each save of a file a page includes pays for: the MDX compile re-ran MDX's JavaScript
 * stages (hast → estree → JS, rehype-optimize-static serialising the page into that string, Astro's
 * analysis passes) around the same plugins, ~4× the static render of /security/.
 *
 * Every other page (needs the runtime, a layout in its front matter, a `src/pages` page, or an
 * error) goes to @astrojs/mdx as before, so its errors and overlays are MDX's own. Astro's MDX
 * plugin comes first among the 'pre' plugins: its transform hook is wrapped when the config is
 * resolved, as vite-propagated-markdown.ts does with the Markdown plugin's load hook.
 */
import { parseFrontmatter, type MarkdownHeading } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import type { Plugin } from 'vite';
import { staticRenderingUnsupported } from './docs-loader.ts';
import { siteRendererInputs } from './site-renderers.ts';
import type { StaticRenderResult } from './static-mdx-renderer.ts';

/** The static renderer's call (static-mdx-renderer.ts); made on the first page, not at start-up. */
export type StaticMdxRender = (content: string, filePath: string, frontmatter: Record<string, unknown>) => Promise<StaticRenderResult>;

/**
 * The static renderer for the site's Markdown settings, as the docs loader makes it
 * (site-renderers.ts); loaded at the first page. Undefined when the loader would not render
 * statically either (another highlighter, smart punctuation…): MDX renders every page then.
 */
export function staticMdxRenderFor(markdown: AstroConfig['markdown']): (() => StaticMdxRender) | undefined {
  if (staticRenderingUnsupported(markdown) !== undefined) return undefined;
  let inputs: ReturnType<typeof siteRendererInputs>;
  try {
    // Dev renders with the config as Vite loaded it (its plugins are the ones dev's modules use).
    inputs = siteRendererInputs({ native: { reason: 'dev' }, fallbackProcessor: markdown.processor, shikiConfig: markdown.shikiConfig });
  } catch {
    // A plugin given by name: MDX, which imports it itself, renders every page.
    return undefined;
  }
  const { remarkPlugins, rehypePlugins, shikiConfig } = inputs;
  return () => {
    const renderer = import('./static-mdx-renderer.ts').then(({ createStaticMdxRenderer }) => createStaticMdxRenderer({ remarkPlugins, rehypePlugins, shikiConfig, reuseParses: true }));
    return async (content, filePath, frontmatter) => (await renderer)(content, filePath, frontmatter);
  };
}

/** The name @astrojs/mdx gives its Vite plugin. */
export const MDX_VITE_PLUGIN = '@mdx-js/rolldown';

/** What rehype-analyze-astro-metadata reports for a page without components or scripts. */
const STATIC_PAGE_METADATA = {
  hydratedComponents: [],
  clientOnlyComponents: [],
  serverComponents: [],
  scripts: [],
  propagation: 'none',
  containsHead: false,
  pageOptions: {},
};

/**
 * The module MDX compiles for a page whose content is all static, as @astrojs/mdx hands it on
 * (its postprocess plugin then adds `Content`, `url`, `file` and the default export).
 */
export function staticPageModule(html: string, headings: MarkdownHeading[], frontmatter: Record<string, unknown>): string {
  return `import { jsx as _jsx } from 'astro/jsx-runtime';
export const frontmatter = ${JSON.stringify(frontmatter)};
export function getHeadings() { return ${JSON.stringify(headings)}; }
function _createMdxContent(props) {
  const { Fragment } = props.components || {};
  if (!Fragment) _missingMdxReference('Fragment', true);
  return _jsx(Fragment, { 'set:html': ${JSON.stringify(html)} });
}
export default function MDXContent(props = {}) {
  const { wrapper: MDXLayout } = props.components || {};
  return MDXLayout ? _jsx(MDXLayout, { ...props, children: _jsx(_createMdxContent, { ...props }) }) : _createMdxContent(props);
}
function _missingMdxReference(id, component) {
  throw new Error('Expected ' + (component ? 'component' : 'object') + ' \`' + id + '\` to be defined: you likely forgot to import, pass, or provide it.');
}
`;
}

/** A transform hook's answer, as @astrojs/mdx gives it (Vite's `meta.vite.lang`, Astro's `meta.astro`). */
export interface PageModule {
  code: string;
  map: null;
  meta: { astro: typeof STATIC_PAGE_METADATA; vite: { lang: 'ts' } };
}

/**
 * The page's module from the static renderer, or undefined for MDX to compile: a page that needs
 * the runtime, has a layout in its front matter (MDX wraps it in that component), or fails (MDX
 * then reports the error as it always has).
 */
export async function renderStaticPage(render: StaticMdxRender, code: string, id: string): Promise<PageModule | undefined> {
  try {
    // As @astrojs/mdx and the docs loader: front matter blanked, so positions are the file's lines.
    const { frontmatter, content } = parseFrontmatter(code, { frontmatter: 'empty-with-spaces' });
    if (frontmatter.layout) return undefined;
    const result = await render(content, id, frontmatter);
    if (result.kind !== 'html') return undefined;
    const { html, headings, frontmatter: pageFrontmatter } = result.page;
    return { code: staticPageModule(html, headings, pageFrontmatter), map: null, meta: { astro: STATIC_PAGE_METADATA, vite: { lang: 'ts' } } };
  } catch {
    return undefined;
  }
}

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => unknown;

/** Make `plugin`'s (@astrojs/mdx's) transform try the static renderer first on the pages `isPage` accepts. */
export function renderStaticPagesFirst(plugin: Plugin, render: () => StaticMdxRender, isPage: (id: string) => boolean): boolean {
  const transform = plugin.transform as TransformHandler | { handler: TransformHandler } | undefined;
  if (!transform) return false;
  const original = typeof transform === 'function' ? transform : transform.handler;
  const handler: TransformHandler = async function (code, id, ...rest) {
    const page = isPage(id) ? await renderStaticPage(render(), code, id) : undefined;
    return page ?? original.call(this, code, id, ...rest);
  };
  plugin.transform = (typeof transform === 'function' ? handler : { ...transform, handler }) as Plugin['transform'];
  return true;
}

/**
 * `pagesDir`: Astro's `src/pages`, whose MDX pages MDX gives a charset of their own: they are
 * left to it. `createRender` is called once, on the first page.
 */
export function devStaticMdxPlugin(createRender: () => StaticMdxRender, pagesDir: string): Plugin {
  let render: StaticMdxRender | undefined;
  const lazyRender = () => (render ??= createRender());
  const prefix = pagesDir.endsWith('/') ? pagesDir : `${pagesDir}/`;
  return {
    name: 'scissors:dev-static-mdx',
    apply: 'serve',
    configResolved(config) {
      const mdx = config.plugins.find((p) => p.name === MDX_VITE_PLUGIN);
      if (mdx) renderStaticPagesFirst(mdx, lazyRender, (id) => !id.includes('?') && !id.startsWith(prefix));
    },
  };
}
