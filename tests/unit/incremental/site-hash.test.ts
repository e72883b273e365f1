import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { siteHash } from '../../../src/incremental/site-hash.ts';
import { loadSiteModel } from '../../../src/site/load.ts';
import { tempTree } from '../../helpers/tmp.ts';

const packageRoot = path.resolve(import.meta.dirname, '../../..');

/** An MkDocs site: pages, a published image, an include outside the docs folder. */
function mkdocsSite() {
  return tempTree({
    'mkdocs.yml': 'site_name: Hash test\nmarkdown_extensions:\n  - pymdownx.snippets\n',
    'docs/index.md': '# Home\n\n--8<-- "examples/one.py"\n',
    'docs/media/logo.svg': '<svg/>',
    'examples/one.py': 'print(1)\n',
  });
}

test('the site hash ignores pages and their includes, and follows everything else a page is built from', async () => {
  const t = mkdocsSite();
  try {
    const site = await loadSiteModel(t.dir);
    const hash = (env: NodeJS.ProcessEnv = {}) => siteHash({ site, packageRoot, env });
    const first = hash();
    assert.equal(hash(), first, 'stable');
    // Pages and includes are the render cache's, page by page.
    fs.writeFileSync(t.path('docs/index.md'), '# Home, edited\n');
    fs.writeFileSync(t.path('examples/one.py'), 'print(2)\n');
    assert.equal(hash(), first);
    // A published file's content, a new file in the docs folder, the configuration, the environment.
    fs.writeFileSync(t.path('docs/media/logo.svg'), '<svg></svg>');
    const published = hash();
    assert.notEqual(published, first);
    fs.writeFileSync(t.path('docs/other.md'), '# Other\n');
    const listed = hash();
    assert.notEqual(listed, published);
    assert.notEqual(hash({ SCISSORS_RENDER: 'modules' }), listed);
    assert.notEqual(hash({ NODE_ENV: 'development' }), listed);
    // Derived by the build itself: not an input.
    assert.equal(hash({ SCISSORS_SITE_JSON: '{}', SCISSORS_BUILD_ASTRO_STEP: '1', PATH: '/elsewhere' }), listed);
    fs.appendFileSync(t.path('mkdocs.yml'), '# a comment\n');
    assert.notEqual(hash(), listed);
    // The model itself (a setting read from the file).
    const other = await loadSiteModel(t.dir, { outDir: t.path('elsewhere') });
    assert.notEqual(siteHash({ site: other, packageRoot, env: {} }), siteHash({ site, packageRoot, env: {} }));
  } finally {
    t.cleanup();
  }
});

test('custom icons are part of the site hash', async () => {
  const t = mkdocsSite();
  try {
    fs.mkdirSync(t.path('overrides/.icons/brand'), { recursive: true });
    fs.writeFileSync(t.path('overrides/.icons/brand/mark.svg'), '<svg>1</svg>');
    const site = await loadSiteModel(t.dir);
    const first = siteHash({ site, packageRoot, env: {} });
    fs.writeFileSync(t.path('overrides/.icons/brand/mark.svg'), '<svg>2</svg>');
    assert.notEqual(siteHash({ site, packageRoot, env: {} }), first);
  } finally {
    t.cleanup();
  }
});
