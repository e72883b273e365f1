/**
 * Wiring: the Markdown processor (our remark/rehype plugins and Shiki) and the Astro
 * integration (dev watcher). astro.config.mjs calls both with the same options.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import { SnippetExpander } from '../snippets/expand.ts';
import { scissorsRehypePlugins, scissorsRemarkPlugins, scissorsShikiConfig } from './plugins.ts';
import { resolveSnippetOptions } from '../snippets/options.ts';
import type { ScissorsOptions } from './options.ts';
import { describeSiteWarning, type SiteModel } from '../site/model.ts';
import { snippetReadTotals, registerReader } from './snippet-read-stats.ts';
import { snippetWatchPlugin } from './vite-snippet-watch.ts';
import { propagatedMarkdownPlugin } from './vite-propagated-markdown.ts';
import { mdxDevMapsPlugin } from './vite-mdx-dev-maps.ts';
import { devStaticMdxPlugin, staticMdxRenderFor } from './vite-dev-static-mdx.ts';
import type { PageSite } from './plugins.ts';
import { siteBase } from '../site/astro-settings.ts';
import { pagesOutsideNav } from '../site/nav.ts';
import { sitePages } from '../site/pages.ts';
import { docsFilesPlugin, publishDocsFiles } from './docs-files.ts';
import { diagramsPlugin } from './vite-diagrams.ts';
import { cachedHighlightingForDev } from './dev-highlighting.ts';

/** What the Markdown pipeline needs of a site: the site model, or (tests, benchmarks) native options. */
export type MarkdownSite = Pick<ScissorsOptions, 'root' | 'snippets' | 'repository' | 'siteUrl'> &
  Partial<Pick<SiteModel, 'markdown' | 'docsDir' | 'urlStyle' | 'directoryUrls' | 'pagePattern' | 'reader' | 'warnings' | 'unpublished' | 'nav'>>;

export function createExpander(options: Pick<MarkdownSite, 'root' | 'snippets'>): SnippetExpander {
  const expander = new SnippetExpander(resolveSnippetOptions(options.root, options.snippets));
  registerReader(expander.reader);
  return expander;
}

/** The `markdown` block of the Astro config. */
/** Set by `npm run check` for its own build: keep going on snippet errors, record source positions. */
export const isCheckBuild = () => process.env.SCISSORS_CHECK_BUILD === '1';

export function scissorsMarkdown(options: MarkdownSite, expander: SnippetExpander = createExpander(options)): NonNullable<AstroUserConfig['markdown']> {
  const check = isCheckBuild();
  const site = pageSiteOf(options);
  return {
    processor: unified({
      // Material renders quotes and dashes as written; so do we (and included text matches the page).
      smartypants: false,
      remarkPlugins: scissorsRemarkPlugins({ expander, root: options.root, check, markdown: options.markdown, site, base: siteBase(options.siteUrl) }) as never,
      rehypePlugins: scissorsRehypePlugins({ root: options.root, check, markdown: options.markdown }) as never,
    }),
    syntaxHighlight: 'shiki',
    shikiConfig: scissorsShikiConfig(options.repository, options.markdown),
  };
}

/** The site's pages, for the plugins that turn links to page files into page URLs. */
function pageSiteOf(options: MarkdownSite): PageSite | undefined {
  if (!options.docsDir) return undefined;
  return { docsDir: options.docsDir, urlStyle: options.urlStyle ?? 'slug', directoryUrls: options.directoryUrls ?? true, pagePattern: options.pagePattern ?? '**/*.{md,mdx}' };
}

/** Vite's per-environment setting to transform a module's static imports as soon as the module is. */
const preTransform = () => ({ dev: { preTransformRequests: true } });

export function scissors(options: MarkdownSite, expander?: SnippetExpander): AstroIntegration {
  return {
    name: 'scissors',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger, command }) => {
        // What the site's configuration asked for and Scissors skips: said once, at its place.
        for (const warning of options.warnings ?? []) logger.warn(describeSiteWarning(warning));
        const mkdocs = options.reader === 'mkdocs' && options.docsDir;
        const site = pageSiteOf(options);
        if (site && options.nav) {
          // As MkDocs does: built anyway, and named once.
          const outside = pagesOutsideNav({ nav: options.nav }, sitePages(site));
          if (outside.length) logger.info(`${outside.length} pages are not in nav and are built anyway: ${outside.join(', ')}`);
        }
        // Dev re-renders a page on every save of a file it includes: its code blocks come from a cache.
        const devMarkdown = command === 'dev' ? cachedHighlightingForDev(config.markdown) : undefined;
        // Dev renders the pages a build renders statically with the build's static renderer.
        const devStaticRender = command === 'dev' ? staticMdxRenderFor(config.markdown) : undefined;
        updateConfig({
          ...(devMarkdown ? { markdown: devMarkdown } : {}),
          // Pages are cheap to render and mostly wait on file writes: eight at a time saved
          // 0.6–1 s of a 1000-page build (BENCHMARKS.md). A site that set its own value keeps it.
          ...(config.build.concurrency === 1 ? { build: { concurrency: 8 } } : {}),
          vite: {
            // Vite's dependency cache, per site and per command: Astro puts every site's in this
            // package's node_modules/.vite, so each build or dev start after another site's (or after
            // the other command) found the config changed and re-optimised the dependencies.
            cacheDir: path.join(fileURLToPath(config.cacheDir), 'vite', command),
            // When a Vite server transforms a module for Node, it starts transforming the modules that
            // module imports at once, as Vite does for the browser, instead of one at a time as the
            // code reaches each import. Loading the content config (Astro's 'astro' environment: the
            // docs loader and its Markdown pipeline, in a build's content sync too) and dev's first
            // page ('ssr') were waterfalls of hundreds of transforms, ~40 % of them idle: ~0.5 s of a
            // build, ~0.6 s of dev's first page (BENCHMARKS.md).
            environments: { ssr: preTransform(), astro: preTransform() },
            plugins: [
              snippetWatchPlugin(),
              propagatedMarkdownPlugin(),
              mdxDevMapsPlugin(),
              ...(devStaticRender ? [devStaticMdxPlugin(devStaticRender, fileURLToPath(new URL('pages/', config.srcDir)))] : []),
              diagramsPlugin(),
              ...(mkdocs && options.docsDir ? [docsFilesPlugin(options.docsDir, siteBase(options.siteUrl), options.unpublished)] : [])],
            build: {
              rollupOptions: {
                // Every MDX module carries Astro's "use astro:head-inject" directive, which the
                // bundler warns about once per page; the warning is Astro's own and harmless.
                onwarn(warning: { code?: string; message: string }, warn: (log: never) => void) {
                  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
                  warn(warning as never);
                },
              },
            },
          },
        });
      },
      'astro:build:done': ({ logger, dir }) => {
        if (options.reader === 'mkdocs' && options.docsDir) {
          const copied = publishDocsFiles(options.docsDir, fileURLToPath(dir), options.unpublished);
          logger.info(`published ${copied} files from the docs folder (media, stylesheets, scripts)`);
        }
        // Each expander reads an included file once, however many pages include it; the docs
        // loader renders with its own (native-config.ts), so count them all.
        if (!expander) return;
        const { reads, paths } = snippetReadTotals();
        logger.info(`snippets: ${reads} file reads, ${paths.length} distinct files`);
      },
    },
  };
}

/** Everything astro.config.mjs needs, sharing one snippet engine (and its file cache). */
export function createScissors(options: MarkdownSite): { markdown: NonNullable<AstroUserConfig['markdown']>; integration: AstroIntegration } {
  const expander = createExpander(options);
  return { markdown: scissorsMarkdown(options, expander), integration: scissors(options, expander) };
}
