import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { quickRebuild, recordBuild, siteHash } from '../../../src/incremental/quick-rebuild.ts';
import { RENDER_CACHE_FOLDER, RenderCache } from '../../../src/integration/render-cache.ts';
import { astroCacheDir } from '../../../src/site/astro-settings.ts';
import { loadSiteModel } from '../../../src/site/load.ts';
import { tempTree } from '../../helpers/tmp.ts';

const packageRoot = path.resolve(import.meta.dirname, '../../..');

test('a file changed while a build ran is not vouched for: the state keeps the site hash taken at the start', async () => {
  const t = tempTree({
    'mkdocs.yml': 'site_name: Race\n',
    'docs/index.md': '# Home\n',
    'docs/media/logo.svg': '<svg/>',
    'site/index.html': '<p>built</p>',
  });
  const site = await loadSiteModel(t.dir);
  const cacheDir = astroCacheDir(site, packageRoot);
  try {
    // A render cache saved by "the build" (no pages needed for the site-hash check).
    RenderCache.open(path.join(cacheDir, RENDER_CACHE_FOLDER), 'k').save();
    const quick = (hash: string) => quickRebuild({ site, packageRoot, siteHash: hash, log: () => undefined });
    const SITE_CHANGED = /^the configuration, the Scissors version, the environment or a file other than pages/;

    // Nothing changed: past the site hash (it stops later, at the empty cache).
    const atStart = siteHash({ site, packageRoot });
    recordBuild(site, packageRoot, atStart);
    const unchanged = await quick(siteHash({ site, packageRoot }));
    assert.equal(unchanged.kind, 'declined');
    assert.doesNotMatch(unchanged.kind === 'declined' ? unchanged.reason : '', SITE_CHANGED);

    // A published file edited while the build ran: the next build must not start from that one.
    const start = siteHash({ site, packageRoot });
    fs.writeFileSync(t.path('docs/media/logo.svg'), '<svg></svg>');
    recordBuild(site, packageRoot, start);
    const next = await quick(siteHash({ site, packageRoot }));
    assert.equal(next.kind, 'declined');
    assert.match(next.kind === 'declined' ? next.reason : '', SITE_CHANGED);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    t.cleanup();
  }
});
