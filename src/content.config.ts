import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  docs: defineCollection({
    // deferRender: entries render through Vite modules, so the snippet watcher covers them
    // and a cached render never hides a changed include.
    loader: glob({ pattern: '**/*.{md,mdx}', base: './content/docs', deferRender: true }),
    schema: z.object({
      title: z.string(),
      description: z.string().optional(),
      /** Position in the sidebar; lower first, then by title. */
      order: z.number().optional(),
    }),
  }),
};
