/**
 * The site's navigation, built once per build and shared by every page: the nav as a tree of
 * pre-rendered links (nav-html.ts), from which each page's sidebar is rendered, and, for a large
 * nav, the all-pages page its bounded sidebars link to. Sections are native <details> (open on
 * the current page's path), so the navigation works without JavaScript.
 */
import { getCollection } from 'astro:content';
import { siteBase } from '../site/astro-settings.ts';
import { currentSite } from '../site/current.ts';
import { buildNav, navTitles, type NavEntry, type NavLink, type PageInfo } from '../site/nav.ts';
import { pageFor, sitePages, type PageSet } from '../site/pages.ts';
import { allPagesId, boundedSidebarHtml, fullSidebarHtml, isLargeNav, linkHtml as navLinkHtml, navTree, type NavTree } from './nav-html.ts';

/** A page's URL with the site's base. */
export function pageHref(url: string): string {
  return `${siteBase(currentSite().siteUrl)}${url.replace(/^\//, '')}`;
}

const linkHtml = (entry: NavLink) => navLinkHtml(entry, pageHref);

/** The first page a nav entry leads to (a section: its index page, else its first page). */
function firstPage(entry: NavEntry): NavLink | undefined {
  if (entry.kind !== 'section') return entry.kind === 'page' && entry.id ? entry : undefined;
  if (entry.index) return entry.index;
  for (const child of entry.children) {
    const found = firstPage(child);
    if (found) return found;
  }
  return undefined;
}

function pageIds(entry: NavEntry): string[] {
  if (entry.kind !== 'section') return entry.kind === 'page' && entry.id ? [entry.id] : [];
  return [...(entry.index?.id ? [entry.index.id] : []), ...entry.children.flatMap(pageIds)];
}

interface Tabs {
  html: string;
  /** Page id → the index of its tab (looked up per page, not found by scanning every tab's pages). */
  tabOf: Map<string, number>;
}

/** Material's navigation.tabs: the top level of the nav as a row of tabs, each leading to its first page. */
function tabsHtml(nav: NavEntry[]): Tabs {
  const tabOf = new Map<string, number>();
  const items: string[] = [];
  for (const entry of nav) {
    const target = entry.kind === 'link' ? entry : firstPage(entry);
    if (!target) continue;
    // A page listed under two tabs belongs to the first, as the scan this replaces found it.
    for (const id of pageIds(entry)) if (!tabOf.has(id)) tabOf.set(id, items.length);
    const title = entry.kind === 'section' ? entry.title : target.title;
    items.push(`<li>${linkHtml({ ...target, title })}</li>`);
  }
  return { html: `<ul>${items.join('')}</ul>`, tabOf };
}

/** The generated page that lists the whole nav (large navs only): its collection-style id and URL path. */
export interface AllPagesPage {
  id: string;
  url: string;
}

interface SiteNavigation {
  tree: NavTree;
  allPages?: AllPagesPage;
  pages: PageSet;
  nav: NavEntry[];
  tabs: Tabs;
  /** Page by id, and the nav's title of each page it lists (looked up per page: no walks). */
  byId: Map<string, PageSet['pages'][number]>;
  navTitles: Map<string, string>;
}


let cached: Promise<SiteNavigation> | undefined;

async function buildList(): Promise<SiteNavigation> {
  const site = currentSite();
  const pages = sitePages(site);
  const byId = new Map(pages.pages.map((p) => [p.id, p]));
  const entries: PageInfo[] = (await getCollection('docs')).flatMap((entry) => {
    const page = byId.get(entry.id);
    const data = entry.data as { title?: string; order?: number };
    return page ? [{ id: entry.id, source: page.source, title: data.title, order: data.order }] : [];
  });
  const nav = buildNav(site, pages, entries);
  const tree = navTree(nav, pageHref);
  let allPages: AllPagesPage | undefined;
  if (isLargeNav(tree)) {
    // Named like a page, so it gets a URL the way pages do; a name a page of the site has is skipped.
    const taken = new Set([...pages.pages.map((p) => p.id), ...pages.shadowed.map((s) => pageFor(site, s.source).id)]);
    const { id, url } = pageFor(site, `${allPagesId((candidate) => taken.has(pageFor(site, `${candidate}.md`).id))}.md`);
    allPages = { id, url };
  }
  return { tree, allPages, pages, nav, tabs: tabsHtml(nav), byId, navTitles: navTitles(nav) };
}

/**
 * The site's pages and nav, listed once per build (every page asks: listing the docs folder
 * per page would cost a thousand listings of a thousand files on a large site).
 */
export async function siteNavigation(): Promise<SiteNavigation> {
  if (import.meta.env.DEV) cached = undefined;
  cached ??= buildList();
  return cached;
}

/** The tab row for the current page (its tab marked), or undefined when the site has no tabs. */
export async function navTabsHtml(currentId: string): Promise<string | undefined> {
  if (!currentSite().theme.features.includes('navigation.tabs')) return undefined;
  const { tabs } = await siteNavigation();
  const current = tabs.tabOf.get(currentId);
  if (current === undefined) return tabs.html;
  let index = -1;
  // The n-th <li> is the n-th tab: mark its link as the current section.
  return tabs.html.replace(/<li><a /g, (match) => (++index === current ? '<li><a aria-current="true" ' : match));
}

/** The current page's sidebar: the whole nav on a small site, a bounded one on a large site. */
export async function sidebarHtml(currentId: string): Promise<string> {
  // In dev every request rebuilds it, so added or renamed pages show at once.
  const { tree, allPages } = await siteNavigation();
  if (!allPages) return fullSidebarHtml(tree, currentId);
  return boundedSidebarHtml(tree, currentId, { allPagesHref: pageHref(allPages.url), currentIsAllPages: currentId === allPages.id });
}
