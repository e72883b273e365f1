import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildNav, navTitles, pagesOutsideNav } from '../../../src/site/nav.ts';
import { mkdocsPath, pageFor, relativeUrl, sitePages } from '../../../src/site/pages.ts';
import { titleFromFileName, titleFromSource } from '../../../src/site/titles.ts';
import { tempTree } from '../../helpers/tmp.ts';

const mkdocs = { urlStyle: 'mkdocs' as const, directoryUrls: true };

describe('page URLs', () => {
  test('MkDocs rules: x.md → x/, index.md and README.md → their folder; .html without directory URLs', () => {
    assert.equal(mkdocsPath('core/tracer.md', true), 'core/tracer/');
    assert.equal(mkdocsPath('index.md', true), '');
    assert.equal(mkdocsPath('core/metrics/index.md', true), 'core/metrics/');
    assert.equal(mkdocsPath('guide/README.md', true), 'guide/');
    assert.equal(mkdocsPath('core/tracer.md', false), 'core/tracer.html');
    assert.equal(mkdocsPath('index.md', false), 'index.html');
    // File names are kept as written (MkDocs does not slug them).
    assert.deepEqual(pageFor(mkdocs, 'utilities/Data_Classes.md'), { source: 'utilities/Data_Classes.md', id: 'utilities/Data_Classes', url: '/utilities/Data_Classes/' });
    assert.deepEqual(pageFor(mkdocs, 'index.md'), { source: 'index.md', id: 'index', url: '/' });
    assert.deepEqual(pageFor({ urlStyle: 'slug', directoryUrls: true }, 'My Page.mdx'), { source: 'My Page.mdx', id: 'my-page', url: '/my-page/' });
  });

  test('x.md beside x/index.md: the index page takes the URL, the other is named as shadowed', () => {
    const tree = tempTree({ 'docs/core/metrics.md': '# EMF', 'docs/core/metrics/index.md': '# Metrics', 'docs/.hidden/x.md': '', 'docs/a.md': '' });
    const set = sitePages({ ...mkdocs, docsDir: `${tree.dir}/docs`, pagePattern: '**/*.md' });
    assert.deepEqual(set.pages.map((p) => p.source), ['a.md', 'core/metrics/index.md']);
    assert.deepEqual(set.shadowed, [{ source: 'core/metrics.md', by: 'core/metrics/index.md' }]);
    tree.cleanup();
  });

  test('relative URLs between pages, as MkDocs writes them', () => {
    assert.equal(relativeUrl('/core/tracer/', '/utilities/idempotency/'), '../../utilities/idempotency/');
    assert.equal(relativeUrl('/', '/core/tracer/'), 'core/tracer/');
    assert.equal(relativeUrl('/core/tracer/', '/core/tracer/'), './');
    assert.equal(relativeUrl('/core/tracer/', '/media/x.png'), '../../media/x.png');
  });
});

describe('titles and navigation', () => {
  test('a page title: front matter, else the first level-one heading outside code, else the file name', () => {
    assert.equal(titleFromSource('---\ntitle: "Front"\n---\n# Heading\n'), 'Front');
    assert.equal(titleFromSource('```\n# not this\n```\n\n# Real **title** {#id}\n'), 'Real title');
    assert.equal(titleFromSource('Just text\n'), undefined);
    assert.equal(titleFromFileName('core/event_handler/api_gateway.md'), 'Api gateway');
    assert.equal(titleFromFileName('tutorial/index.md'), 'Tutorial');
    // As MkDocs: a leading underscore becomes a space, so nothing is capitalised; mixed case is kept.
    assert.equal(titleFromFileName('core/_openapi_customization_metadata.md'), 'openapi customization metadata');
    assert.equal(titleFromFileName('AWS-setup.md'), 'AWS setup');
  });

  test('nav: sections, titles from the page, index pages, links, shadowed pages at their URL; pages outside it listed', () => {
    const tree = tempTree({
      'docs/index.md': '# Home page\n',
      'docs/core/metrics/index.md': '# Metrics\n',
      'docs/core/metrics.md': '# EMF\n',
      'docs/core/tracer.md': '# Tracer\n',
      'docs/extra.md': '# Not in nav\n',
    });
    const site = {
      ...mkdocs,
      docsDir: `${tree.dir}/docs`,
      pagePattern: '**/*.md',
      theme: { palette: [], features: ['navigation.indexes'] },
      nav: [
        { kind: 'page' as const, source: 'index.md' },
        {
          kind: 'section' as const,
          title: 'Core',
          children: [
            { kind: 'section' as const, title: 'Metrics', children: [{ kind: 'page' as const, source: 'core/metrics/index.md' }, { kind: 'page' as const, title: 'EMF', source: 'core/metrics.md' }] },
            { kind: 'page' as const, source: 'core/tracer.md' },
            { kind: 'link' as const, title: 'API', href: 'api/', newTab: true },
          ],
        },
      ],
    };
    const pages = sitePages(site);
    const nav = buildNav(site, pages, []);
    assert.deepEqual(nav[0], { kind: 'page', title: 'Home page', href: '/', newTab: false, id: 'index' });
    const core = nav[1];
    assert.ok(core?.kind === 'section');
    const metrics = core.children[0];
    assert.ok(metrics?.kind === 'section');
    assert.deepEqual(metrics.index, { kind: 'page', title: 'Metrics', href: '/core/metrics/', newTab: false, id: 'core/metrics' });
    assert.deepEqual(metrics.children, [{ kind: 'page', title: 'EMF', href: '/core/metrics/', newTab: false, id: undefined }]);
    assert.deepEqual(core.children[2], { kind: 'link', title: 'API', href: 'api/', newTab: true });
    const titles = navTitles(nav);
    assert.equal(titles.get('core/tracer'), 'Tracer');
    assert.equal(titles.get('core/metrics'), 'Metrics', "the section's index page, not the shadowed page listed after it");
    assert.deepEqual(pagesOutsideNav(site, pages), ['extra.md']);
    tree.cleanup();
  });
});

describe('palette', () => {
  test("the header's colour is shaded until its text meets AA, also on its translucent buttons", async () => {
    const { contrast, paletteCss, primaryColour, readableHeader } = await import('../../../src/site/palette.ts');
    for (const name of ['deep purple', 'indigo', 'teal', 'amber', 'light blue', 'white']) {
      const colour = primaryColour(name);
      assert.ok(colour, `${name} is one of Material's colours`);
      const { bg, fg } = readableHeader(colour);
      assert.ok(contrast(fg, bg) >= 4.5, `${name}: ${fg} on ${bg}`);
    }
    // Already readable colours are kept as Material has them.
    assert.equal(readableHeader({ bg: '#000000', fg: '#fff' }).bg, '#000000');
    assert.match(paletteCss([{ scheme: 'light', primary: 'deep purple' }, { scheme: 'dark', primary: 'indigo' }]), /^:root\{--header-bg:light-dark\(#[0-9a-f]{6},#[0-9a-f]{6}\);--header-fg:light-dark\(#ffffff,#ffffff\)\}$/);
    assert.equal(paletteCss([]), '');
  });
});
