/**
 * An installed Scissors (npm's tarball: no package-lock.json) must still tell a dependency's new
 * version from the old: shiki, Astro or a remark plugin updated in the site's node_modules
 * render pages differently, and both the render cache's key and the quick rebuild's site hash
 * take "the Scissors version" (scissorsVersionHash) for everything the renderers are made of.
 * Each hash in a process of its own: the hash is computed once a process.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { tempTree } from '../../helpers/tmp.ts';

const renderCache = pathToFileURL(path.resolve(import.meta.dirname, '../../../src/integration/render-cache.ts')).href;

const versionHash = (packageRoot: string) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', `import { scissorsVersionHash } from '${renderCache}'; console.log(scissorsVersionHash(process.argv[1]));`, packageRoot], {
    encoding: 'utf8',
  }).trim();

test('an installed package (no lock file): a dependency updated in node_modules changes the Scissors version hash', () => {
  // As `npm install scissors` lays it out: the package's files, its dependencies hoisted beside it.
  const t = tempTree({
    'node_modules/scissors/package.json': JSON.stringify({ name: 'scissors', version: '1.0.0', dependencies: { shiki: '^4.6.0' } }),
    'node_modules/scissors/astro.config.mjs': 'export default {};\n',
    'node_modules/scissors/src/index.ts': 'export {};\n',
    'node_modules/shiki/package.json': JSON.stringify({ name: 'shiki', version: '4.6.0' }),
  });
  try {
    const root = t.path('node_modules/scissors');
    assert.equal(fs.existsSync(path.join(root, 'package-lock.json')), false);
    const before = versionHash(root);
    assert.equal(versionHash(root), before, 'stable');
    fs.writeFileSync(t.path('node_modules/shiki/package.json'), JSON.stringify({ name: 'shiki', version: '4.7.0' }));
    assert.notEqual(versionHash(root), before, 'shiki 4.6.0 → 4.7.0 left the hash as it was');
  } finally {
    t.cleanup();
  }
});
