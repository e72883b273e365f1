import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  allPagesId,
  allPagesListHtml,
  escapeHtml,
  boundedSidebarHtml,
  FULL_SIDEBAR_LIMIT,
  fullSidebarHtml,
  isLargeNav,
  linkHtml,
  navTree,
  windowSegments,
  type Segment,
} from '../../../src/components/nav-html.ts';
import type { NavEntry, NavLink } from '../../../src/site/nav.ts';

const href = (url: string) => `/base${url}`;
const page = (id: string, title = id): NavLink => ({ kind: 'page', title, href: `/${id}/`, newTab: false, id });
const pages = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => page(`${prefix}${i}`));

/** The sidebar as it was rendered before nav-html.ts: one shared string, marked by string scans. */
function sharedStringSidebar(nav: NavEntry[], currentId: string): string {
  const list = (entries: NavEntry[], depth: number): string =>
    `<ul>${entries
      .map((e) => {
        if (e.kind !== 'section') return `<li>${linkHtml(e, href)}</li>`;
        const head = e.index ? linkHtml(e.index, href) : `<span class="nav-section-title">${escapeHtml(e.title)}</span>`;
        return `<li class="nav-section nav-depth-${depth}"><details data-nav-section><summary>${head}</summary>${list(e.children, depth + 1)}</details></li>`;
      })
      .join('')}</ul>`;
  const html = list(nav, 0);
  const at = html.indexOf(`data-page="${currentId}">`);
  if (at < 0) return html;
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

const smallNav: NavEntry[] = [
  page('index', 'Home'),
  { kind: 'section', title: 'Core', index: page('core', 'Core'), children: [page('core/a'), { kind: 'section', title: 'Deep', children: [page('core/deep/x'), page('core/a')] }] },
  { kind: 'section', title: 'Guides & more', children: [page('g/1'), { kind: 'link', title: 'Out', href: 'https://example.org', newTab: true }, page('g/2')] },
  { kind: 'link', title: 'Changelog', href: 'changelog.md', newTab: false },
];

describe('full sidebar (small navs)', () => {
  test('byte-identical to the shared-string rendering for every page, a page listed twice and no page', () => {
    const tree = navTree(smallNav, href);
    assert.equal(isLargeNav(tree), false);
    for (const id of ['index', 'core', 'core/a', 'core/deep/x', 'g/1', 'g/2', 'missing']) assert.equal(fullSidebarHtml(tree, id), sharedStringSidebar(smallNav, id), id);
  });

  test('the current page is marked once, the sections above it open, the others closed', () => {
    const html = fullSidebarHtml(navTree(smallNav, href), 'core/deep/x');
    assert.equal(html.match(/aria-current="page"/g)?.length, 1);
    assert.match(html, /<a href="\/base\/core\/deep\/x\/" aria-current="page" data-page="core\/deep\/x">/);
    assert.equal(html.match(/<details data-nav-section open>/g)?.length, 2);
    assert.match(html, /<summary><span class="nav-section-title">Guides &amp; more<\/span><\/summary>/);
    // Links written out here, not by linkHtml (which the byte-identical test above shares with its reference).
    assert.ok(html.includes('<li><a href="https://example.org" target="_blank" rel="noopener">Out<span class="visually-hidden"> (opens in a new tab)</span></a></li>'));
    assert.ok(html.includes('<li><a href="/base/changelog.md">Changelog</a></li>'));
  });
});

describe('window', () => {
  const shown = (segments: Segment[]) => segments.flatMap((s) => ('hidden' in s ? [`+${s.hidden}`] : [`${s.from}-${s.to}`]));
  test('short lists are shown whole', () => {
    assert.deepEqual(shown(windowSegments(9, 4, 2)), ['0-8']);
    assert.deepEqual(shown(windowSegments(0, 0, 2)), []);
  });
  test('a window around the centre, the first and the last entry, and what is hidden counted', () => {
    assert.deepEqual(shown(windowSegments(100, 50, 2)), ['0-0', '+47', '48-52', '+46', '99-99']);
  });
  test('the window shifts at the ends; a gap of one entry is shown rather than counted', () => {
    assert.deepEqual(shown(windowSegments(100, 0, 2)), ['0-4', '+94', '99-99']);
    assert.deepEqual(shown(windowSegments(100, 99, 2)), ['0-0', '+94', '95-99']);
    assert.deepEqual(shown(windowSegments(100, 4, 2)), ['0-6', '+92', '99-99']);
    assert.deepEqual(shown(windowSegments(100, 95, 2)), ['0-0', '+92', '93-99']);
  });
  test('every entry is either shown or counted, exactly once', () => {
    for (const length of [10, 11, 12, 30]) {
      for (let c = 0; c < length; c++) {
        const segments = windowSegments(length, c, 2);
        const total = segments.reduce((n, s) => n + ('hidden' in s ? s.hidden : s.to - s.from + 1), 0);
        assert.equal(total, length);
        assert.ok(segments.some((s) => !('hidden' in s) && s.from <= c && c <= s.to), `centre ${c} of ${length} shown`);
      }
    }
  });
});

describe('bounded sidebar (large navs)', () => {
  const large: NavEntry[] = [
    page('index', 'Home'),
    { kind: 'section', title: 'API', children: [...pages('api/', 200), { kind: 'section', title: 'Internals', index: page('api/internals'), children: pages('api/internals/', 400) }] },
    { kind: 'section', title: 'Guides', children: [...pages('guide/', 50), { kind: 'section', title: 'Nested', children: pages('guide/nested/', 30) }] },
    ...pages('flat/', 100),
  ];
  const tree = navTree(large, href);
  const options = { allPagesHref: '/base/all-pages/', radius: 3, peek: 4 };
  const links = (html: string) => html.match(/<a /g)?.length ?? 0;

  test('a nav above the limit is large', () => {
    assert.ok(tree.size > FULL_SIDEBAR_LIMIT);
    assert.equal(isLargeNav(tree), true);
    assert.equal(isLargeNav(navTree(pages('p', FULL_SIDEBAR_LIMIT), href)), false);
    assert.equal(isLargeNav(navTree(pages('p', FULL_SIDEBAR_LIMIT + 1), href)), true);
  });

  test('deep in a long list: its sections open, a window around it, first and last, and "N more" to the all-pages page', () => {
    const html = boundedSidebarHtml(tree, 'api/internals/200', options);
    assert.equal(html.match(/aria-current="page"/g)?.length, 1);
    assert.match(html, /aria-current="page" data-page="api\/internals\/200"/);
    // API and Internals open; Guides closed.
    assert.equal(html.match(/<details data-nav-section open>/g)?.length, 2);
    for (const i of [0, 197, 198, 199, 200, 201, 202, 203, 399]) assert.match(html, new RegExp(`data-page="api/internals/${i}"`));
    for (const i of [1, 196, 204, 398]) assert.doesNotMatch(html, new RegExp(`data-page="api/internals/${i}"`));
    assert.match(html, /<li class="nav-more"><a href="\/base\/all-pages\/#nav-list-2-1">196 more<span class="visually-hidden"> in Internals<\/span><\/a><\/li>/);
    assert.match(html, /<a href="\/base\/all-pages\/#nav-list-2-204">195 more/);
    // The API list: a window at its end (where Internals is), its first entry, what is before counted.
    assert.match(html, /data-page="api\/0"/);
    assert.match(html, /<a href="\/base\/all-pages\/#nav-list-1-1">193 more/);
    assert.match(html, /<p class="nav-all-pages"><a href="\/base\/all-pages\/">All pages<\/a><\/p>$/);
  });

  test('a closed section shows a peek at its first entries; a section inside it only a count', () => {
    const html = boundedSidebarHtml(tree, 'index', options);
    assert.match(html, /data-page="guide\/3"/);
    assert.doesNotMatch(html, /data-page="guide\/4"/);
    assert.match(html, /<a href="\/base\/all-pages\/#nav-list-3-4">47 more/);
    assert.doesNotMatch(html, /data-page="api\/internals\/0"/);
  });

  test('a section index page: its section open, its summary marked', () => {
    const html = boundedSidebarHtml(tree, 'api/internals', options);
    assert.match(html, /<details data-nav-section open><summary><a href="\/base\/api\/internals\/" aria-current="page" data-page="api\/internals">/);
    assert.match(html, /data-page="api\/internals\/0"/);
  });

  test('the size of a page sidebar is bounded whatever the size of the nav', () => {
    const huge = navTree([page('index'), ...pages('p/', 20_000)], href);
    const sizes = ['index', 'p/0', 'p/10000', 'p/19999', 'missing'].map((id) => links(boundedSidebarHtml(huge, id, { allPagesHref: '/all/' })));
    for (const n of sizes) assert.ok(n <= 2 * 7 + 1 + 2 + 2 + 1 + 1, `${n} links`);
  });

  test('on the all-pages page, its own link is the current page', () => {
    const html = boundedSidebarHtml(tree, 'all-pages', { ...options, currentIsAllPages: true });
    assert.match(html, /<a href="\/base\/all-pages\/" aria-current="page">All pages<\/a>/);
  });

  test('the all-pages list has every page once per place in the nav, and the anchors the "more" links use', () => {
    const html = allPagesListHtml(tree);
    assert.equal(links(html), 1 + 200 + 1 + 400 + 50 + 30 + 100);
    for (const anchor of ['nav-list-0', 'nav-list-1', 'nav-list-2', 'nav-list-3', 'nav-list-4', 'nav-list-1-1', 'nav-list-2-204', 'nav-list-3-4']) assert.match(html, new RegExp(`id="${anchor}"`));
    // Each "more" link's target is the first entry it stands for.
    assert.match(html, /<li id="nav-list-2-204"><a href="\/base\/api\/internals\/204\/"/);
    assert.doesNotMatch(html, /aria-current|<details/);
  });
});

test('the all-pages id skips the ids the site has', () => {
  assert.equal(allPagesId(() => false), 'all-pages');
  const taken = new Set(['all-pages', 'all-pages-2']);
  assert.equal(allPagesId((id) => taken.has(id)), 'all-pages-3');
});
