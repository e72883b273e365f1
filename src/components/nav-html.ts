/**
 * The sidebar's HTML from the nav, with no Astro in it (unit-tested on its own).
 *
 * The nav is turned once per build into a tree of pre-rendered links plus, for every page, the
 * position of its first place in the nav. A page's sidebar is then rendered from that position:
 * - a small nav (≤ FULL_SIDEBAR_LIMIT links) in full, the current page marked and the sections
 *   above it open, exactly as it always was;
 * - a large nav bounded: the top level, the sections on the page's path open, every long list cut
 *   to a window around the page (plus its first and last entries and an "N more" link), other
 *   sections showing only their first entries. The rest is on the all-pages page the sidebar
 *   links to, so every page stays reachable without JavaScript. The cost per page depends on the
 *   window, not on the size of the site (10 000 pages each listing 10 000 links made 6 GB of HTML).
 */
import type { NavEntry, NavLink } from '../site/nav.ts';

/**
 * Links up to which every page carries the whole nav. A link costs ~80 bytes of HTML, so 500 make
 * ~40 KB per page: about the size of a page's own content, and well above real hand-written navs
 * (the Powertools corpus lists ~100), which therefore keep the sidebar they always had.
 */
export const FULL_SIDEBAR_LIMIT = 500;
/** Entries shown either side of the current one in an open list of a bounded sidebar. */
export const WINDOW_RADIUS = 7;
/** Entries a closed section of a bounded sidebar shows (a peek at it, the rest one click away). */
export const PEEK_ENTRIES = 5;

export const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A page's URL path (`/core/tracer/`) → its href with the site's base. */
export type PageHref = (url: string) => string;

export function linkHtml(entry: NavLink, pageHref: PageHref): string {
  if (entry.kind === 'page') return `<a href="${escapeHtml(pageHref(entry.href))}" data-page="${escapeHtml(entry.id ?? '')}">${escapeHtml(entry.title)}</a>`;
  const external = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(entry.href);
  const href = external ? entry.href : pageHref(`/${entry.href.replace(/^\.?\//, '')}`);
  const attrs = entry.newTab ? ' target="_blank" rel="noopener"' : '';
  return `<a href="${escapeHtml(href)}"${attrs}>${escapeHtml(entry.title)}${entry.newTab ? '<span class="visually-hidden"> (opens in a new tab)</span>' : ''}</a>`;
}

/** A link, pre-rendered; a page link split where `aria-current` goes when it is the current page. */
interface LinkNode {
  kind: 'link';
  html: string;
  /** `<a href="…" ` and `data-page="…">…</a>`: marked, it is `before + aria-current="page" + after`. */
  split?: [string, string];
}
interface SectionNode {
  kind: 'section';
  title: string;
  /** The summary: the index page's link, or the title. */
  head: LinkNode;
  list: ListNode;
}
type ItemNode = LinkNode | SectionNode;
interface ListNode {
  items: ItemNode[];
  /** The list's id on the all-pages page (`nav-list-0` is the top level). */
  anchor: string;
  depth: number;
}

export interface NavTree {
  top: ListNode;
  /** Page id → indices from the top list down to its first place in the nav (a section's index: the section). */
  positions: Map<string, number[]>;
  /** Every link and section title in the nav: what decides between a full and a bounded sidebar. */
  size: number;
}

function linkNode(entry: NavLink, pageHref: PageHref): LinkNode {
  const html = linkHtml(entry, pageHref);
  if (entry.kind !== 'page') return { kind: 'link', html };
  const at = html.indexOf(' data-page="') + 1;
  return { kind: 'link', html, split: [html.slice(0, at), html.slice(at)] };
}

/** The nav as a tree of pre-rendered links, and each page's position in it. Once per build. */
export function navTree(nav: NavEntry[], pageHref: PageHref): NavTree {
  const positions = new Map<string, number[]>();
  let lists = 0;
  let size = 0;
  const build = (entries: NavEntry[], depth: number, path: number[]): ListNode => {
    const list: ListNode = { items: [], anchor: `nav-list-${lists++}`, depth };
    entries.forEach((entry, i) => {
      size++;
      const here = [...path, i];
      if (entry.kind !== 'section') {
        if (entry.kind === 'page' && entry.id && !positions.has(entry.id)) positions.set(entry.id, here);
        list.items.push(linkNode(entry, pageHref));
        return;
      }
      // The index page is in the summary, before the section's children: it is the page's first place.
      if (entry.index?.id && !positions.has(entry.index.id)) positions.set(entry.index.id, here);
      const head: LinkNode = entry.index ? linkNode(entry.index, pageHref) : { kind: 'link', html: `<span class="nav-section-title">${escapeHtml(entry.title)}</span>` };
      list.items.push({ kind: 'section', title: entry.title, head, list: build(entry.children, depth + 1, here) });
    });
    return list;
  };
  const top = build(nav, 0, []);
  return { top, positions, size };
}

const marked = (link: LinkNode) => (link.split ? `${link.split[0]}aria-current="page" ${link.split[1]}` : link.html);

/** A section's <li>: the same markup in full and bounded sidebars (the CSS and the checker know it). */
const sectionHtml = (section: SectionNode, depth: number, open: boolean, head: string, body: string) =>
  `<li class="nav-section nav-depth-${depth}"><details data-nav-section${open ? ' open' : ''}><summary>${head}</summary>${body}</details></li>`;

/** The whole nav, the current page marked and the sections above it open. */
export function fullSidebarHtml(tree: NavTree, currentId: string): string {
  const path = tree.positions.get(currentId);
  const render = (list: ListNode, rest: number[] | undefined): string => {
    const items = list.items.map((item, i) => {
      const onPath = rest?.[0] === i;
      const last = onPath && rest?.length === 1;
      if (item.kind === 'link') return `<li>${last ? marked(item) : item.html}</li>`;
      return sectionHtml(item, list.depth, onPath, last ? marked(item.head) : item.head.html, render(item.list, onPath ? rest?.slice(1) : undefined));
    });
    return `<ul>${items.join('')}</ul>`;
  };
  return render(tree.top, path);
}

/** What a list of `length` entries shows: runs of entries and gaps (hidden entries, counted). */
export type Segment = { from: number; to: number } | { hidden: number; from: number };

/**
 * A window of 2·radius + 1 entries around `center` (shifted to stay inside the list), plus the
 * first and the last entry; a gap of one entry is shown rather than counted.
 */
export function windowSegments(length: number, center: number, radius: number): Segment[] {
  const width = 2 * radius + 1;
  if (length <= width + 4) return length > 0 ? [{ from: 0, to: length - 1 }] : [];
  const start = Math.min(Math.max(center - radius, 0), length - width);
  const end = start + width - 1;
  const out: Segment[] = [];
  if (start <= 2) out.push({ from: 0, to: end });
  else out.push({ from: 0, to: 0 }, { hidden: start - 1, from: 1 }, { from: start, to: end });
  const lastRun = out.at(-1) as { from: number; to: number };
  if (end >= length - 3) lastRun.to = length - 1;
  else out.push({ hidden: length - 2 - end, from: end + 1 }, { from: length - 1, to: length - 1 });
  return out;
}

export interface BoundedOptions {
  /** The all-pages page's href, and whether it is the current page. */
  allPagesHref: string;
  currentIsAllPages?: boolean;
  radius?: number;
  peek?: number;
}

function moreHtml(hidden: number, href: string, where: string): string {
  return `<li class="nav-more"><a href="${escapeHtml(href)}">${hidden} more<span class="visually-hidden"> in ${escapeHtml(where)}</span></a></li>`;
}

/**
 * A bounded sidebar: its size depends on the window sizes and the depth of the nav, not on the
 * number of pages; its cost on the entries shown (positions are looked up, nothing is scanned).
 */
export function boundedSidebarHtml(tree: NavTree, currentId: string, options: BoundedOptions): string {
  const radius = options.radius ?? WINDOW_RADIUS;
  const peek = options.peek ?? PEEK_ENTRIES;
  const path = tree.positions.get(currentId);
  // open: on the current page's path (or the top level); peek: a closed section in an open list;
  // stub: a section inside a peek, which shows only how many entries it has.
  const render = (list: ListNode, rest: number[] | undefined, mode: 'open' | 'peek' | 'stub', where: string): string => {
    // A gap leads to its first hidden entry on the all-pages page (a whole list: to the list).
    const more = (from: number) => `${options.allPagesHref}#${from === 0 ? list.anchor : `${list.anchor}-${from}`}`;
    const length = list.items.length;
    const segments: Segment[] =
      mode === 'open' ? windowSegments(length, rest?.[0] ?? 0, radius)
      : mode === 'peek' ? (length <= peek + 1 ? [{ from: 0, to: length - 1 }] : [{ from: 0, to: peek - 1 }, { hidden: length - peek, from: peek }])
      : [{ hidden: length, from: 0 }];
    let html = '';
    for (const segment of segments) {
      if ('hidden' in segment) {
        html += moreHtml(segment.hidden, more(segment.from), where);
        continue;
      }
      for (let i = segment.from; i <= segment.to; i++) {
        const item = list.items[i] as ItemNode;
        const onPath = rest?.[0] === i;
        const last = onPath && rest?.length === 1;
        if (item.kind === 'link') {
          html += `<li>${last ? marked(item) : item.html}</li>`;
          continue;
        }
        const inner = onPath ? render(item.list, rest?.slice(1), 'open', item.title) : render(item.list, undefined, mode === 'open' ? 'peek' : 'stub', item.title);
        html += sectionHtml(item, list.depth, onPath, last ? marked(item.head) : item.head.html, inner);
      }
    }
    return `<ul>${html}</ul>`;
  };
  const current = options.currentIsAllPages ? ' aria-current="page"' : '';
  const all = `<p class="nav-all-pages"><a href="${escapeHtml(options.allPagesHref)}"${current}>All pages</a></p>`;
  return render(tree.top, path, 'open', 'the documentation') + all;
}

/** The whole nav as one plain nested list (every section shown), for the all-pages page. */
export function allPagesListHtml(tree: NavTree): string {
  const render = (list: ListNode): string => {
    // Every entry has an id: the sidebar's "N more" links lead to the first one they stand for.
    const items = list.items.map((item, i) => {
      const id = i === 0 ? '' : ` id="${list.anchor}-${i}"`;
      return item.kind === 'link' ? `<li${id}>${item.html}</li>` : `<li${id} class="nav-section">${item.head.html}${render(item.list)}</li>`;
    });
    return `<ul id="${list.anchor}">${items.join('')}</ul>`;
  };
  return render(tree.top);
}

/** A nav this large gets bounded sidebars and an all-pages page. */
export const isLargeNav = (tree: NavTree) => tree.size > FULL_SIDEBAR_LIMIT;

/** The all-pages page's id: `all-pages`, or `all-pages-2`, … when a page of the site has it. */
export function allPagesId(taken: (id: string) => boolean): string {
  let id = 'all-pages';
  for (let n = 2; taken(id); n++) id = `all-pages-${n}`;
  return id;
}
