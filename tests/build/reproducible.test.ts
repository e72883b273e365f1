/**
 * Reproducible builds: two fresh clones of the same commit, in two different folders, build
 * byte-identical dist/ (no timestamps, random ids or absolute paths; dates come from git).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { linkNodeModules } from '../../scripts/lib/site-copy.mjs';
import { fileHashes } from '../helpers/file-hashes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-repro-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

function cloneAndBuild(name: string): string {
  const dir = path.join(work, name);
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, dir]);
  linkNodeModules(dir);
  // The real build command: Astro, then Pagefind's index (which must be reproducible too).
  const result = spawnSync('npm', ['run', 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  return path.join(dir, 'dist');
}

test('two clones of HEAD build byte-identical dist/', () => {
  const a = fileHashes(cloneAndBuild('first'));
  const b = fileHashes(cloneAndBuild('second-with-a-longer-folder-name'));
  assert.ok(a.size > 3, 'the build produced files');
  assert.deepEqual(b, a);
  for (const file of [...a.keys()].filter((f) => f.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(work, 'first/dist', file), 'utf8');
    assert.ok(!html.includes(work), `${file} contains an absolute path`);
  }
});
