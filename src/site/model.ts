/**
 * The site model: everything Scissors needs to know about a site, described once. Two readers
 * produce it (scissors.config.ts in ./native.ts, mkdocs.yml in ../mkdocs/config.ts); the loader,
 * the layout, the checker and the CLI consume only this. Plain data, no behaviour beyond
 * defaults, so it can cross a process boundary as JSON.
 */
import { z } from 'astro/zod';
import { scissorsOptionsSchema, snippetOptionsSchema } from '../integration/options.ts';

/** A place in a source file, for warnings about the configuration or a page. */
export const sourcePlaceSchema = z.object({ file: z.string(), line: z.number().int().positive().optional() });

export const siteWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  place: sourcePlaceSchema.optional(),
});
export type SiteWarning = z.output<typeof siteWarningSchema>;

/** A warning as the build log says it: `file:line CODE: message`. */
export function describeSiteWarning(warning: SiteWarning): string {
  const where = warning.place ? `${warning.place.file}${warning.place.line ? `:${warning.place.line}` : ''} ` : '';
  return `${where}${warning.code}: ${warning.message}`;
}

/** One nav entry: a page (by its source path under docsDir), an external link, or a section. */
/** `line`: where the entry is written in the config file, for the checker's reports. */
export type NavItem =
  | { kind: 'page'; title?: string; source: string; line?: number }
  | { kind: 'link'; title: string; href: string; newTab: boolean; line?: number }
  | { kind: 'section'; title: string; children: NavItem[] };

export const navItemSchema: z.ZodType<NavItem> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal('page'), title: z.string().optional(), source: z.string(), line: z.number().optional() }),
    z.object({ kind: z.literal('link'), title: z.string(), href: z.string(), newTab: z.boolean(), line: z.number().optional() }),
    z.object({ kind: z.literal('section'), title: z.string(), children: z.array(navItemSchema) }),
  ]),
);

/** Markdown options the plugins read (defaults are the native site's behaviour). */
export const markdownOptionsSchema = z.object({
  /** How heading and tab ids are made: GitHub's slugger (native) or Python-Markdown's toc slugify. */
  headingIds: z.enum(['github', 'python-markdown']).default('github'),
  /** Deepest heading level shown in the table of contents (toc_depth). */
  tocDepth: z.number().int().min(1).max(6).default(3),
  /** Permalinks on headings. */
  permalinks: z.boolean().default(true),
  /** Line numbers on every code block (pymdownx.highlight linenums). */
  lineNumbers: z.boolean().default(false),
  /** Fences rendered as diagrams by a client library: language name → class on the <pre>. */
  diagramFences: z.array(z.object({ name: z.string(), className: z.string() })).default([{ name: 'mermaid', className: 'mermaid' }]),
  /** Code annotations on every code block (Material's content.code.annotate). */
  annotateCode: z.boolean().default(false),
  /** Icon and emoji shortcodes (pymdownx.emoji). */
  emoji: z.boolean().default(true),
  /** Tabs with the same label switch together across the site (content.tabs.link). */
  linkedTabs: z.boolean().default(true),
});
export type MarkdownOptions = z.output<typeof markdownOptionsSchema>;

export const paletteSchemeSchema = z.object({
  scheme: z.enum(['light', 'dark']),
  primary: z.string().optional(),
  accent: z.string().optional(),
  toggleIcon: z.string().optional(),
  toggleName: z.string().optional(),
});

export const siteModelSchema = z.object({
  /** Which reader produced it. */
  reader: z.enum(['scissors', 'mkdocs']),
  /** The config file read (absolute). */
  configFile: z.string(),
  /** Project root (absolute): the config file's folder; snippet base paths resolve against it. */
  root: z.string(),
  /** Where the pages are (absolute). */
  docsDir: z.string(),
  /** Which files under docsDir are pages. */
  pagePattern: z.string().default('**/*.{md,mdx}'),
  /** Folders under docsDir that are not content and are not published (a theme's custom_dir). */
  unpublished: z.array(z.string()).default([]),
  /** Where the built site goes (absolute). */
  outDir: z.string(),
  /** Page URLs: Astro-style slugged ids (native) or MkDocs' rules (file name kept, index/README → folder). */
  urlStyle: z.enum(['slug', 'mkdocs']).default('slug'),
  /** `/x/` (true) or `/x.html` (false), MkDocs' use_directory_urls. */
  directoryUrls: z.boolean().default(true),
  title: z.string(),
  description: z.string().optional(),
  /** Absolute URL the site is published at (sitemap, canonical links). */
  siteUrl: z.url().optional(),
  repository: z
    .object({
      url: z.url(),
      branch: z.string().default('main'),
      /** Edit link base (MkDocs' edit_uri resolved against repo_url), ending in `/`; pages' paths relative to docsDir are appended. */
      editBase: z.string().optional(),
      /** Repository path of docsDir (for edit links of native sites). */
      docsPath: z.string().optional(),
    })
    .optional(),
  /** Footer text; may hold HTML entities and tags, as MkDocs' copyright does. */
  copyright: z.string().optional(),
  /** Explicit navigation; absent: every page, ordered by `order` then title. */
  nav: z.array(navItemSchema).optional(),
  theme: z
    .object({
      palette: z.array(paletteSchemeSchema).default([]),
      /** Logo and favicon: paths under docsDir (MkDocs) or public/ (native), or URLs. */
      logo: z.string().optional(),
      favicon: z.string().optional(),
      features: z.array(z.string()).default([]),
    })
    .prefault({}),
  markdown: markdownOptionsSchema.prefault({}),
  snippets: snippetOptionsSchema.prefault({}),
  /** Stylesheets and scripts of the site, relative to docsDir or URLs. */
  extraCss: z.array(z.string()).default([]),
  extraJs: z.array(z.string()).default([]),
  search: z.boolean().default(true),
  lastUpdated: z.boolean().default(true),
  /** llms.txt and llms-full.txt (mkdocs-llmstxt's `sections`: title → page sources). */
  llmsTxt: z
    .object({
      description: z.string().optional(),
      sections: z.record(z.string(), z.array(z.string())),
      fullOutput: z.string().default('llms-full.txt'),
    })
    .optional(),
  /** Footer links (MkDocs' extra.social): an icon name as in pymdownx.emoji's sets, a URL, a label. */
  social: z.array(z.object({ icon: z.string(), link: z.string(), name: z.string().optional() })).default([]),
  /** `scissors check`: external link policy and severities. */
  check: scissorsOptionsSchema.shape.check,
  /** What the reader did not understand and skipped, each said once with its place. */
  warnings: z.array(siteWarningSchema).default([]),
});

export type SiteModelInput = z.input<typeof siteModelSchema>;
export type SiteModel = z.output<typeof siteModelSchema>;

export function parseSiteModel(input: SiteModelInput): SiteModel {
  return siteModelSchema.parse(input);
}
