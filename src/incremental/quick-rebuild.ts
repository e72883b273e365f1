/**
 * A rebuild without Astro, when only pages and the files they include changed: the changed pages
 * are rendered again with the site's own renderers (site-renderers.ts, as the docs loader renders
 * them), and their HTML is put in place of the old in their output files. Everything else of the
 * output is the last build's. That is exact only while the rest of each page (layout, sidebar,
 * table of contents, title, metadata, last-updated date) is what it was, so the rebuild declines —
 * and `scissors build` runs a full build — unless all of this holds:
 *
 * - the last `scissors build` of this site finished (build-state.ts), into the same folder, and no
 *   file of its output was added, removed or touched since;
 * - nothing else changed (site-hash.ts: configuration, Scissors version, environment, docs folder
 *   listing, published files, icons, git commit);
 * - every page of the site is in the render cache, and every page Astro rendered itself is unchanged;
 * - each changed page renders to HTML (no MDX runtime, no images) with the same front matter, the
 *   same headings and the same plugin data (includes list, diagram flag), and its old HTML is found
 *   byte for byte where the last build put it.
 *
 * A page that fails to render declines too: the full build reports the error as it always does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderPage, type PageRender } from '../integration/render-page.ts';
import { RENDER_CACHE_FOLDER, RenderCache, renderCacheEnabled, frontHash, stableDescription, type CachedPage } from '../integration/render-cache.ts';
import { astroCacheDir } from '../site/astro-settings.ts';
import { titleFromSource } from '../site/titles.ts';
import type { SiteModel } from '../site/model.ts';
import { BUILD_STATE_FILE, changedOutputFile, outputFiles, pageOutputFile, readBuildState, removeBuildState, writeBuildState } from './build-state.ts';
import { resolveSnippetOptions } from '../snippets/options.ts';
import { siteHash } from './site-hash.ts';

/** `SCISSORS_QUICK_REBUILD=off`: every build a full one (comparisons, debugging). */
export const quickRebuildEnabled = () => process.env.SCISSORS_QUICK_REBUILD !== 'off' && renderCacheEnabled();

export interface QuickRebuildOptions {
  site: SiteModel;
  packageRoot: string;
  /** The site hash (site-hash.ts) as this build started. */
  siteHash: string;
  /** Lines for the build log (warnings of the pages, as a full build prints them). */
  log: (line: string) => void;
}

export type QuickRebuildResult =
  | { kind: 'done'; rendered: string[]; reused: number }
  | { kind: 'declined'; reason: string };

const declined = (reason: string): QuickRebuildResult => ({ kind: 'declined', reason });

export const buildStateFile = (site: SiteModel, packageRoot: string) => path.join(astroCacheDir(site, packageRoot), BUILD_STATE_FILE);
const renderCacheDir = (site: SiteModel, packageRoot: string) => path.join(astroCacheDir(site, packageRoot), RENDER_CACHE_FOLDER);

/**
 * The renderers of the site (as the docs loader makes them) and the loader's front matter parser.
 * Loaded only when a page is rendered: `scissors build` keeps its own process small.
 */
async function siteRenderers(packageRoot: string, settings: NonNullable<RenderCache['settings']>) {
  const [{ createRenderersOutsideAstro }, { parseFrontmatter }] = await Promise.all([import('../integration/site-renderers.ts'), import('@astrojs/markdown-remark')]);
  const renderers = await createRenderersOutsideAstro(packageRoot, settings);
  return typeof renderers === 'string' ? renderers : { ...renderers, parseFrontmatter };
}

interface Rendered {
  page: string;
  text: string;
  rawFrontmatter: string;
  dependencies: Set<string> | undefined;
  result: CachedPage & { html: Buffer };
}

export async function quickRebuild({ site, packageRoot, siteHash, log }: QuickRebuildOptions): Promise<QuickRebuildResult> {
  const stateFile = buildStateFile(site, packageRoot);
  const state = readBuildState(stateFile);
  if (!state) return declined('no finished build to start from');
  if (state.outDir !== site.outDir) return declined('the last build went to another folder');
  if (state.site !== siteHash) return declined('the configuration, the Scissors version, the environment or a file other than pages and their includes changed');
  const touched = changedOutputFile(state.files, outputFiles(site.outDir));
  if (touched) return declined(`the output changed since the last build (${touched})`);
  const cache = RenderCache.openSaved(renderCacheDir(site, packageRoot), { basePaths: resolveSnippetOptions(site.root, site.snippets).basePaths });
  if (cache?.savedAs !== state.renderCache) return declined('the render cache is not the one the last build left');
  if (!cache.settings) return declined('the render cache does not have what rendering outside Astro needs');
  const known = cache.previousPages();
  const ids = new Map(known.map((k) => [k.page, k.id]));
  const uncached = cache.sitePages.filter((page) => !ids.has(page));
  if (uncached.length) return declined(`${uncached.length} pages are not in the render cache (${uncached.slice(0, 3).join(', ')}${uncached.length > 3 ? ', …' : ''})`);

  const stale: Array<{ page: string; text: string }> = [];
  const replayed: string[] = [];
  for (const { page, astroRendered } of known) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(site.docsDir, page), 'utf8');
    } catch {
      return declined(`${page} cannot be read`);
    }
    if (astroRendered) {
      if (!cache.astroRenderedUnchanged(page, text)) return declined(`${page} changed, and Astro renders it (images)`);
      continue;
    }
    const hit = cache.lookup(page, text);
    if (hit) replayed.push(...hit.warnings);
    else stale.push({ page, text });
  }

  const rendered: Rendered[] = [];
  let renderers: Exclude<Awaited<ReturnType<typeof siteRenderers>>, string> | undefined;
  for (const { page, text } of stale) {
    const before = cache.previous(page);
    if (!before) return declined(`${page} is not in the render cache`);
    if (!renderers) {
      const made = await siteRenderers(packageRoot, cache.settings);
      if (typeof made === 'string') return declined(made);
      renderers = made;
    }
    let parsed: ReturnType<typeof renderers.parseFrontmatter>;
    try {
      parsed = renderers.parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
    } catch {
      return declined(`${page}'s front matter cannot be read`);
    }
    const { frontmatter, content, rawFrontmatter } = parsed;
    if (frontHash(rawFrontmatter) !== before.front) return declined(`${page}'s front matter changed`);
    // The navigation's titles are read from the sources, not the rendered pages.
    if ((titleFromSource(text) ?? null) !== before.title) return declined(`${page}'s title in the navigation changed`);
    const absolute = path.join(site.docsDir, page);
    let value: PageRender;
    try {
      value = await renderPage(renderers, absolute, content, frontmatter);
    } catch {
      return declined(`${page} failed to render`);
    }
    if (value.kind === 'needs-astro') return declined(`${page}: it now has images`);
    if (value.kind === 'needs-runtime') return declined(`${page}: ${value.reason}`);
    if (stableDescription(value.headings) !== stableDescription(before.headings)) return declined(`${page}'s headings changed`);
    if (stableDescription(value.frontmatter) !== stableDescription(before.frontmatter)) return declined(`${page}'s page data changed (includes or diagrams)`);
    rendered.push({
      page,
      text,
      rawFrontmatter,
      dependencies: value.dependencies && new Set(value.dependencies),
      result: { html: Buffer.from(value.html, 'utf8'), headings: value.headings, frontmatter: value.frontmatter, warnings: value.warnings },
    });
  }

  // Every check before the first write: a declined rebuild leaves the output as it was.
  const writes: Array<{ file: string; bytes: Buffer }> = [];
  for (const { page, result } of rendered) {
    const file = pageOutputFile(ids.get(page) ?? '', site.directoryUrls);
    const old = cache.previousHtml(page);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(site.outDir, file));
    } catch {
      return declined(`${file}, ${page}'s output, cannot be read`);
    }
    // The page's last HTML, once in its file: Astro's layout puts it there verbatim.
    const start = old?.length ? bytes.indexOf(old) : -1;
    if (!old || start < 0 || bytes.indexOf(old, start + 1) >= 0) return declined(`${file} does not hold ${page}'s last HTML exactly once`);
    writes.push({ file: path.join(site.outDir, file), bytes: Buffer.concat([bytes.subarray(0, start), result.html, bytes.subarray(start + old.length)]) });
  }
  removeBuildState(stateFile);
  for (const { file, bytes } of writes) fs.writeFileSync(file, bytes);
  for (const warning of replayed) log(warning);
  for (const { page, text, rawFrontmatter, dependencies, result } of rendered) {
    for (const warning of result.warnings) log(warning);
    cache.store(page, text, dependencies, result, { id: ids.get(page) ?? '', rawFrontmatter });
  }
  cache.save();
  return { kind: 'done', rendered: rendered.map((r) => r.page), reused: known.length - rendered.length };
}

/** The name of the render cache's last save (to tell whether a build saved one). */
export const renderCacheSave = (site: SiteModel, packageRoot: string) => RenderCache.savedName(renderCacheDir(site, packageRoot));

/**
 * After a successful build (search index and llms.txt written): what the next build starts from.
 * `siteHashAtStart` is the hash taken before the build read anything: a file changed while it ran
 * then differs from it next time, and that build is a full one. (Taken after the build, it would
 * vouch for a change the output may not have.)
 */
export function recordBuild(site: SiteModel, packageRoot: string, siteHashAtStart: string): void {
  const renderCache = RenderCache.savedName(renderCacheDir(site, packageRoot));
  if (!renderCache) return;
  writeBuildState(buildStateFile(site, packageRoot), { site: siteHashAtStart, outDir: site.outDir, files: outputFiles(site.outDir), renderCache });
}

export { removeBuildState, siteHash };
