/**
 * The one options schema of Scissors, validated with zod (from Astro) and read by the site,
 * the dev watcher and the CLI.
 */
import { z } from 'astro/zod';

/** Snippet options, as in pymdownx.snippets (camelCase) with safer defaults. */
export const snippetOptionsSchema = z.object({
  basePaths: z.array(z.string()).default(['.']),
  checkPaths: z.boolean().default(true),
  restrictBasePath: z.boolean().default(true),
  encoding: z.string().default('utf-8'),
  autoAppend: z.array(z.string()).default([]),
  dedentSubsections: z.boolean().default(false),
  tabLength: z.number().int().positive().default(4),
  urlDownload: z.boolean().default(false),
  urlAllowHosts: z.array(z.string()).default([]),
  urlMaxSize: z.number().int().nonnegative().default(32 * 1024 * 1024),
  urlTimeout: z.number().positive().default(10),
  /** URL → expected SHA-256 (hex) of its content. */
  urlPins: z.record(z.string(), z.string().regex(/^[0-9a-fA-F]{64}$/)).default({}),
  urlCacheDir: z.string().optional(),
  urlCacheMaxAge: z.number().nonnegative().default(24 * 60 * 60),
});

export const scissorsOptionsSchema = z.object({
  /** Project root; snippet base paths resolve against it (not against the working directory). */
  root: z.string(),
  siteTitle: z.string().default('Scissors'),
  /** Where the site is published (absolute URL); needed for the sitemap. */
  siteUrl: z.url().optional(),
  /** Where the sources live, for edit-this-page links and links from included blocks to their file. */
  repository: z
    .object({
      url: z.url(),
      branch: z.string().default('main'),
    })
    .optional(),
  snippets: snippetOptionsSchema.prefault({}),
  /** `npm run check`: external link policy and severities. */
  check: z
    .object({
      external: z
        .object({
          allowHttpHosts: z.array(z.string()).default([]),
          allow: z.array(z.string()).default([]),
          deny: z.array(z.string()).default([]),
          concurrency: z.number().int().positive().default(8),
          timeout: z.number().positive().default(10),
          retries: z.number().int().nonnegative().default(2),
          cacheTtl: z.number().nonnegative().default(24 * 60 * 60),
        })
        .prefault({}),
      /** Problem code → error, warning or off. */
      severity: z.record(z.string(), z.enum(['error', 'warning', 'off'])).default({}),
    })
    .prefault({}),
});

export type ScissorsOptionsInput = z.input<typeof scissorsOptionsSchema>;
export type ScissorsOptions = z.output<typeof scissorsOptionsSchema>;
