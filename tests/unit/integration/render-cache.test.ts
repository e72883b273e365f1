import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { frontHash, RenderCache, renderCacheKey, stableDescription, type CachedPage } from '../../../src/integration/render-cache.ts';
import { tempTree } from '../../helpers/tmp.ts';

const ID = { id: 'p', rawFrontmatter: 'title: T' };
const page = (html: string): CachedPage => ({ html, headings: [{ depth: 2, slug: 'a', text: 'A' }], frontmatter: { title: 'T' }, warnings: ['a warning'] });

/** Files written before the cache opens: a build never reuses what changed while it ran. */
function setup(files: Record<string, string>) {
  const tree = tempTree(files);
  const past = new Date(Date.now() - 60_000);
  for (const f of Object.keys(files)) fs.utimesSync(tree.path(f), past, past);
  return tree;
}

/** One build: open, let `use` look up and store, save. */
function build(dir: string, use: (cache: RenderCache) => void, key = 'k', basePaths: string[] = []): RenderCache {
  const cache = RenderCache.open(dir, key, { basePaths });
  use(cache);
  cache.save();
  return cache;
}

test('a page is reused while its text and every file it read are unchanged', () => {
  const t = setup({ 'a.md': 'A', 'b.md': 'B' });
  const cacheDir = t.path('cache');
  try {
    build(cacheDir, (c) => c.store('p.mdx', 'text', [t.path('a.md'), t.path('b.md')], page('<p>1</p>'), ID));
    build(cacheDir, (c) => {
      const found = c.lookup('p.mdx', 'text');
      assert.ok(found);
      assert.deepEqual({ ...found, html: found.html.toString('utf8') }, { ...page('<p>1</p>'), dependencies: [t.path('a.md'), t.path('b.md')] });
    });
    // Another text, another key: misses.
    build(cacheDir, (c) => {
      assert.equal(c.lookup('p.mdx', 'other text'), undefined);
      c.store('p.mdx', 'text', [t.path('a.md'), t.path('b.md')], page('<p>1</p>'), ID);
    });
    assert.equal(RenderCache.open(cacheDir, 'another key').lookup('p.mdx', 'text'), undefined);
    fs.writeFileSync(t.path('b.md'), 'B changed');
    assert.equal(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'), undefined);
  } finally {
    t.cleanup();
  }
});

test('a path looked for and missing invalidates the page when the file appears; a deleted file too', () => {
  const t = setup({ 'a.md': 'A' });
  const cacheDir = t.path('cache');
  try {
    build(cacheDir, (c) => c.store('p.mdx', 'text', [t.path('a.md'), t.path('missing.md')], page('x'), ID));
    assert.ok(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'));
    fs.writeFileSync(t.path('missing.md'), 'now here');
    assert.equal(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'), undefined);
    fs.rmSync(t.path('missing.md'));
    assert.ok(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'));
    fs.rmSync(t.path('a.md'));
    assert.equal(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'), undefined);
  } finally {
    t.cleanup();
  }
});

test('a path through a symlinked folder: re-pointing the folder invalidates the page, even at a copy of the same file', () => {
  const t = setup({ 'one/x.md': 'X', 'two/x.md': 'X' });
  const cacheDir = t.path('cache');
  const repoint = (to: string) => {
    fs.rmSync(t.path('link'), { force: true });
    fs.symlinkSync(to, t.path('link'));
  };
  try {
    repoint('one');
    // What the snippet engine reports for `link/x.md`: the real path and the path as looked up.
    build(cacheDir, (c) => c.store('p.mdx', 'text', [t.path('one/x.md'), t.path('link/x.md')], page('x'), ID));
    assert.ok(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'));
    repoint('two');
    assert.equal(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'), undefined);
    repoint('one');
    assert.ok(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'));
  } finally {
    t.cleanup();
  }
});

test('a symlinked folder re-pointed while the build ran (after the page read through it): the page is not cached', () => {
  const t = setup({ 'one/x.md': 'X', 'two/x.md': 'X' });
  const cacheDir = t.path('cache');
  fs.symlinkSync('two', t.path('link'));
  try {
    // The render read one/x.md through link/; link/ leads to two/ by the time the page is stored.
    build(cacheDir, (c) => c.store('p.mdx', 'text', [t.path('one/x.md'), t.path('link/x.md')], page('x'), ID));
    assert.equal(RenderCache.open(cacheDir, 'k').lookup('p.mdx', 'text'), undefined);
  } finally {
    t.cleanup();
  }
});

test('a symlinked earlier base path re-pointed at a folder that has the file: the page is rendered again', () => {
  const t = setup({ 'empty/keep': '', 'full/x.md': 'X first', 'second/x.md': 'X' });
  const cacheDir = t.path('cache');
  fs.symlinkSync('empty', t.path('first'));
  const bases = [t.path('first'), t.path('second')];
  try {
    build(cacheDir, (c) => c.store('p.mdx', 'text', [t.path('second/x.md')], page('x'), ID), 'k', bases);
    assert.ok(RenderCache.open(cacheDir, 'k', { basePaths: bases }).lookup('p.mdx', 'text'));
    fs.rmSync(t.path('first'));
    fs.symlinkSync('full', t.path('first'));
    assert.equal(RenderCache.open(cacheDir, 'k', { basePaths: bases }).lookup('p.mdx', 'text'), undefined);
  } finally {
    t.cleanup();
  }
});

test('a file found under a later base path: creating it under an earlier one invalidates the page', () => {
  const t = setup({ 'second/x.md': 'X', 'first/keep': '' });
  const cacheDir = t.path('cache');
  const bases = [t.path('first'), t.path('second')];
  try {
    build(cacheDir, (c) => c.store('p.mdx', 'text', [t.path('second/x.md')], page('x'), ID), 'k', bases);
    assert.ok(RenderCache.open(cacheDir, 'k', { basePaths: bases }).lookup('p.mdx', 'text'));
    fs.writeFileSync(t.path('first/x.md'), 'shadows X');
    assert.equal(RenderCache.open(cacheDir, 'k', { basePaths: bases }).lookup('p.mdx', 'text'), undefined);
  } finally {
    t.cleanup();
  }
});

test('not cached: pages that included a URL, read a file changed during the build, or whose reads nobody reported', () => {
  const t = setup({ 'a.md': 'A' });
  const cacheDir = t.path('cache');
  try {
    const first = build(cacheDir, (c) => {
      c.store('url.mdx', 'text', ['https://example.org/x.md'], page('x'), ID);
      c.store('unreported.mdx', 'text', undefined, page('z'), ID);
      fs.writeFileSync(t.path('a.md'), 'changed during the build');
      c.store('late.mdx', 'text', [t.path('a.md')], page('y'), ID);
    });
    assert.equal(first.uncacheable, 3);
    const next = RenderCache.open(cacheDir, 'k');
    assert.equal(next.lookup('unreported.mdx', 'text'), undefined);
    assert.equal(next.lookup('url.mdx', 'text'), undefined);
    assert.equal(next.lookup('late.mdx', 'text'), undefined);
  } finally {
    t.cleanup();
  }
});

test('damaged HTML is re-rendered, never served; pages not built again leave the cache', () => {
  const t = setup({});
  const cacheDir = t.path('cache');
  try {
    build(cacheDir, (c) => {
      c.store('a.mdx', 'a', [], page('<p>aaaa</p>'), ID);
      c.store('b.mdx', 'b', [], page('<p>bbbb</p>'), ID);
    });
    build(cacheDir, (c) => assert.ok(c.lookup('a.mdx', 'a')));
    assert.equal(RenderCache.open(cacheDir, 'k').lookup('b.mdx', 'b'), undefined, 'b was not part of the last build');
    const index = JSON.parse(fs.readFileSync(path.join(cacheDir, 'index.json'), 'utf8')) as { blob: string };
    const blob = path.join(cacheDir, index.blob);
    fs.writeFileSync(blob, fs.readFileSync(blob, 'utf8').replace('aaaa', 'zzzz'));
    assert.equal(RenderCache.open(cacheDir, 'k').lookup('a.mdx', 'a'), undefined);
  } finally {
    t.cleanup();
  }
});

test('the build key follows the site model, Markdown settings, docs listing, icons and version', () => {
  const t = setup({ 'src/x.ts': 'code', 'package.json': '{"version":"1.0.0"}', 'docs/a.md': 'A', 'icons/i.svg': '<svg/>' });
  try {
    const parts = { packageRoot: t.dir, siteJson: '{"a":1}', markdown: { shikiConfig: { theme: 'x' } }, docsDir: t.path('docs'), contentFolders: [t.path('icons')] };
    const base = renderCacheKey(parts);
    assert.equal(renderCacheKey(parts), base);
    assert.notEqual(renderCacheKey({ ...parts, siteJson: '{"a":2}' }), base);
    assert.notEqual(renderCacheKey({ ...parts, markdown: { shikiConfig: { theme: 'y' } } }), base);
    fs.writeFileSync(t.path('docs/new.md'), '');
    const listed = renderCacheKey(parts);
    assert.notEqual(listed, base);
    fs.writeFileSync(t.path('docs/a.md'), 'page text is keyed per page, not here');
    assert.equal(renderCacheKey(parts), listed);
    fs.writeFileSync(t.path('icons/i.svg'), '<svg id="changed"/>');
    assert.notEqual(renderCacheKey(parts), listed);
  } finally {
    t.cleanup();
  }
});

test('stableDescription: functions by source, cycles cut, state skipped, key order irrelevant', () => {
  function plugin() {
    return 1;
  }
  const cyclic: Record<string, unknown> = { b: 1, a: [plugin, { cache: new Map([[1, 2]]) }] };
  cyclic.self = cyclic;
  const described = stableDescription(cyclic);
  assert.match(described, /function plugin/);
  assert.match(described, /\[cycle\]/);
  assert.match(described, /\[Map\]/);
  assert.equal(stableDescription({ x: 1, y: 2 }), stableDescription({ y: 2, x: 1 }));
});

test('a page Astro rendered is noted with what it read: unchanged while its text and files are', () => {
  const t = setup({ 'a.md': 'A' });
  const cacheDir = t.path('cache');
  try {
    build(cacheDir, (c) => {
      c.noteAstroRendered('img.md', 'text', [t.path('a.md')], { id: 'img', rawFrontmatter: '' });
      c.sitePages = ['img.md', 'p.mdx'];
      c.settings = { shikiConfig: { theme: 'github-dark' }, image: { domains: [] } };
    });
    const again = RenderCache.open(cacheDir, 'k');
    assert.deepEqual(again.previousPages(), [{ page: 'img.md', id: 'img', astroRendered: true }]);
    assert.deepEqual(again.sitePages, ['img.md', 'p.mdx']);
    assert.deepEqual(again.settings, { shikiConfig: { theme: 'github-dark' }, image: { domains: [] } });
    assert.equal(again.astroRenderedUnchanged('img.md', 'other text'), false);
    assert.equal(again.astroRenderedUnchanged('img.md', 'text'), true);
    // Kept for the next build only when found unchanged (or noted again).
    again.save();
    assert.equal(RenderCache.open(cacheDir, 'k').previousPages().length, 1);
    fs.writeFileSync(t.path('a.md'), 'A changed');
    assert.equal(RenderCache.open(cacheDir, 'k').astroRenderedUnchanged('img.md', 'text'), false);
    // A URL among what it read: not noted.
    build(cacheDir, (c) => c.noteAstroRendered('img.md', 'text', ['https://example.com/x.md'], { id: 'img', rawFrontmatter: '' }));
    assert.deepEqual(RenderCache.open(cacheDir, 'k').previousPages(), []);
  } finally {
    t.cleanup();
  }
});

test('openSaved reads the cache under the key it was saved with; previous() and previousHtml() give the last render', () => {
  const t = setup({ 'a.md': 'A' });
  const cacheDir = t.path('cache');
  try {
    assert.equal(RenderCache.openSaved(cacheDir), undefined);
    build(cacheDir, (c) => c.store('p.mdx', 'text', [t.path('a.md')], page('<p>1</p>'), { id: 'p', rawFrontmatter: 'title: T' }), 'a key');
    const saved = RenderCache.openSaved(cacheDir);
    assert.ok(saved);
    assert.equal(saved.key, 'a key');
    assert.equal(saved.previousHtml('p.mdx')?.toString('utf8'), '<p>1</p>');
    const previous = saved.previous('p.mdx');
    assert.equal(previous?.id, 'p');
    assert.deepEqual(previous?.headings, page('').headings);
    assert.equal(previous?.front, frontHash('title: T'));
    assert.notEqual(previous?.front, frontHash('title: T2'));
    assert.equal(saved.previous('missing.mdx'), undefined);
    // A damaged blob: no HTML rather than wrong HTML.
    const blob = fs.readdirSync(cacheDir).find((f) => f.startsWith('pages-')) as string;
    fs.writeFileSync(path.join(cacheDir, blob), '<p>2</p>');
    assert.equal(RenderCache.openSaved(cacheDir)?.previousHtml('p.mdx'), undefined);
  } finally {
    t.cleanup();
  }
});

test('each save has its own name, read without the pages', () => {
  const t = setup({});
  const cacheDir = t.path('cache');
  try {
    assert.equal(RenderCache.savedName(cacheDir), undefined);
    build(cacheDir, () => undefined);
    const first = RenderCache.savedName(cacheDir);
    assert.ok(first);
    assert.equal(RenderCache.openSaved(cacheDir)?.savedAs, first);
    build(cacheDir, () => undefined);
    assert.notEqual(RenderCache.savedName(cacheDir), first);
  } finally {
    t.cleanup();
  }
});
