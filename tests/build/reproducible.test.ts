/**
 * Reproducible builds: two fresh clones of the same commit, in two different folders, build
 * byte-identical dist/ (no timestamps, random ids or absolute paths; dates come from git).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { linkNodeModules } from '../../scripts/lib/site-copy.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-repro-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of fs.globSync('**/*', { cwd: dir }).sort()) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) out[file] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}

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
  const a = hashes(cloneAndBuild('first'));
  const b = hashes(cloneAndBuild('second-with-a-longer-folder-name'));
  assert.ok(Object.keys(a).length > 3, 'the build produced files');
  assert.deepEqual(b, a);
  for (const file of Object.keys(a).filter((f) => f.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(work, 'first/dist', file), 'utf8');
    assert.ok(!html.includes(work), `${file} contains an absolute path`);
  }
});
