import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from './integration/docs-loader.ts';
import { currentSite } from './site/current.ts';

const site = currentSite();

export const collections = {
  docs: defineCollection({
    // Builds render pages to HTML in the loader; dev renders them as Vite modules, so the
    // snippet watcher covers them (see docs-loader.ts).
    loader: docsLoader({ pattern: site.pagePattern, base: site.docsDir, site }),
    schema: z.object({
      /** Absent: the nav's title, else the page's first heading, else its file name (as MkDocs). */
      title: z.string().optional(),
      description: z.string().optional(),
      /** Position in the sidebar; lower first, then by title. */
      order: z.number().optional(),
      /** MkDocs Material: `hide: [navigation, toc, footer]`. */
      hide: z.array(z.string()).optional(),
    }).passthrough(),
  }),
};
