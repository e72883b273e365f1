/**
 * A page with a local image is rendered by Astro (it optimises the image into the output): a
 * quick rebuild must see a change to the image file itself, though the page's text is unchanged.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { projectRoot, writeSiteCopy } from '../../scripts/lib/site-copy.mjs';
import { fileHashes } from '../helpers/file-hashes.ts';

// 1×1 PNGs, red and blue.
const RED = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const BLUE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-quick-images-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function build(out: string, env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, [path.join(dir, 'bin/scissors.mjs'), 'build', dir, '--out', path.join(dir, out)], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', INIT_CWD: dir, ...env },
  });
  const log = `${result.stdout}\n${result.stderr}`;
  assert.equal(result.status, 0, log.slice(-3000));
  return log;
}

test('a changed image file takes a full build, whose output is a cold build\'s', () => {
  writeSiteCopy(dir, {
    'content/docs/index.mdx': '---\ntitle: Home\n---\n\nText only.\n',
    'content/docs/pictured.md': '---\ntitle: Pictured\n---\n\n# Pictured\n\n![A dot](./dot.png)\n',
  });
  fs.writeFileSync(path.join(dir, 'content/docs/dot.png'), RED);
  fs.cpSync(path.join(projectRoot, 'bin'), path.join(dir, 'bin'), { recursive: true });
  build('dist');
  assert.match(build('dist'), /quick rebuild: only pages and their includes changed/, 'unchanged: quick');
  fs.writeFileSync(path.join(dir, 'content/docs/dot.png'), BLUE);
  assert.match(build('dist'), /full build: pictured\.md changed, and Astro renders it \(images\)/);
  build('cold', { SCISSORS_QUICK_REBUILD: 'off', SCISSORS_RENDER_CACHE: 'off' });
  assert.deepEqual(fileHashes(path.join(dir, 'dist')), fileHashes(path.join(dir, 'cold')));
});
