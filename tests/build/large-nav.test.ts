/**
 * A large site (more nav entries than a full sidebar carries) gets bounded sidebars, and a reader
 * without JavaScript still reaches every page from the home page by following navigation links
 * (the sidebar, then the all-pages page it links to). Built with `scissors build`, as users do,
 * from a native site of tiny generated pages; one of them is named like the all-pages page, which
 * must then take another URL.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Element } from 'domhandler';
import { findAll, getAttributeValue } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { FULL_SIDEBAR_LIMIT } from '../../src/components/nav-html.ts';
import { projectRoot, writeSiteCopy } from '../../scripts/lib/site-copy.mjs';

const PAGES = FULL_SIDEBAR_LIMIT + 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-large-nav-'));
const dist = path.join(dir, 'dist');
after(() => fs.rmSync(dir, { recursive: true, force: true }));

before(() => {
  const files: Record<string, string> = { 'content/docs/index.mdx': '---\ntitle: Home\n---\n\nA large site.\n' };
  for (let i = 1; i <= PAGES; i++) files[`content/docs/page-${String(i).padStart(4, '0')}.mdx`] = `---\ntitle: Page ${i}\n---\n\nPage ${i}.\n`;
  // A site page where the all-pages page would go.
  files['content/docs/all-pages.mdx'] = '---\ntitle: Not the list\n---\n\nA page of the site.\n';
  writeSiteCopy(dir, files);
  fs.cpSync(path.join(projectRoot, 'bin'), path.join(dir, 'bin'), { recursive: true });
  const build = spawnSync(process.execPath, [path.join(dir, 'bin/scissors.mjs'), 'build', dir, '--out', dist], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', INIT_CWD: dir },
  });
  assert.equal(build.status, 0, build.stdout + build.stderr);
});

const builtPages = () =>
  fs
    .globSync('**/index.html', { cwd: dist })
    .filter((f) => !f.startsWith('pagefind/'))
    .map((f) => `/${path.dirname(f).split(path.sep).join('/')}/`.replace(/^\/\.\/$/, '/'))
    .sort();

const read = (url: string) => parseDocument(fs.readFileSync(path.join(dist, url, 'index.html'), 'utf8'));
const navLinks = (url: string, selector: (el: Element) => boolean) =>
  findAll(selector, read(url).children).flatMap((nav) => findAll((el) => el.name === 'a', nav.children).map((a) => getAttributeValue(a, 'href') ?? ''));

test('every page is reached from the home page through navigation links alone', () => {
  const all = builtPages();
  assert.ok(all.length >= PAGES + 2, `${all.length} pages built`);
  const inNav = (el: Element) => el.name === 'nav' && getAttributeValue(el, 'data-scissors-nav') !== undefined;
  const seen = new Set(['/']);
  const queue = ['/'];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    for (const href of navLinks(url, inNav)) {
      const target = href.replace(/#.*$/, '');
      if (!target.startsWith('/') || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  assert.deepEqual(all.filter((u) => !seen.has(u)), []);
});

test('each sidebar is bounded: a window of the nav, not the whole of it', () => {
  for (const url of ['/', '/page-0001/', '/page-0300/', `/page-${String(PAGES).padStart(4, '0')}/`]) {
    const links = navLinks(url, (el) => el.name === 'nav' && getAttributeValue(el, 'class') === 'sidebar');
    assert.ok(links.length > 10 && links.length < 40, `${url}: ${links.length} sidebar links`);
  }
  const html = fs.readFileSync(path.join(dist, 'page-0300/index.html'), 'utf8');
  assert.match(html, /<a href="\/page-0300\/" aria-current="page" data-page="page-0300">Page 300<\/a>/);
  assert.match(html, /<li class="nav-more"><a href="\/all-pages-2\/#nav-list-0-\d+">\d+ more/);
  // Each "N more" link lands on the first entry it stands for.
  const list = fs.readFileSync(path.join(dist, 'all-pages-2/index.html'), 'utf8');
  const targets = [...html.matchAll(/<li class="nav-more"><a href="\/all-pages-2\/#([^"]+)">/g)].map((m) => m[1]);
  assert.equal(targets.length, 2);
  for (const id of targets) assert.match(list, new RegExp(`<li id="${id}"><a href="/`));
});

test('the all-pages page takes a free URL, lists every page and is not indexed for search', () => {
  // all-pages is the site's own page; the list went to all-pages-2.
  assert.match(fs.readFileSync(path.join(dist, 'all-pages/index.html'), 'utf8'), /A page of the site\./);
  const list = fs.readFileSync(path.join(dist, 'all-pages-2/index.html'), 'utf8');
  assert.match(list, /<h1>All pages<\/h1>/);
  assert.match(list, /<a href="\/all-pages-2\/" aria-current="page">All pages<\/a>/);
  assert.doesNotMatch(list, /data-pagefind-body/);
  const entry = JSON.parse(fs.readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  // The home page, the generated pages and the page named all-pages; not the list.
  assert.equal(indexed, PAGES + 2);
});
