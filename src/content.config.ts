import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from './integration/docs-loader.ts';

export const collections = {
  docs: defineCollection({
    // Builds render pages to HTML in the loader; dev renders them as Vite modules, so the
    // snippet watcher covers them (see docs-loader.ts).
    loader: docsLoader({ pattern: '**/*.{md,mdx}', base: './content/docs' }),
    schema: z.object({
      title: z.string(),
      description: z.string().optional(),
      /** Position in the sidebar; lower first, then by title. */
      order: z.number().optional(),
    }),
  }),
};
