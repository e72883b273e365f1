/**
 * `astro dev`: code blocks highlighted by rehype-shiki-cached instead of Astro's own rehype-shiki.
 * A page re-renders each time a file it includes is saved, and Astro's highlighter tokenizes every
 * block of it again (a fifth of the re-render of /security/); the cached one copies a block it
 * has highlighted before. Same options and place in the pipeline (the first rehype plugin, right
 * after remark-rehype), so the same output. Builds leave Astro's setting alone: their pages are
 * rendered by the docs loader, which adds this plugin itself when the config says 'shiki'.
 */
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import rehypeShikiCached from '../markdown/rehype-shiki-cached.ts';

/**
 * Puts the cached highlighter first among the processor's rehype plugins and returns the config
 * change that turns Astro's off; undefined (and nothing changed) when the site highlights otherwise.
 */
export function cachedHighlightingForDev(markdown: AstroConfig['markdown']): { syntaxHighlight: false } | undefined {
  const { processor, syntaxHighlight, shikiConfig } = markdown;
  if (syntaxHighlight !== 'shiki' || !isUnifiedProcessor(processor)) return undefined;
  const plugins = processor.options.rehypePlugins;
  const first = plugins[0];
  if ((Array.isArray(first) ? first[0] : first) !== rehypeShikiCached) plugins.unshift([rehypeShikiCached, shikiConfig] as never);
  return { syntaxHighlight: false };
}
