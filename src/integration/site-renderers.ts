/**
 * The two page renderers a build uses (static-markdown-renderer for `.md`, static-mdx-renderer
 * for `.mdx`), made from the site's Markdown settings: the docs loader's, and outside Astro the
 * quick rebuild's and the page worker's (createRenderersOutsideAstro). All must render a page to the
 * same bytes.
 */
import { isUnifiedProcessor, type ShikiConfig, type unified } from '@astrojs/markdown-remark';
import type { Pluggable, PluggableList } from 'unified';
import { loadMarkdownConfigNatively, type NativeMarkdownConfig } from './native-config.ts';
import type { RendererSettings } from './render-cache.ts';

/**
 * Astro also takes plugins by package name, which it imports itself; the loader takes only
 * imported plugins, and says so rather than render a page without one.
 */
export function importedPlugins(list: ReadonlyArray<unknown>, kind: string): PluggableList {
  return list.map((entry) => {
    const plugin = Array.isArray(entry) ? entry[0] : entry;
    if (typeof plugin !== 'function') {
      throw new Error(`scissors: the ${kind} plugin ${JSON.stringify(plugin)} is given by name; import it in astro.config and pass the function`);
    }
    return entry as Pluggable;
  });
}

type UnifiedProcessor = ReturnType<typeof unified>;

const isUnified = (processor: unknown): processor is UnifiedProcessor =>
  typeof processor === 'object' && processor !== null && typeof (processor as { name?: unknown }).name === 'string' && isUnifiedProcessor(processor as { name: string });

export interface SiteRendererSettings {
  /** astro.config's Markdown settings as Node loaded them (native-config.ts). */
  native: NativeMarkdownConfig;
  /** The processor to use when the native config has none (Astro's copy, loaded through Vite). */
  fallbackProcessor?: unknown;
  /** Astro's resolved Shiki settings (its defaults filled in); the native config's own values win. */
  shikiConfig: Partial<ShikiConfig>;
  /** Astro's `image` settings (which remote images a page collects). */
  image: unknown;
}

/** What the static renderers are made of: the site's plugins (imported, not named) and Shiki settings. */
export function siteRendererInputs(settings: Omit<SiteRendererSettings, 'image'>) {
  const { native } = settings;
  const nativeProcessor = 'markdown' in native ? native.markdown.processor : undefined;
  const processor = isUnified(nativeProcessor) ? nativeProcessor : settings.fallbackProcessor;
  if (!isUnified(processor)) throw new Error('scissors: markdown.processor must be unified() from @astrojs/markdown-remark');
  return {
    remarkPlugins: importedPlugins(processor.options.remarkPlugins, 'remark'),
    rehypePlugins: importedPlugins(processor.options.rehypePlugins, 'rehype'),
    remarkRehype: processor.options.remarkRehype,
    // Astro's resolved settings, with the native config's own functions (transformers) over them.
    shikiConfig: { ...settings.shikiConfig, ...('markdown' in native ? native.markdown.shikiConfig : {}) } as ShikiConfig,
  };
}

/** Both renderers, for a build (the docs loader, the quick rebuild). */
export async function createSiteRenderers(settings: SiteRendererSettings) {
  const { remarkPlugins, rehypePlugins, remarkRehype, shikiConfig } = siteRendererInputs(settings);
  // Loaded when a build renders pages; dev loads only the MDX one, at its first page.
  const [{ createStaticMdxRenderer }, { createStaticMarkdownRenderer }] = await Promise.all([import('./static-mdx-renderer.ts'), import('./static-markdown-renderer.ts')]);
  return {
    renderMdx: createStaticMdxRenderer({ remarkPlugins, rehypePlugins, shikiConfig }),
    // .md pages: Astro's Markdown pipeline, with Shiki's output cached per code block like MDX pages.
    renderMd: createStaticMarkdownRenderer({ remarkPlugins, rehypePlugins, remarkRehype, shikiConfig, image: settings.image }),
  };
}

export type SiteRenderers = Awaited<ReturnType<typeof createSiteRenderers>>;

/**
 * The renderers outside Astro (the quick rebuild, the page worker): astro.config loaded natively
 * from `root`, with Astro's resolved settings as the docs loader recorded them (render-cache.ts).
 * A string: why they cannot be made (then the caller leaves the pages to a build).
 */
export async function createRenderersOutsideAstro(root: string, settings: RendererSettings): Promise<SiteRenderers | string> {
  const native = await loadMarkdownConfigNatively(root);
  if (!('markdown' in native)) return native.reason;
  try {
    return await createSiteRenderers({ native, shikiConfig: settings.shikiConfig, image: settings.image });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
