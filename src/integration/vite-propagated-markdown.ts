/**
 * Dev: Astro imports each content page through a `?astroPropagatedAssets` wrapper module, whose
 * code Astro's content-assets transform writes from scratch. Astro's Markdown plugin still loads
 * that id as a page first, so every .md page (an MkDocs site's pages) went through the whole
 * Markdown pipeline, Shiki included, a second time on each load and each reload, for output that
 * was thrown away. The wrapper's id now loads as an empty module; its transform is unchanged.
 *
 * Astro's plugin comes first among the 'pre' plugins, so no load hook of ours runs before it:
 * its load hook is wrapped instead, when the config is resolved (before any module loads).
 */
import type { Plugin } from 'vite';

/** Markdown page ids (Astro's extensions) carrying the propagated-assets flag. */
export const PROPAGATED_MARKDOWN_ID = /\.(?:md|markdown|mdown|mdwn|mkdn|mkd)\?(?:[^#]*&)?astroPropagatedAssets(?:[&=]|$)/;

type LoadHandler = (this: unknown, id: string, ...rest: unknown[]) => unknown;

/** Make `plugin`'s load hook answer propagated Markdown ids with an empty module. */
export function skipPropagatedMarkdown(plugin: Plugin): boolean {
  const load = plugin.load as LoadHandler | { handler: LoadHandler } | undefined;
  if (!load) return false;
  const original = typeof load === 'function' ? load : load.handler;
  const handler: LoadHandler = function (id, ...rest) {
    return PROPAGATED_MARKDOWN_ID.test(id) ? { code: '' } : original.call(this, id, ...rest);
  };
  plugin.load = (typeof load === 'function' ? handler : { ...load, handler }) as Plugin['load'];
  return true;
}

export function propagatedMarkdownPlugin(): Plugin {
  return {
    name: 'scissors:propagated-markdown',
    apply: 'serve',
    configResolved(config) {
      const markdown = config.plugins.find((p) => p.name === 'astro:markdown');
      if (markdown) skipPropagatedMarkdown(markdown);
    },
  };
}
