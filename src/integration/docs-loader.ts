/**
 * The docs collection's loader. In `astro dev` it is Astro's glob loader with deferred rendering,
 * so every page is a Vite module and live snippet inclusion works through the module graph (see
 * vite-snippet-watch). In a build it renders each page to HTML itself, with the site's own
 * Markdown processor, and stores the HTML: no compiled module per page, which is what keeps a
 * 1000-page build fast and small (BENCHMARKS.md). Pages that need MDX's runtime (imports,
 * expressions, components) are left to Astro's MDX integration, exactly as in dev.
 */
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isUnifiedProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { forgetDependencies, recordDependencies, recordedDependencies } from './dependency-registry.ts';
import { loadMarkdownConfigNatively, type NativeMarkdownConfig } from './native-config.ts';
import { createSiteRenderers } from './site-renderers.ts';
import { PageHtmlWriter, type StoredPageMetadata } from './page-html-store.ts';
import { renderPage, type PageRender } from './render-page.ts';
import { WorkerLink, workerExecArgv } from '../parallel/worker-link.ts';
import { pageWorkerMode, workerDecision } from '../parallel/worker-decision.ts';
import { RENDER_CACHE_FOLDER, RenderCache, renderCacheEnabled, renderCacheKey, type RendererSettings } from './render-cache.ts';
import type { SiteModel } from '../site/model.ts';
import { resolveSnippetOptions, type SnippetOptions } from '../snippets/options.ts';
import { DIAGRAM_PAGE_KEY, noteDiagramRendered } from '../markdown/diagram-flag.ts';
import { pageFor, sitePages, slugId } from '../site/pages.ts';

export interface DocsLoaderOptions {
  /** Glob of page files, relative to `base`. */
  pattern: string;
  /** Folder of the pages, relative to the project root (or absolute). */
  base: string;
  /** How page URLs are made (site model); absent: Astro's slugged ids. */
  site?: Pick<SiteModel, 'urlStyle' | 'directoryUrls' | 'docsDir' | 'pagePattern'>;
}

/** A page's id: MkDocs' URL rules on MkDocs sites, Astro's glob ids otherwise. */
function idFor(options: DocsLoaderOptions, relativePath: string, data: Record<string, unknown>): string {
  return options.site?.urlStyle === 'mkdocs' ? pageFor(options.site, relativePath).id : entryId(relativePath, data);
}

/** The same ids as Astro's glob loader: slugged path segments, `dir/index` → `dir`, or `slug` from front matter. */
export function entryId(relativePath: string, data: Record<string, unknown>): string {
  if (typeof data.slug === 'string' || typeof data.slug === 'number') return String(data.slug);
  return slugId(relativePath);
}

/** Build-time rendering can be turned off to compare both paths (tests) or to debug. */
export const staticRenderingEnabled = (context: Pick<LoaderContext, 'watcher'>) =>
  context.watcher === undefined && process.env.SCISSORS_RENDER !== 'modules';

/**
 * Why the loader cannot render the way Astro's MDX integration would, if it cannot: then every
 * page is rendered as a module, exactly as before.
 */
export function staticRenderingUnsupported(markdown: LoaderContext['config']['markdown']): string | undefined {
  const { processor, syntaxHighlight } = markdown;
  if (!isUnifiedProcessor(processor)) return 'markdown.processor is not unified() from @astrojs/markdown-remark';
  const highlighter = typeof syntaxHighlight === 'object' && syntaxHighlight ? syntaxHighlight : { type: syntaxHighlight, excludeLangs: undefined };
  if (highlighter.type !== 'shiki') return `syntax highlighting is ${JSON.stringify(highlighter.type)}, not Shiki`;
  if (highlighter.excludeLangs?.length) return 'syntaxHighlight.excludeLangs is set';
  // Astro's MDX defaults: GFM on, smart punctuation on.
  if ((markdown.gfm ?? processor.options.gfm ?? true) !== true) return 'GFM is turned off';
  if ((markdown.smartypants ?? processor.options.smartypants ?? true) !== false) return 'smart punctuation (smartypants) is on';
  return undefined;
}

/** Plain data (what JSON keeps: an undefined property is as good as an absent one). */
function isPlainData(value: unknown): boolean {
  if (value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainData);
}

/**
 * Astro's resolved settings the renderers take, as JSON, without what the native config sets
 * itself (its values win); null when JSON would lose part of them.
 */
function rendererSettings(context: LoaderContext, native: NativeMarkdownConfig): RendererSettings | null {
  const ownShiki = 'markdown' in native ? Object.keys(native.markdown.shikiConfig ?? {}) : [];
  const shikiConfig = Object.fromEntries(Object.entries(context.config.markdown.shikiConfig).filter(([key]) => !ownShiki.includes(key)));
  const settings = { shikiConfig, image: context.config.image };
  return isPlainData(settings) ? (JSON.parse(JSON.stringify(settings)) as RendererSettings) : null;
}

/** The site's snippet base paths, absolute, as the snippet engine resolves them (the site model astro.config.mjs published). */
function snippetBasePaths(root: string): string[] {
  try {
    const site = JSON.parse(process.env.SCISSORS_SITE_JSON ?? '{}') as { root?: string; snippets?: Partial<SnippetOptions> };
    return resolveSnippetOptions(site.root ?? root, site.snippets).basePaths;
  } catch {
    return [root];
  }
}

/**
 * The image files a page Astro renders shows (its images are optimised into the output), as paths
 * that can be hashed; undefined when one is remote or not a file beside the page as written (an
 * alias): then what the page depends on is not known, and the page is not noted.
 */
export function imageFiles(page: string, imagePaths: string[]): string[] | undefined {
  const files: string[] = [];
  for (const written of imagePaths) {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(written)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURI(written.split(/[?#]/)[0] ?? written);
    } catch {
      return undefined;
    }
    const file = path.resolve(path.dirname(page), decoded);
    if (!existsSync(file)) return undefined;
    files.push(file);
  }
  return files;
}

/** A page as the loader read it. */
interface PageEntry {
  relative: string;
  absolute: string;
  filePath: string;
  text: string;
  frontmatter: Record<string, unknown>;
  content: string;
  rawFrontmatter: string;
  id: string;
  data: Record<string, unknown>;
  cached: ReturnType<RenderCache['lookup']>;
}

type RenderedPage = Extract<PageRender, { kind: 'html' }>;

/** A parse error names the page (micromark's messages carry only the line and column). */
function located(error: unknown, filePath: string): unknown {
  if (!(error instanceof Error) || error.message.includes(filePath)) return error;
  const place = error as Error & { line?: number; column?: number };
  const where = place.line ? `${filePath}:${place.line}:${place.column ?? 1}` : filePath;
  return new Error(`${where} ${error.message}`, { cause: error });
}

export function docsLoader(options: DocsLoaderOptions): Loader {
  const shadowedNote = (context: LoaderContext, files: string[]) => {
    if (options.site?.urlStyle !== 'mkdocs') return new Set<string>();
    const { shadowed } = sitePages(options.site, files);
    for (const { source, by } of shadowed) context.logger.info(`${source} has the same URL as ${by}; ${by} is built there (as MkDocs does)`);
    return new Set(shadowed.map((s) => s.source));
  };
  // A page shadowed by another at its URL (x.md beside x/index.md) is not loaded in dev either.
  const shadowedInDev = options.site?.urlStyle === 'mkdocs' ? sitePages(options.site).shadowed.map((s) => `!${s.source}`) : [];
  const devLoader = glob({
    pattern: shadowedInDev.length ? [options.pattern, ...shadowedInDev] : options.pattern,
    base: options.base,
    deferRender: true,
    generateId: ({ entry, data }) => idFor(options, entry.split(path.sep).join('/'), data),
  });
  return {
    name: 'scissors-docs',
    async load(context) {
      if (!staticRenderingEnabled(context)) return devLoader.load(context);
      const unsupported = staticRenderingUnsupported(context.config.markdown);
      if (unsupported) {
        context.logger.info(`every page is rendered as an MDX module: ${unsupported}`);
        return devLoader.load(context);
      }
      const started = performance.now();
      const root = fileURLToPath(context.config.root);
      const baseDir = path.resolve(root, options.base);
      const allFiles = (await Array.fromAsync(fs.glob(options.pattern, { cwd: baseDir }))).map((f) => f.split(path.sep).join('/')).sort();
      const shadowed = shadowedNote(context, allFiles);
      const files = allFiles.filter((f) => !shadowed.has(f) && !f.split('/').some((part) => part.startsWith('.')));

      const native = await loadMarkdownConfigNatively(root);
      const nativeRenderers = 'markdown' in native && isUnifiedProcessor(native.markdown.processor ?? { name: '' });
      if (!nativeRenderers) {
        const reason = 'reason' in native ? native.reason : 'its markdown.processor is not unified()';
        context.logger.info(`rendering with the config as Vite loaded it (slower): ${reason}`);
      }
      // What rendering outside Astro (the quick rebuild, the page worker) needs to render as this
      // loader does; null when it cannot (the config not loaded natively, Astro's settings not data).
      const outsideSettings = nativeRenderers ? rendererSettings(context, native) : null;
      const { renderMdx, renderMd } = await createSiteRenderers({
        native,
        fallbackProcessor: context.config.markdown.processor,
        shikiConfig: context.config.markdown.shikiConfig,
        image: context.config.image,
      });
      const htmlStore = new PageHtmlWriter(fileURLToPath(context.config.cacheDir));
      // Pages unchanged since the last build, with every file they read, are reused (render-cache.ts).
      const cache = renderCacheEnabled()
        ? RenderCache.open(
            path.join(fileURLToPath(context.config.cacheDir), RENDER_CACHE_FOLDER),
            renderCacheKey({
              packageRoot: path.resolve(import.meta.dirname, '../..'),
              siteJson: process.env.SCISSORS_SITE_JSON ?? '',
              markdown: context.config.markdown,
              docsDir: baseDir,
              contentFolders: [...new Set([path.join(root, 'overrides/.icons'), path.join(baseDir, 'overrides/.icons')])],
            }),
            { basePaths: snippetBasePaths(root) },
          )
        : undefined;
      if (cache) {
        cache.settings = outsideSettings;
        cache.sitePages = files;
      }
      const ids = new Map<string, string>();
      let modules = 0;
      // SCISSORS_PAGE_TIMES=1: the slowest pages of the loader, for profiling.
      const pageTimes: Array<[string, number]> | undefined = process.env.SCISSORS_PAGE_TIMES ? [] : undefined;

      // 1. Every page read, its front matter validated, and looked up in the render cache, in order.
      const entries: PageEntry[] = [];
      for (const relative of files) {
        const absolute = path.join(baseDir, relative);
        const filePath = path.relative(root, absolute).split(path.sep).join('/');
        // Synchronous: a thousand small awaited reads leave the thread idle between pages.
        const text = readFileSync(absolute, 'utf8');
        // Blank (not remove) the front matter, so positions in messages are the file's own lines.
        const { frontmatter, content, rawFrontmatter } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
        const id = idFor(options, relative, frontmatter);
        const clash = ids.get(id);
        if (clash) throw new Error(`scissors: ${filePath} and ${clash} both have the id "${id}"`);
        ids.set(id, filePath);
        const data = await context.parseData({ id, data: frontmatter, filePath });
        entries.push({ relative, absolute, filePath, text, frontmatter, content, rawFrontmatter, id, data, cached: cache?.lookup(relative, text) });
      }

      // 2. The pages not reused rendered: by this loader from the first and, on a site of slow pages,
      // by a page worker from the last (worker-decision.ts). Each is stored (3, below) as soon as it
      // and every page before it are, in the order of the pages.
      const todo = entries.filter((entry) => !entry.cached);
      const renderHere = async (entry: PageEntry): Promise<PageRender> => {
        const began = performance.now();
        try {
          // SCISSORS_MD_RENDERER=astro: Astro's renderMarkdown for every page (comparisons, debugging).
          if (process.env.SCISSORS_MD_RENDERER === 'astro' && entry.relative.endsWith('.md')) return { kind: 'needs-astro', warnings: [] };
          return await renderPage({ renderMd, renderMdx }, entry.absolute, entry.content, entry.frontmatter);
        } catch (error) {
          throw entry.relative.endsWith('.md') ? error : located(error, entry.filePath);
        } finally {
          pageTimes?.push([entry.relative, performance.now() - began]);
        }
      };
      const workerMode = pageWorkerMode();
      const canShare = outsideSettings !== null && process.env.SCISSORS_MD_RENDERER !== 'astro';
      const startWorker = (from: number) =>
        new WorkerLink({
          argv: [...workerExecArgv(process.execArgv), path.resolve(import.meta.dirname, '../../bin/scissors.mjs')],
          cacheDir: fileURLToPath(context.config.cacheDir),
          settings: outsideSettings as RendererSettings,
          root,
          base: baseDir,
          pages: todo.slice(from).map((entry) => entry.relative),
        });
      let link = canShare && workerMode === 'on' ? startWorker(0) : undefined;
      // Said in the log: why there is no worker, or when it started.
      let workerNote = canShare || workerMode === 'off' ? '' : 'not possible: the renderers cannot be made outside Astro';
      let decided = workerMode !== 'auto' || !canShare;
      // 3. A page stored: its HTML beside the content store, its entry, its render-cache entry.
      const keep = (entry: PageEntry, page: Omit<RenderedPage, 'kind'>, dependencies: Set<string> | undefined) => {
        if (page.frontmatter[DIAGRAM_PAGE_KEY] === true) noteDiagramRendered();
        // One copy of the bytes for the page file and the render cache.
        const bytes = Buffer.from(page.html, 'utf8');
        const metadata: StoredPageMetadata = { headings: page.headings, frontmatter: page.frontmatter, scissorsHtml: htmlStore.add(bytes) };
        context.store.set({ id: entry.id, data: entry.data, filePath: entry.filePath, rendered: { html: '', metadata } });
        const { headings, frontmatter, warnings } = page;
        cache?.store(entry.relative, entry.text, dependencies, { html: bytes, headings, frontmatter, warnings }, { id: entry.id, rawFrontmatter: entry.rawFrontmatter });
      };
      const storeEntry = async (entry: PageEntry, render: PageRender | undefined) => {
        const { relative, absolute, filePath, text, content, rawFrontmatter, id, data, cached } = entry;
        if (cached) {
          for (const warning of cached.warnings) console.warn(warning);
          if (cached.frontmatter[DIAGRAM_PAGE_KEY] === true) noteDiagramRendered();
          recordDependencies(absolute, cached.dependencies);
          const metadata: StoredPageMetadata = { headings: cached.headings, frontmatter: cached.frontmatter, scissorsHtml: htmlStore.add(cached.html) };
          context.store.set({ id, data, filePath, rendered: { html: '', metadata } });
          return;
        }
        if (!render) throw new Error(`scissors: ${filePath} was not rendered`);
        if (render.kind === 'needs-runtime') {
          for (const warning of render.warnings) console.warn(warning);
          modules++;
          context.logger.info(`${filePath} ${render.reason}: rendered as an MDX module`);
          context.store.set({ id, data, filePath, deferredRender: true });
          return;
        }
        if (render.kind === 'needs-astro') {
          // A Markdown page with images: Astro's own renderMarkdown, which resolves them (and warns itself).
          forgetDependencies(absolute);
          const rendered = await context.renderMarkdown(content, { fileURL: pathToFileURL(absolute) });
          const imagePaths = rendered.metadata?.imagePaths ?? [];
          const read = recordedDependencies(absolute);
          if (imagePaths.length > 0) {
            context.store.set({ id, data, filePath, rendered, assetImports: imagePaths });
            const images = imageFiles(absolute, imagePaths);
            cache?.noteAstroRendered(relative, text, read && images && [...read, ...images], { id, rawFrontmatter });
          } else {
            const { headings = [], frontmatter = {} } = rendered.metadata ?? {};
            keep(entry, { html: rendered.html, headings, frontmatter, warnings: render.warnings, dependencies: undefined }, read);
          }
          return;
        }
        for (const warning of render.warnings) console.warn(warning);
        // Rendered here, the snippet stage recorded what the page read; by the worker, it is recorded now.
        keep(entry, render, render.dependencies ? recordDependencies(absolute, render.dependencies) : undefined);
      };

      // Each page stored as soon as it and every page before it are rendered: a page's HTML is held
      // as a string only until then (the worker's pages, at the end of the list, come last).
      const renders = new Map<PageEntry, PageRender>();
      let stored = 0;
      const storeReady = async () => {
        for (let entry = entries[stored]; entry && (entry.cached || renders.has(entry)); entry = entries[stored]) {
          await storeEntry(entry, renders.get(entry));
          renders.delete(entry);
          stored++;
        }
      };
      const theirs: PageEntry[] = [];
      const loopStarted = performance.now();
      let renderedHere = 0;
      try {
        for (const [index, entry] of todo.entries()) {
          if (link && !(await link.claim(entry.relative))) {
            theirs.push(entry);
            continue;
          }
          renders.set(entry, await renderHere(entry));
          await storeReady();
          renderedHere++;
          if (!decided) {
            const decision = workerDecision(performance.now() - loopStarted, renderedHere, todo.length - index - 1);
            if (decision) {
              decided = true;
              workerNote = decision.why ?? '';
              if (decision.start) link = startWorker(index + 1);
            }
          }
        }
        for (const entry of theirs) {
          const outcome = await link?.outcome(entry.relative, entry.text);
          renders.set(entry, outcome && outcome.kind !== 'failed' ? outcome : await renderHere(entry));
          await storeReady();
        }
        // Pages reused from the render cache after the last rendered one.
        await storeReady();
      } finally {
        link?.finish();
      }
      if (stored < entries.length) throw new Error(`scissors: ${entries[stored]?.filePath} was not rendered`);
      if (link) context.logger.info(`page worker: ${theirs.length} of ${todo.length} pages${workerNote ? `, ${workerNote}` : ''}${link.unavailable ? ` (${link.unavailable})` : ''}`);
      else if (workerNote) context.logger.info(`page worker: ${workerNote}`);

      htmlStore.finish();
      if (pageTimes) {
        const slowest = pageTimes.sort((a, b) => b[1] - a[1]).slice(0, 15);
        context.logger.info(`slowest pages: ${slowest.map(([f, ms]) => `${f} ${ms.toFixed(0)} ms`).join(', ')}`);
      }
      if (cache) {
        cache.save();
        const skipped = cache.uncacheable ? ` (${cache.uncacheable} not cacheable: URL includes, files changed during the build, or no record of what they read)` : '';
        context.logger.info(`render cache: ${ids.size - modules - cache.reused} pages rendered, ${cache.reused} reused${skipped}`);
      }
      for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.logger.info(`rendered ${ids.size - modules} pages to HTML in ${seconds} s; ${modules} as MDX modules`);
    },
  };
}

