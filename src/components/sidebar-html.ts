/**
 * The sidebar's list, built once per build and shared by every page: on a large site the same
 * thousand links would otherwise be rendered a thousand times. Only `aria-current` differs
 * between pages, and it is set on the shared string. Sections are native <details> (open on
 * the current page's path), so the navigation works without JavaScript.
 */
import { getCollection } from 'astro:content';
import { siteBase } from '../site/astro-settings.ts';
import { currentSite } from '../site/current.ts';
import { buildNav, navTitles, type NavEntry, type NavLink, type PageInfo } from '../site/nav.ts';
import { sitePages, type PageSet } from '../site/pages.ts';

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A page's URL with the site's base. */
export function pageHref(url: string): string {
  return `${siteBase(currentSite().siteUrl)}${url.replace(/^\//, '')}`;
}

function linkHtml(entry: Extract<NavEntry, { kind: 'page' | 'link' }>): string {
  if (entry.kind === 'page') return `<a href="${escape(pageHref(entry.href))}" data-page="${escape(entry.id ?? '')}">${escape(entry.title)}</a>`;
  const external = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(entry.href);
  const href = external ? entry.href : pageHref(`/${entry.href.replace(/^\.?\//, '')}`);
  const attrs = entry.newTab ? ' target="_blank" rel="noopener"' : '';
  return `<a href="${escape(href)}"${attrs}>${escape(entry.title)}${entry.newTab ? '<span class="visually-hidden"> (opens in a new tab)</span>' : ''}</a>`;
}

function listHtml(entries: NavEntry[], depth: number): string {
  const items = entries.map((entry) => {
    if (entry.kind !== 'section') return `<li>${linkHtml(entry)}</li>`;
    const head = entry.index ? linkHtml(entry.index) : `<span class="nav-section-title">${escape(entry.title)}</span>`;
    return `<li class="nav-section nav-depth-${depth}"><details data-nav-section><summary>${head}</summary>${listHtml(entry.children, depth + 1)}</details></li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

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

/** Material's navigation.tabs: the top level of the nav as a row of tabs, each leading to its first page. */
function tabsHtml(nav: NavEntry[]): { html: string; ids: string[][] } {
  const ids: string[][] = [];
  const items = nav.flatMap((entry) => {
    const target = entry.kind === 'link' ? entry : firstPage(entry);
    if (!target) return [];
    ids.push(pageIds(entry));
    const title = entry.kind === 'section' ? entry.title : target.title;
    return [`<li>${linkHtml({ ...target, title })}</li>`];
  });
  return { html: `<ul>${items.join('')}</ul>`, ids };
}

interface SiteNavigation {
  html: string;
  pages: PageSet;
  nav: NavEntry[];
  tabs: { html: string; ids: string[][] };
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
  return { html: listHtml(nav, 0), pages, nav, tabs: tabsHtml(nav), byId, navTitles: navTitles(nav) };
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
  const current = tabs.ids.findIndex((ids) => ids.includes(currentId));
  if (current < 0) return tabs.html;
  let index = -1;
  // The n-th <li> is the n-th tab: mark its link as the current section.
  return tabs.html.replace(/<li><a /g, (match) => (++index === current ? '<li><a aria-current="true" ' : match));
}

export async function sidebarHtml(currentId: string): Promise<string> {
  // In dev every request rebuilds it, so added or renamed pages show at once.
  const { html } = await siteNavigation();
  const marker = `data-page="${escape(currentId)}">`;
  const at = html.indexOf(marker);
  if (at < 0) return html;
  // The current page is marked, and every section above it starts open.
  let marked = `${html.slice(0, at)}aria-current="page" ${html.slice(at)}`;
  const before = marked.slice(0, at);
  const opens: number[] = [];
  const re = /<details data-nav-section>|<\/details>/g;
  for (let m = re.exec(before); m; m = re.exec(before)) {
    if (m[0].startsWith('<details')) opens.push(m.index);
    else opens.pop();
  }
  for (const index of opens.reverse()) marked = `${marked.slice(0, index)}<details data-nav-section open>${marked.slice(index + '<details data-nav-section>'.length)}`;
  return marked;
}
