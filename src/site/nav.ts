/**
 * The navigation a reader sees, from the site model: its explicit nav (sections, pages, links)
 * or, without one, every page ordered by `order` then title. Pages not in an explicit nav are
 * still built; `pagesOutsideNav` names them so the build can say so once.
 */
import type { NavItem, SiteModel } from './model.ts';
import { pageFor, type PageSet } from './pages.ts';
import { pageTitle } from './titles.ts';

export interface NavLink {
  kind: 'page' | 'link';
  title: string;
  /** URL path from the site root for pages (`/core/tracer/`), the written href for links. */
  href: string;
  newTab: boolean;
  /** Page id, for marking the current page. */
  id?: string;
}
export interface NavSection {
  kind: 'section';
  title: string;
  children: NavEntry[];
  /** The section's own page (navigation.indexes: an index page first in the section). */
  index?: NavLink;
}
export type NavEntry = NavLink | NavSection;

type NavSite = Pick<SiteModel, 'nav' | 'docsDir' | 'theme' | 'urlStyle' | 'directoryUrls'>;

function resolveItems(site: NavSite, items: NavItem[], pages: PageSet, titles: (source: string) => string): NavEntry[] {
  const out: NavEntry[] = [];
  for (const item of items) {
    if (item.kind === 'page') {
      // A page shadowed by another at its URL (x.md beside x/index.md) links to that URL, as in
      // MkDocs; a missing page stays a link to what was written, for the checker to report.
      const page = pages.bySource.get(item.source) ?? (pages.shadowed.some((s) => s.source === item.source) ? pageFor(site, item.source) : undefined);
      const title = item.title ?? titles(item.source);
      if (page) out.push({ kind: 'page', title, href: page.url, newTab: false, id: pages.bySource.has(item.source) ? page.id : undefined });
      else out.push({ kind: 'link', title, href: item.source, newTab: false });
    } else if (item.kind === 'link') {
      out.push({ kind: 'link', title: item.title, href: item.href, newTab: item.newTab });
    } else {
      const children = resolveItems(site, item.children, pages, titles);
      const first = children[0];
      const indexes = site.theme.features.includes('navigation.indexes');
      const isIndex = first?.kind === 'page' && /(^|\/)(index|README)\.mdx?$/i.test(pages.pages.find((p) => p.id === first.id)?.source ?? '');
      if (indexes && isIndex && first?.kind === 'page') out.push({ kind: 'section', title: item.title, children: children.slice(1), index: first });
      else out.push({ kind: 'section', title: item.title, children });
    }
  }
  return out;
}

export interface PageInfo {
  id: string;
  source: string;
  title?: string;
  order?: number;
}

export function buildNav(site: NavSite, pages: PageSet, entries: PageInfo[]): NavEntry[] {
  const bySource = new Map(entries.map((e) => [e.source, e]));
  const titles = (source: string) => bySource.get(source)?.title ?? pageTitle(site.docsDir, source);
  if (site.nav) return resolveItems(site, site.nav, pages, titles);
  return pages.pages
    .map((page) => ({ page, info: bySource.get(page.source) }))
    .sort((a, b) => (a.info?.order ?? 100) - (b.info?.order ?? 100) || titles(a.page.source).localeCompare(titles(b.page.source)))
    .map(({ page }) => ({ kind: 'page' as const, title: titles(page.source), href: page.url, newTab: false, id: page.id }));
}

/** Page id → the title the nav gives it (its first place in the nav), for lookups per page. */
export function navTitles(nav: NavEntry[], into = new Map<string, string>()): Map<string, string> {
  for (const entry of nav) {
    if (entry.kind === 'section') {
      if (entry.index?.id && !into.has(entry.index.id)) into.set(entry.index.id, entry.index.title);
      navTitles(entry.children, into);
    } else if (entry.kind === 'page' && entry.id && !into.has(entry.id)) {
      into.set(entry.id, entry.title);
    }
  }
  return into;
}

export function pagesOutsideNav(site: Pick<SiteModel, 'nav'>, pages: PageSet): string[] {
  if (!site.nav) return [];
  const listed = new Set<string>();
  const collect = (items: NavItem[]) => {
    for (const item of items) {
      if (item.kind === 'page') listed.add(item.source);
      else if (item.kind === 'section') collect(item.children);
    }
  };
  collect(site.nav);
  return pages.pages.filter((p) => !listed.has(p.source)).map((p) => p.source);
}
