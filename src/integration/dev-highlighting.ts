/**
 * `astro dev`: code blocks highlighted by rehype-shiki-cached instead of Astro's own rehype-shiki.
 * A page re-renders each time a file it includes is saved, and Astro's highlighter tokenizes every
 * block of it again (a fifth of the re-render of /security/); the cached one copies a block it
 * has highlighted before. Same options and place in the pipeline (the first rehype plugin, right
 * after remark-rehype), so the same output. Builds leave Astro's setting alone: their pages are
 * rendered by the docs loader, which adds this plugin itself when the config says 'shiki'.
 */
import { isUnifiedProcessor, unified, type MarkdownProcessor, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import rehypeShikiCached from '../markdown/rehype-shiki-cached.ts';

export interface DevHighlighting {
  syntaxHighlight: false;
  processor: MarkdownProcessor<UnifiedResolvedOptions>;
}

/**
 * The config change that turns Astro's highlighter off and puts the cached one first among the
 * rehype plugins, in a new processor made by `unified()` from the site's options. The site's own
 * processor is left as it is (its config module may hand it to others, and a restarted dev server
 * applies this again). Undefined when the site highlights otherwise.
 */
export function cachedHighlightingForDev(markdown: AstroConfig['markdown']): DevHighlighting | undefined {
  const { processor, syntaxHighlight, shikiConfig } = markdown;
  if (syntaxHighlight !== 'shiki' || !isUnifiedProcessor(processor)) return undefined;
  const { options } = processor;
  return { syntaxHighlight: false, processor: unified({ ...options, rehypePlugins: [[rehypeShikiCached, shikiConfig], ...options.rehypePlugins] }) };
}
