/**
 * A site's pages and their URLs, from the site model: which files under docsDir are pages, the
 * URL each one gets (Astro-style slugged ids for native sites, MkDocs' rules for MkDocs sites),
 * and which page wins when two map to one URL. The loader, the layout, the link rewriter and
 * the checker all ask this module, so a page has one URL everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import type { SiteModel } from './model.ts';

export interface SitePage {
  /** Path under docsDir, `/`-separated (`core/tracer.md`). */
  source: string;
  /** Content-collection id: the URL path without slashes at the ends (`core/tracer`, `index` for the home page). */
  id: string;
  /** URL path from the site root (`/core/tracer/`, `/`, or `/core/tracer.html`). */
  url: string;
}

export interface PageSet {
  pages: SitePage[];
  bySource: Map<string, SitePage>;
  /** Files that map to a URL another page took (the loser and the winner). */
  shadowed: Array<{ source: string; by: string }>;
}

type UrlModel = Pick<SiteModel, 'urlStyle' | 'directoryUrls'>;

/** The same ids as Astro's glob loader: slugged path segments, `dir/index` → `dir`. */
export function slugId(relativePath: string): string {
  return relativePath
    .replace(/\.[^/.]+$/, '')
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

const isIndexName = (name: string) => /^(index|README)$/i.test(name);

/** MkDocs' file → URL rule: `a/b.md` → `a/b/`, `a/index.md` and `a/README.md` → `a/`; `.html` files without directory URLs. */
export function mkdocsPath(source: string, directoryUrls: boolean): string {
  const withoutExtension = source.replace(/\.[^/.]+$/, '');
  const parts = withoutExtension.split('/');
  const last = parts.at(-1) ?? '';
  const dir = parts.slice(0, -1).join('/');
  if (isIndexName(last)) return directoryUrls ? (dir ? `${dir}/` : '') : dir ? `${dir}/index.html` : 'index.html';
  return directoryUrls ? `${withoutExtension}/` : `${withoutExtension}.html`;
}

/** The id and URL of the page at `source`. */
export function pageFor(model: UrlModel, source: string): SitePage {
  if (model.urlStyle === 'slug') {
    const id = slugId(source) || 'index';
    return { source, id, url: id === 'index' ? '/' : `/${id}/` };
  }
  const relative = mkdocsPath(source, model.directoryUrls);
  const id = relative.replace(/\/$/, '').replace(/\.html$/, '') || 'index';
  return { source, id, url: `/${relative}` };
}

/** `index.md` wins over `README.md` and over `x.md` beside `x/index.md`, as in MkDocs. */
function rank(source: string): number {
  const name = path.posix.basename(source).replace(/\.[^.]+$/, '');
  if (/^index$/i.test(name)) return 0;
  if (/^README$/i.test(name)) return 1;
  return 2;
}

export function listPageFiles(model: Pick<SiteModel, 'docsDir' | 'pagePattern'>): string[] {
  if (!fs.existsSync(model.docsDir)) return [];
  return fs
    .globSync(model.pagePattern, { cwd: model.docsDir })
    .map((f) => f.split(path.sep).join('/'))
    // Dot folders and files are never pages (MkDocs skips them too).
    .filter((f) => !f.split('/').some((part) => part.startsWith('.')))
    .sort();
}

export function sitePages(model: UrlModel & Pick<SiteModel, 'docsDir' | 'pagePattern'>, files: string[] = listPageFiles(model)): PageSet {
  const byId = new Map<string, SitePage>();
  const shadowed: PageSet['shadowed'] = [];
  for (const source of files) {
    const page = pageFor(model, source);
    const other = byId.get(page.id);
    if (!other) {
      byId.set(page.id, page);
      continue;
    }
    const [winner, loser] = rank(source) < rank(other.source) ? [page, other] : [other, page];
    byId.set(page.id, winner);
    shadowed.push({ source: loser.source, by: winner.source });
  }
  const pages = [...byId.values()].sort((a, b) => a.source.localeCompare(b.source));
  return { pages, bySource: new Map(pages.map((p) => [p.source, p])), shadowed };
}

/** A URL from one page to another (or to a file), relative as MkDocs writes them, so the site works under any base path. */
export function relativeUrl(fromUrl: string, toUrl: string): string {
  const fromDir = fromUrl.endsWith('/') ? fromUrl : fromUrl.slice(0, fromUrl.lastIndexOf('/') + 1);
  const from = fromDir.split('/').filter(Boolean);
  const to = toUrl.split('/');
  const toFile = to.pop() ?? '';
  const toParts = to.filter(Boolean);
  let common = 0;
  while (common < from.length && common < toParts.length && from[common] === toParts[common]) common++;
  const up = from.slice(common).map(() => '..');
  const rel = [...up, ...toParts.slice(common), toFile].join('/');
  return rel === '' ? './' : rel.startsWith('/') ? `.${rel}` : rel;
}
