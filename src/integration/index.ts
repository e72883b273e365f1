/**
 * Wiring: the Markdown processor (our remark/rehype plugins and Shiki) and the Astro
 * integration (dev watcher). astro.config.mjs calls both with the same options.
 */
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import { SnippetExpander } from '../snippets/expand.ts';
import { scissorsRehypePlugins, scissorsRemarkPlugins, scissorsShikiConfig } from './plugins.ts';
import { resolveSnippetOptions } from '../snippets/options.ts';
import { scissorsOptionsSchema, type ScissorsOptions, type ScissorsOptionsInput } from './options.ts';
import { snippetReadTotals, registerReader } from './snippet-read-stats.ts';
import { snippetWatchPlugin } from './vite-snippet-watch.ts';

export function parseScissorsOptions(input: ScissorsOptionsInput): ScissorsOptions {
  return scissorsOptionsSchema.parse(input);
}

export function createExpander(options: ScissorsOptions): SnippetExpander {
  const expander = new SnippetExpander(resolveSnippetOptions(options.root, options.snippets));
  registerReader(expander.reader);
  return expander;
}

/** The `markdown` block of the Astro config. */
/** Set by `npm run check` for its own build: keep going on snippet errors, record source positions. */
export const isCheckBuild = () => process.env.SCISSORS_CHECK_BUILD === '1';

export function scissorsMarkdown(options: ScissorsOptions, expander: SnippetExpander = createExpander(options)): NonNullable<AstroUserConfig['markdown']> {
  const check = isCheckBuild();
  return {
    processor: unified({
      // Material renders quotes and dashes as written; so do we (and included text matches the page).
      smartypants: false,
      remarkPlugins: scissorsRemarkPlugins({ expander, root: options.root, check }) as never,
      rehypePlugins: scissorsRehypePlugins({ root: options.root, check }) as never,
    }),
    syntaxHighlight: 'shiki',
    shikiConfig: scissorsShikiConfig(options.repository),
  };
}

export function scissors(options: ScissorsOptions, expander?: SnippetExpander): AstroIntegration {
  return {
    name: 'scissors',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({
          // Pages are cheap to render and mostly wait on file writes: eight at a time saved
          // 0.6–1 s of a 1000-page build (BENCHMARKS.md). A site that set its own value keeps it.
          ...(config.build.concurrency === 1 ? { build: { concurrency: 8 } } : {}),
          vite: {
            plugins: [snippetWatchPlugin()],
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
      'astro:build:done': ({ logger }) => {
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
export function createScissors(options: ScissorsOptions): { markdown: NonNullable<AstroUserConfig['markdown']>; integration: AstroIntegration } {
  const expander = createExpander(options);
  return { markdown: scissorsMarkdown(options, expander), integration: scissors(options, expander) };
}
